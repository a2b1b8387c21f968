// @vitest-environment node
/**
 * Every regex the classifier runs must take linear time on any input: the knowledge base's
 * signatures (read from the raw bundled entries, so a KB that does not validate yet is still
 * checked) and the classifier's own patterns (`patterns.ts`). recheck checks unanchored patterns
 * in search mode, which is how `exec` runs them.
 */
import { check, checkSync, type Diagnostics } from 'recheck';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledRawEntries } from '@/kb-data/bundled.ts';
import { CLASSIFIER_PATTERNS } from './patterns.ts';

const PARAMS = { randomSeed: 20250303, timeout: 30_000 } as const;

function describeDiagnostics(d: Diagnostics): string {
  if (d.status === 'safe') return `safe (${d.complexity.summary})`;
  if (d.status === 'vulnerable') return `vulnerable: ${d.complexity.summary}, attack ${d.attack.pattern}`;
  return `unknown: ${d.error.kind}`;
}

/** Throws unless recheck proves the pattern safe. */
function assertLinear(source: string, flags: string): void {
  const d = checkSync(source, flags, PARAMS);
  if (d.status !== 'safe') throw new Error(`/${source}/${flags} is not linear: ${describeDiagnostics(d)}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface RawSignature {
  readonly name: string;
  readonly pattern: string;
  readonly flags: string;
}

function kbSignatures(): RawSignature[] {
  const out: RawSignature[] = [];
  for (const entry of bundledRawEntries().entries) {
    if (!isRecord(entry) || !Array.isArray(entry.signatures)) continue;
    const entryId = typeof entry.id === 'string' ? entry.id : '?';
    for (const sig of entry.signatures) {
      if (!isRecord(sig) || typeof sig.pattern !== 'string') continue;
      out.push({
        name: `${entryId} / ${typeof sig.id === 'string' ? sig.id : '?'}`,
        pattern: sig.pattern,
        flags: typeof sig.flags === 'string' ? sig.flags : '',
      });
    }
  }
  return out;
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

describe("the classifier's own patterns", () => {
  it.each(Object.entries(CLASSIFIER_PATTERNS))('%s', (_name, re) => {
    assertLinear(re.source, re.flags);
  }, 60_000);
});

describe('knowledge-base signatures', () => {
  const sigs = kbSignatures();
  // recheck spends about a second per pattern; run the checks side by side (a few at a time) once,
  // then report each signature as its own test.
  const results = new Map<string, Diagnostics>();
  beforeAll(async () => {
    const queue = [...sigs];
    const worker = async (): Promise<void> => {
      for (let s = queue.shift(); s !== undefined; s = queue.shift()) results.set(s.name, await check(s.pattern, s.flags, PARAMS));
    };
    await Promise.all(Array.from({ length: 6 }, worker));
  }, 600_000);

  it('there are signatures to check', () => {
    expect(sigs.length).toBeGreaterThan(0);
  });

  it.each(sigs.map((s) => [s.name, s] as const))('%s', (name, s) => {
    const d = results.get(name);
    expect(d, `no result for ${name}`).toBeDefined();
    if (d && d.status !== 'safe') throw new Error(`/${s.pattern}/${s.flags} is not linear: ${describeDiagnostics(d)}`);
  });
});
