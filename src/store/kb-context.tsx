import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import type { Entry } from '@/engine/index.ts';
import type { EntrySummary, KbIndex } from '@/engine/kb/summary.ts';
import type { EntryState, KbSource } from './kb-source.ts';
import { useAppStore } from './store-context.tsx';

const KbContext = createContext<KbSource | null>(null);

export function KbProvider({ source, children }: { source: KbSource; children: ReactNode }) {
  return <KbContext.Provider value={source}>{children}</KbContext.Provider>;
}

export function useKbSource(): KbSource {
  const source = useContext(KbContext);
  if (!source) throw new Error('useKbSource must be used inside <KbProvider>');
  return source;
}

/** Every entry's summary: enough to classify, search and name entries. */
export function useKb(): KbIndex {
  return useKbSource().index;
}

export function useEntrySummary(id: string | null): EntrySummary | undefined {
  const source = useKbSource();
  return id === null ? undefined : source.summary(id);
}

/** The load state of an entry, starting its load when it is needed and not loaded yet. */
export function useEntryState(id: string | null): EntryState {
  const source = useKbSource();
  const state = useSyncExternalStore(
    source.subscribe,
    () => (id === null ? UNKNOWN : source.state(id)),
  );
  useEffect(() => {
    if (id !== null && state.status === 'idle') void source.load(id);
  }, [source, id, state.status]);
  return state;
}

const UNKNOWN: EntryState = { status: 'unknown' };

/** The entry the walk is about, once loaded; undefined before one is chosen, while it loads, or when a saved id no longer exists. */
export function useCurrentEntry(): Entry | undefined {
  const entryId = useAppStore((s) => s.entryId);
  const state = useEntryState(entryId);
  return state.status === 'ready' ? state.entry : undefined;
}
