// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createAppStore } from './create-app-store.ts';
import { PASTE_PERSIST_LIMIT, PERSIST_NAME } from './persisted.ts';
import type { StorageBackend } from './safe-storage.ts';

function memory(): StorageBackend & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const finding = {
  entry: 'e/x', cause: 'c', candidates: ['c'], reason: 'ratelimited', code: 421, enhanced: '4.7.0', source: undefined, confidence: 0.9,
  line: 1, text: 'secret line', signature: 's', captures: {}, facts: {}, count: 1, matched: 'secret line', emitterCheck: 'unknown',
} as const;

describe('createAppStore', () => {
  it('saves only what the user gave, under version 2, never derived results', () => {
    const storage = memory();
    const store = createAppStore({ initialLang: 'zh', storage });
    store.getState().applyAnalysis({ paste: 'redacted text', summary: { lines: 1, findings: [finding], facts: {}, chosen: 0 }, entryId: 'e/x', inferred: { role: 'app-sender' } });
    store.getState().pushNotice('link-invalid');
    const saved: unknown = JSON.parse(storage.data.get(PERSIST_NAME) ?? 'null');
    expect(saved).toEqual({
      version: 2,
      state: { lang: 'zh', entryId: 'e/x', step: 'paste', answers: {}, inferred: { role: 'app-sender' }, paste: 'redacted text' },
    });
  });

  it('keeps a very long paste in memory but does not save it', () => {
    const storage = memory();
    const store = createAppStore({ initialLang: 'en', storage });
    const long = 'x'.repeat(PASTE_PERSIST_LIMIT + 1);
    store.getState().applyAnalysis({ paste: long, summary: { lines: 1, findings: [], facts: {}, chosen: 0 }, entryId: null, inferred: {} });
    expect(store.getState().paste).toBe(long);
    expect(storage.data.get(PERSIST_NAME)).toContain('"paste":""');
  });

  it('restores a saved session into a new store (a reload)', () => {
    const storage = memory();
    const first = createAppStore({ initialLang: 'en', storage });
    first.getState().navigate('questions', { answers: { role: 'sending-server' }, inferred: { emitter: 'yahoo' } });
    first.getState().setEntry('e/x');
    const second = createAppStore({ initialLang: 'zh', storage });
    expect(second.getState()).toMatchObject({ lang: 'en', entryId: 'e/x', step: 'questions', walk: { answers: { role: 'sending-server' }, inferred: { emitter: 'yahoo' } } });
    expect(second.getState().notices).toEqual([]);
  });

  it('starts fresh with a notice when the saved session is corrupt', () => {
    const storage = memory();
    storage.data.set(PERSIST_NAME, '{"state":{"lang":"en"');
    const store = createAppStore({ initialLang: 'zh', storage });
    expect(store.getState()).toMatchObject({ lang: 'zh', step: 'paste', notices: ['storage-corrupt'] });
    // The corrupt item is gone; what is saved now is the fresh session.
    expect(JSON.parse(storage.data.get(PERSIST_NAME) ?? 'null')).toMatchObject({ version: 2, state: { lang: 'zh', step: 'paste' } });
  });

  it('gives each app instance its own store', () => {
    const a = createAppStore({ initialLang: 'en', storage: null });
    const b = createAppStore({ initialLang: 'zh', storage: null });
    a.getState().setLang('zh');
    b.getState().setLang('en');
    expect([a.getState().lang, b.getState().lang]).toEqual(['zh', 'en']);
  });
});
