/**
 * Where the app gets its knowledge base: the index of every entry (summaries, present from the
 * start) and the full entries, loaded one at a time when the user opens one. The browser build loads
 * entries from their own chunks (`virtual:kb-index`); tests and embedders with a whole `Kb` in memory
 * use {@link kbSourceFromKb}, where every entry is ready at once. No React here.
 */
import type { Entry } from '@/engine/kb/schema.ts';
import type { Kb } from '@/engine/kb/load-kb.ts';
import { summarizeKb, type EntrySummary, type KbIndex } from '@/engine/kb/summary.ts';

export type EntryState =
  | { readonly status: 'unknown' }
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly entry: Entry }
  | { readonly status: 'error'; readonly message: string };

export interface KbSource {
  readonly index: KbIndex;
  summary(id: string): EntrySummary | undefined;
  /** The entry's state now (stable objects: safe for `useSyncExternalStore`). */
  state(id: string): EntryState;
  /** Loads the entry once (again after an error); resolves to it, or undefined when it cannot be had. */
  load(id: string): Promise<Entry | undefined>;
  subscribe(listener: () => void): () => void;
}

export type EntryLoaders = Readonly<Record<string, () => Promise<{ readonly default: Entry }>>>;

const UNKNOWN: EntryState = { status: 'unknown' };
const IDLE: EntryState = { status: 'idle' };
const LOADING: EntryState = { status: 'loading' };

function findSummary(index: KbIndex): (id: string) => EntrySummary | undefined {
  const byId = new Map(index.entries.map((e) => [e.id, e] as const));
  return (id) => byId.get(id);
}

/** Entries fetched on demand through `loaders` (one chunk each in the browser build). */
export function lazyKbSource(index: KbIndex, loaders: EntryLoaders): KbSource {
  const summary = findSummary(index);
  const states = new Map<string, EntryState>();
  const pending = new Map<string, Promise<Entry | undefined>>();
  const listeners = new Set<() => void>();
  const set = (id: string, s: EntryState): void => {
    states.set(id, s);
    for (const l of [...listeners]) l();
  };
  const state = (id: string): EntryState => states.get(id) ?? (summary(id) && loaders[id] ? IDLE : UNKNOWN);
  return {
    index,
    summary,
    state,
    load(id) {
      const now = state(id);
      if (now.status === 'ready') return Promise.resolve(now.entry);
      if (now.status === 'unknown') return Promise.resolve(undefined);
      const inFlight = pending.get(id);
      if (inFlight) return inFlight;
      const loader = loaders[id];
      if (!loader) return Promise.resolve(undefined);
      set(id, LOADING);
      const p = loader().then(
        (m) => {
          set(id, { status: 'ready', entry: m.default });
          return m.default;
        },
        (err: unknown) => {
          // A chunk that fails (offline before it was cached, a deploy that replaced it) is reported; a
          // later load() tries again.
          set(id, { status: 'error', message: err instanceof Error ? err.message : String(err) });
          return undefined;
        },
      ).finally(() => pending.delete(id));
      pending.set(id, p);
      return p;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A source over a knowledge base already in memory: every entry is ready. */
export function kbSourceFromKb(kb: Kb): KbSource {
  const index = summarizeKb(kb);
  const ready = new Map(kb.entries.map((e) => [e.id, { status: 'ready', entry: e } as const] as const));
  return {
    index,
    summary: findSummary(index),
    state: (id) => ready.get(id) ?? UNKNOWN,
    load: (id) => Promise.resolve(ready.get(id)?.entry),
    subscribe: () => () => undefined,
  };
}
