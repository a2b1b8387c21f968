import { createContext, useContext, type ReactNode } from 'react';
import { findEntry, type Entry, type Kb } from '@/engine/index.ts';
import { useAppStore } from './store-context.tsx';

const KbContext = createContext<Kb | null>(null);

export function KbProvider({ kb, children }: { kb: Kb; children: ReactNode }) {
  return <KbContext.Provider value={kb}>{children}</KbContext.Provider>;
}

export function useKb(): Kb {
  const kb = useContext(KbContext);
  if (!kb) throw new Error('useKb must be used inside <KbProvider>');
  return kb;
}

/** The entry the walk is about, or undefined before one is chosen (or when a saved id no longer exists). */
export function useCurrentEntry(): Entry | undefined {
  const kb = useKb();
  const entryId = useAppStore((s) => s.entryId);
  return entryId === null ? undefined : findEntry(kb, entryId);
}
