// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Entry } from '@/engine/index.ts';
import { summarizeKb } from '@/engine/kb/summary.ts';
import { TEST_ENTRY_ID, testKb } from '@/testing/fixtures/test-kb.ts';
import { kbSourceFromKb, lazyKbSource } from './kb-source.ts';

function entry(): Entry {
  const e = testKb().entries.find((x) => x.id === TEST_ENTRY_ID);
  if (!e) throw new Error('fixture entry missing');
  return e;
}

describe('lazyKbSource', () => {
  it('goes idle → loading → ready, notifies, and shares one load between callers', async () => {
    let calls = 0;
    const source = lazyKbSource(summarizeKb(testKb()), { [TEST_ENTRY_ID]: async () => { calls++; return { default: entry() }; } });
    const seen: string[] = [];
    source.subscribe(() => seen.push(source.state(TEST_ENTRY_ID).status));
    expect(source.state(TEST_ENTRY_ID).status).toBe('idle');
    const [a, b] = await Promise.all([source.load(TEST_ENTRY_ID), source.load(TEST_ENTRY_ID)]);
    expect(a).toBe(b);
    expect(a?.id).toBe(TEST_ENTRY_ID);
    expect(calls).toBe(1);
    expect(seen).toEqual(['loading', 'ready']);
    // Loaded once: no further fetch.
    await source.load(TEST_ENTRY_ID);
    expect(calls).toBe(1);
  });

  it('reports a failed load and tries again on the next load()', async () => {
    let fail = true;
    const source = lazyKbSource(summarizeKb(testKb()), {
      [TEST_ENTRY_ID]: async () => {
        if (fail) throw new Error('offline');
        return { default: entry() };
      },
    });
    expect(await source.load(TEST_ENTRY_ID)).toBeUndefined();
    expect(source.state(TEST_ENTRY_ID)).toEqual({ status: 'error', message: 'offline' });
    fail = false;
    expect((await source.load(TEST_ENTRY_ID))?.id).toBe(TEST_ENTRY_ID);
    expect(source.state(TEST_ENTRY_ID).status).toBe('ready');
  });

  it('knows nothing of ids outside the index, or without a loader', async () => {
    const source = lazyKbSource(summarizeKb(testKb()), {});
    expect(source.state('nope/none').status).toBe('unknown');
    expect(source.state(TEST_ENTRY_ID).status).toBe('unknown');
    expect(await source.load(TEST_ENTRY_ID)).toBeUndefined();
    expect(source.summary(TEST_ENTRY_ID)?.id).toBe(TEST_ENTRY_ID);
  });
});

describe('kbSourceFromKb', () => {
  it('has every entry ready at once', () => {
    const source = kbSourceFromKb(testKb());
    expect(source.state(TEST_ENTRY_ID)).toEqual({ status: 'ready', entry: entry() });
    expect(source.index.entries.map((e) => e.id)).toEqual(testKb().entries.map((e) => e.id));
  });
});
