/**
 * A localStorage wrapper for zustand `persist` that never throws and never hands persist data it
 * cannot use: unreadable storage, corrupt JSON, an unknown version or a state that fails its schema
 * are reported (the app shows a notice) and the saved item is discarded, so the app starts fresh.
 */
import type { StateStorage } from 'zustand/middleware';
import { envelopeSchema } from './persisted.ts';
import { validatePersisted } from './migrations.ts';

export type StorageProblem = 'corrupt' | 'invalid' | 'unavailable' | 'write-failed';

/** The part of the Web Storage API we use (jsdom's and the browser's localStorage, or a test double). */
export type StorageBackend = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Checks a saved string: parseable JSON, persist's envelope, a known version and a valid state. */
export function inspectSaved(raw: string): 'ok' | 'corrupt' | 'invalid' {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // Not JSON at all (truncated write, another app's value): reported as corrupt by the caller.
    return 'corrupt';
  }
  const envelope = envelopeSchema.safeParse(parsed);
  if (!envelope.success) return 'invalid';
  return validatePersisted(envelope.data.state, envelope.data.version) ? 'ok' : 'invalid';
}

export function createSafeStorage(backend: StorageBackend | null, report: (problem: StorageProblem) => void): StateStorage {
  let writeReported = false;
  const remove = (name: string) => {
    try {
      backend?.removeItem(name);
    } catch (err) {
      // Removal failing leaves the bad item for the next visit, which is reported again; nothing else to do.
      if (!(err instanceof Error)) throw err;
    }
  };
  return {
    getItem: (name) => {
      if (!backend) return null;
      let raw: string | null;
      try {
        raw = backend.getItem(name);
      } catch {
        // Storage blocked by the browser (privacy settings, sandboxed frame).
        report('unavailable');
        return null;
      }
      if (raw === null) return null;
      const verdict = inspectSaved(raw);
      if (verdict === 'ok') return raw;
      remove(name);
      report(verdict);
      return null;
    },
    setItem: (name, value) => {
      if (!backend) return;
      try {
        backend.setItem(name, value);
      } catch {
        // Quota exceeded or storage blocked: keep working in memory, tell the user once.
        if (!writeReported) report('write-failed');
        writeReported = true;
      }
    },
    removeItem: remove,
  };
}
