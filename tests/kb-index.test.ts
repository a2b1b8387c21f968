// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED, renderIndex } from '../scripts/kb-index.ts';

describe('src/kb-data/entries.generated.ts', () => {
  it('lists every file under kb/entries (run `npm run -s kb:index` when this fails)', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(renderIndex());
  });
});
