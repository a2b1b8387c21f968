/**
 * The decision-tree walker: a pure step function over plain-JSON state (xstate's `transition` idea).
 * Answers are keyed by fact, not by node, so a fact settled once (by the user, an earlier wizard step
 * or a pasted text) is never asked again, and changing one answer re-routes the rest of the walk.
 */
import type { LeafNode, QuestionNode, Tree, TreeNode } from '../kb/schema.ts';
import { causesReachable } from './tree-check.ts';

export type FactOrigin = 'user' | 'paste';

export interface WalkState {
  /** Facts the user gave, by fact id. */
  readonly answers: Readonly<Record<string, string>>;
  /** Facts read from a pasted text. A user answer for the same fact wins. */
  readonly inferred: Readonly<Record<string, string>>;
}

export type WalkEvent =
  | { type: 'answer'; fact: string; value: string }
  /** Forget a fact (from either origin) so that its question is asked again. */
  | { type: 'unset'; fact: string }
  /** Undo the last answer the user gave on the current path. */
  | { type: 'back' }
  | { type: 'infer'; facts: Readonly<Record<string, string>> }
  | { type: 'reset' };

export interface PathStep {
  readonly node: QuestionNode;
  readonly value: string;
  readonly origin: FactOrigin;
}

export interface Resolution {
  readonly path: readonly PathStep[];
  /** The next question to ask, when the walk has not reached a leaf. */
  readonly current: QuestionNode | undefined;
  readonly leaf: LeafNode | undefined;
  /** Causes still possible from where the walk stands. */
  readonly candidates: readonly string[];
}

export const EMPTY_WALK: WalkState = { answers: {}, inferred: {} };

function without(record: Readonly<Record<string, string>>, key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) if (k !== key) out[k] = v;
  return out;
}

/** Follows the tree from the root as far as the known facts allow. */
export function resolve(tree: Tree, state: WalkState): Resolution {
  const byId = new Map<string, TreeNode>(tree.nodes.map((n) => [n.id, n]));
  const path: PathStep[] = [];
  let node = byId.get(tree.root);
  // A well-formed tree is acyclic (checked at load); the bound only guards hand-made state.
  for (let guard = 0; node && guard <= tree.nodes.length; guard++) {
    if (node.kind === 'leaf') return { path, current: undefined, leaf: node, candidates: [node.cause] };
    const q: QuestionNode = node;
    const user = state.answers[q.fact];
    const pasted = state.inferred[q.fact];
    const option =
      q.options.find((o) => o.value === user) ?? q.options.find((o) => o.value === pasted);
    if (!option) return { path, current: q, leaf: undefined, candidates: [...causesReachable(tree, q.id)].sort() };
    path.push({ node: q, value: option.value, origin: option.value === user ? 'user' : 'paste' });
    node = byId.get(option.next);
  }
  return { path, current: undefined, leaf: undefined, candidates: [] };
}

/** Applies one event and returns the next state. Never mutates its input. */
export function step(tree: Tree, state: WalkState, event: WalkEvent): WalkState {
  switch (event.type) {
    case 'answer':
      return { answers: { ...state.answers, [event.fact]: event.value }, inferred: state.inferred };
    case 'unset':
      return { answers: without(state.answers, event.fact), inferred: without(state.inferred, event.fact) };
    case 'infer':
      return { answers: state.answers, inferred: { ...state.inferred, ...event.facts } };
    case 'reset':
      return EMPTY_WALK;
    case 'back': {
      const { path } = resolve(tree, state);
      const last = [...path].reverse().find((s) => s.origin === 'user');
      return last ? { answers: without(state.answers, last.node.fact), inferred: state.inferred } : state;
    }
  }
}
