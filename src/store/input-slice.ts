import type { Finding } from '@/engine/index.ts';
import type { AppSlice } from './app-state.ts';

/** What the classifier found in the pasted text. Derived, so never persisted. */
export interface InputSummary {
  readonly lines: number;
  /** Ranked best first. */
  readonly findings: readonly Finding[];
  /** Facts the text's context settles (who logged it, who the user is), with or without a finding. */
  readonly facts: Readonly<Record<string, string>>;
  /** The finding whose facts pre-answer the walk. */
  readonly chosen: number;
}

export interface InputSlice {
  /** The pasted text after secrets were redacted. The raw text is never stored. */
  paste: string;
  summary: InputSummary | null;
  /** Stores a new analysis and starts the walk over from the facts it settled. */
  applyAnalysis: (analysis: { paste: string; summary: InputSummary; entryId: string | null; inferred: Readonly<Record<string, string>> }) => void;
  /** Recomputed summary for a paste restored from storage; the walk is left alone. */
  setSummary: (summary: InputSummary | null) => void;
}

export const createInputSlice: AppSlice<InputSlice> = (set) => ({
  paste: '',
  summary: null,
  applyAnalysis: ({ paste, summary, entryId, inferred }) =>
    set({ paste, summary, entryId, walk: { answers: {}, inferred }, editingFact: null }),
  setSummary: (summary) => set({ summary }),
});
