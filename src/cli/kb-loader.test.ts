// @vitest-environment node
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledKb } from '@/kb-data/kb.ts';
import { loadCliKb } from './kb-loader.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'cli-kb-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the CLI's knowledge base", () => {
  it('is the bundled one, validated on the first run and read from the cache on the next', () => {
    const cache = join(tmp, 'cache');
    const first = loadCliKb(ROOT, cache);
    const bundled = bundledKb();
    expect(first.ok && bundled.ok).toBe(true);
    if (!first.ok || !bundled.ok) return;
    expect(JSON.stringify(first.kb.entries)).toBe(JSON.stringify(bundled.kb.entries));
    expect(readdirSync(cache).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const second = loadCliKb(ROOT, cache);
    expect(second.ok && JSON.stringify(second.kb.entries)).toBe(JSON.stringify(first.kb.entries));
  });

  it('validates changed content again and reports a broken entry, caching nothing', () => {
    const root = join(tmp, 'root');
    const dir = join(root, 'kb/entries/smtp-552-message-too-big');
    mkdirSync(dir, { recursive: true });
    cpSync(join(ROOT, 'kb/entries/smtp-552-message-too-big'), dir, { recursive: true });
    writeFileSync(join(dir, 'entry.json'), '{"id": ');
    const cache = join(tmp, 'cache2');
    const loaded = loadCliKb(root, cache);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.errors.join('\n')).toContain('entry.json');
    expect(() => readdirSync(cache)).toThrow();
  });
});
