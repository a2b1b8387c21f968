// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseRange, satisfies } from './version.ts';

describe('satisfies', () => {
  it.each([
    ['3.7.11', '>=3.7', true],
    ['3.7.11', '>=3.8', false],
    ['3.8', '>=3.7.6 <3.9', true],
    ['3.9.1', '>=3.7.6 <3.9', false],
    ['2.11', '>=2.2', true],
    ['2.1', '>=2.2', false],
    ['4.96', '>=4.92', true],
    ['3.7', '3.7', true],
    ['3.7.4', '=3.7', true],
    ['3.8', '=3.7', false],
    ['SE', '*', true],
    ['SE', '>=2016', false],
  ])('%s in %s → %s', (v, r, expected) => {
    expect(satisfies(v, r)).toBe(expected);
  });
  it('rejects malformed ranges', () => {
    expect(parseRange('>=x')).toBeUndefined();
    expect(satisfies('3.7', 'nonsense range')).toBe(false);
  });
});
