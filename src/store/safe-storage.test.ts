// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createSafeStorage, inspectSaved, type StorageBackend, type StorageProblem } from './safe-storage.ts';

function memory(initial: Record<string, string> = {}): StorageBackend & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const VALID = JSON.stringify({ state: { lang: 'en', entryId: null, step: 'paste', answers: {}, inferred: {}, paste: '' }, version: 2 });

describe('inspectSaved', () => {
  it('accepts a valid current state and a valid v1 state', () => {
    expect(inspectSaved(VALID)).toBe('ok');
    expect(inspectSaved(JSON.stringify({ state: { lang: 'zh', entry: null, answers: [], paste: '' }, version: 1 }))).toBe('ok');
  });

  it('tells corrupt JSON from a state that fails validation', () => {
    expect(inspectSaved('{"state":')).toBe('corrupt');
    expect(inspectSaved('"just a string"')).toBe('invalid');
    expect(inspectSaved(JSON.stringify({ state: { lang: 'en' }, version: 2 }))).toBe('invalid');
    expect(inspectSaved(JSON.stringify({ state: {}, version: 99 }))).toBe('invalid');
    expect(inspectSaved(JSON.stringify({ state: { lang: 'en', entryId: null, step: 'paste', answers: { 'Bad Key': 'x' }, inferred: {}, paste: '' }, version: 2 }))).toBe('invalid');
  });
});

describe('createSafeStorage', () => {
  it('passes a valid item through and reports nothing', () => {
    const problems: StorageProblem[] = [];
    const storage = createSafeStorage(memory({ k: VALID }), (p) => problems.push(p));
    expect(storage.getItem('k')).toBe(VALID);
    expect(problems).toEqual([]);
  });

  it('discards a corrupt item, reports it once and returns null', () => {
    const backend = memory({ k: '{oops' });
    const problems: StorageProblem[] = [];
    const storage = createSafeStorage(backend, (p) => problems.push(p));
    expect(storage.getItem('k')).toBeNull();
    expect(backend.data.has('k')).toBe(false);
    expect(problems).toEqual(['corrupt']);
  });

  it('survives a storage that throws on every call', () => {
    const problems: StorageProblem[] = [];
    const hostile: StorageBackend = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('nope');
      },
    };
    const storage = createSafeStorage(hostile, (p) => problems.push(p));
    expect(storage.getItem('k')).toBeNull();
    expect(() => storage.setItem('k', VALID)).not.toThrow();
    expect(() => storage.setItem('k', VALID)).not.toThrow();
    expect(() => storage.removeItem('k')).not.toThrow();
    expect(problems).toEqual(['unavailable', 'write-failed']);
  });

  it('does nothing without a backend', () => {
    const storage = createSafeStorage(null, () => {
      throw new Error('should not report');
    });
    expect(storage.getItem('k')).toBeNull();
    expect(() => storage.setItem('k', VALID)).not.toThrow();
  });
});
