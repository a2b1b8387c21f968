// @vitest-environment node
/**
 * Every regex the classifier runs must take linear time on any input: the knowledge base's
 * signatures and the classifier's own patterns (`patterns.ts`). recheck checks unanchored patterns
 * in search mode, which is how `exec` runs them.
 *
 * recheck spends up to several seconds on a pattern, so proofs are recorded in
 * tests/linear-proofs.json (a hash of each proved pattern, with the recheck version and parameters;
 * `npm run -s linear:prove` adds new ones). A pattern whose hash is recorded is reported as proved;
 * every other pattern — a new or edited signature — is proved here, and the test fails until it is.
 */
import { readFileSync } from 'node:fs';
import { checkSync, type Diagnostics } from 'recheck';
import { beforeAll, describe, expect, it } from 'vitest';
import { allPatterns, loadProofs, PROOF_PARAMS, proofKey, proveAll, sourcePatterns } from '../../../scripts/linear-proofs-lib.ts';

function describeDiagnostics(d: Diagnostics): string {
  if (d.status === 'safe') return `safe (${d.complexity.summary})`;
  if (d.status === 'vulnerable') return `vulnerable: ${d.complexity.summary}, attack ${d.attack.pattern}`;
  return `unknown: ${d.error.kind}`;
}

/** Throws unless recheck proves the pattern safe. */
function assertLinear(source: string, flags: string): void {
  const d = checkSync(source, flags, PROOF_PARAMS);
  if (d.status !== 'safe') throw new Error(`/${source}/${flags} is not linear: ${describeDiagnostics(d)}`);
}

describe('the check itself', () => {
  it('fails on a pattern with catastrophic backtracking: ^(a+)+$', () => {
    expect(() => assertLinear('^(a+)+$', '')).toThrow(/not linear: vulnerable/);
  });

  it('fails on a pattern with polynomial backtracking in search mode', () => {
    expect(() => assertLinear('\\s+$', '')).toThrow(/not linear/);
  });

  it('passes a plain anchored pattern', () => {
    expect(() => assertLinear('^421 4\\.7\\.0 ', '')).not.toThrow();
  });
});

describe('the proof file', () => {
  it('is ignored when another recheck version or other parameters made it', () => {
    const key = proofKey('^a', '');
    expect(loadProofs(JSON.stringify({ recheck: '0.0.1', params: PROOF_PARAMS, safe: [key] })).size).toBe(0);
    expect(loadProofs(JSON.stringify({ recheck: 'x', params: { ...PROOF_PARAMS, timeout: 1 }, safe: [key] })).size).toBe(0);
    expect(loadProofs('{not json').size).toBe(0);
  });

  it('keys a pattern by its flags too', () => {
    expect(proofKey('abc', 'i')).not.toBe(proofKey('abc', ''));
    expect(proofKey('abc', 'i')).toBe(proofKey('abc', 'i'));
  });
});

describe('the regex literals of the bounce reader and the log scanner', () => {
  it('are found in their sources (so they are proved below with the rest)', () => {
    const found = sourcePatterns();
    expect(found.length).toBeGreaterThan(40);
    // The RFC 2047 encoded-word pattern of mime.ts, as a known landmark.
    expect(found.some((p) => p.name.startsWith('src/engine/intake/mime.ts') && p.pattern.includes('\\?([bBqQ])\\?'))).toBe(true);
  });
});

describe('every classifier and knowledge-base pattern', () => {
  const patterns = allPatterns();
  const proved = loadProofs(readFileSync(new URL('../../../tests/linear-proofs.json', import.meta.url), 'utf8'));
  let results = new Map<string, Diagnostics>();
  beforeAll(async () => {
    results = await proveAll(patterns.filter((p) => !proved.has(proofKey(p.pattern, p.flags))));
  }, 900_000);

  it('there are patterns to check', () => {
    expect(patterns.length).toBeGreaterThan(0);
  });

  it.each(patterns.map((p) => [p.name, p] as const))('%s', (name, p) => {
    if (proved.has(proofKey(p.pattern, p.flags))) return;
    const d = results.get(name);
    expect(d, `no result for ${name}`).toBeDefined();
    if (d && d.status !== 'safe') throw new Error(`/${p.pattern}/${p.flags} is not linear: ${describeDiagnostics(d)}`);
  });
});
