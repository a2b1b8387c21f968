/**
 * The wizard's steps around the engine's walk: which step follows which, and what Back undoes.
 * Pure functions over plain data, shared by the paste, wizard and diagnosis features.
 */
import { isRole, resolve, type Role, type Tree, type WalkState } from '@/engine/index.ts';

export const WIZARD_STEPS = ['paste', 'role', 'software', 'questions', 'diagnosis'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** Reads a fact whoever settled it; a user answer wins over a fact read from the paste. */
export function factOf(walk: WalkState, fact: string): string | undefined {
  return walk.answers[fact] ?? walk.inferred[fact];
}

/** Whether a known fact came only from the paste (the user did not answer it). */
export function isFromPaste(walk: WalkState, fact: string): boolean {
  return walk.answers[fact] === undefined && walk.inferred[fact] !== undefined;
}

export function roleOf(walk: WalkState): Role | undefined {
  const value = factOf(walk, 'role');
  return value !== undefined && isRole(value) ? value : undefined;
}

/**
 * Facts the role and software steps ask about. The tree does not ask them again, and Back from
 * the questions does not undo them (the user changes them on their own steps).
 * The emitter is the user's own server (emitting-server) or the service an application sends
 * through (app-sender); a sending server's emitter is a remote host, which the tree asks about.
 */
export function wizardFacts(role: Role | undefined): readonly string[] {
  return role === 'app-sender' || role === 'emitting-server' ? ['role', 'product', 'version', 'emitter'] : ['role', 'product', 'version'];
}

/** The step after the paste step: it depends on the walk only, so it needs no loaded entry. */
export function stepAfterPaste(walk: WalkState): WizardStep {
  return roleOf(walk) === undefined ? 'role' : 'software';
}

export function stepAfter(step: WizardStep, tree: Tree, walk: WalkState): WizardStep {
  switch (step) {
    case 'paste':
      return stepAfterPaste(walk);
    case 'role':
      return 'software';
    case 'software':
    case 'questions':
    case 'diagnosis':
      return resolve(tree, walk).leaf ? 'diagnosis' : 'questions';
  }
}

function withoutAnswer(walk: WalkState, fact: string): WalkState {
  const answers: Record<string, string> = {};
  for (const [k, v] of Object.entries(walk.answers)) if (k !== fact) answers[k] = v;
  return { answers, inferred: walk.inferred };
}

/** Where Back leads, and the walk after it: from the questions, Back undoes the last answer given there. */
export function stepBefore(step: WizardStep, tree: Tree, walk: WalkState): { step: WizardStep; walk: WalkState } {
  switch (step) {
    case 'paste':
    case 'role':
      return { step: 'paste', walk };
    case 'software':
      return { step: walk.answers.role === undefined && walk.inferred.role !== undefined ? 'paste' : 'role', walk };
    case 'questions':
    case 'diagnosis': {
      const own = wizardFacts(roleOf(walk));
      const last = [...resolve(tree, walk).path].reverse().find((s) => s.origin === 'user' && !own.includes(s.node.fact));
      return last ? { step: 'questions', walk: withoutAnswer(walk, last.node.fact) } : { step: 'software', walk };
    }
  }
}
