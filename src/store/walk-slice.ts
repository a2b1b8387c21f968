import { EMPTY_WALK, type WalkState } from '@/engine/index.ts';
import type { AppSlice } from './app-state.ts';
import type { WizardStep } from './wizard-flow.ts';

export interface WalkSlice {
  /** The knowledge-base entry being walked; null until a paste or the user picks one. */
  entryId: string | null;
  step: WizardStep;
  walk: WalkState;
  /** A tree fact the user asked to change; its question is shown again with the current answer. Not persisted. */
  editingFact: string | null;
  navigate: (step: WizardStep, walk?: WalkState) => void;
  setEntry: (entryId: string | null) => void;
  setWalk: (walk: WalkState) => void;
  /** Opens a tree question again, with its current answer, to change it. */
  editFact: (fact: string) => void;
  /** Replaces the walk with one from a share link; the pasted text belongs to another session, so it goes. */
  restore: (shared: { entryId: string; step: WizardStep; walk: WalkState }) => void;
  startOver: () => void;
}

export const createWalkSlice: AppSlice<WalkSlice> = (set) => ({
  entryId: null,
  step: 'paste',
  walk: EMPTY_WALK,
  editingFact: null,
  navigate: (step, walk) => set((s) => ({ step, walk: walk ?? s.walk, editingFact: null })),
  setEntry: (entryId) => set({ entryId }),
  setWalk: (walk) => set({ walk }),
  editFact: (fact) => set({ step: 'questions', editingFact: fact }),
  restore: ({ entryId, step, walk }) => set({ entryId, step, walk, editingFact: null, paste: '', summary: null }),
  startOver: () => set({ entryId: null, step: 'paste', walk: EMPTY_WALK, editingFact: null, paste: '', summary: null }),
});
