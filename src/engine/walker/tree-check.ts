import type { Tree, TreeNode } from '../kb/schema.ts';
import type { TreeShape } from '../kb/summary.ts';

/** Problems found in a decision tree, each a readable sentence naming the node. */
export function checkTree(tree: Tree, causeIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const byId = new Map<string, TreeNode>();
  for (const node of tree.nodes) {
    if (byId.has(node.id)) problems.push(`node "${node.id}" is defined twice`);
    byId.set(node.id, node);
  }
  if (!byId.has(tree.root)) problems.push(`root "${tree.root}" is not a node`);
  for (const node of tree.nodes) {
    if (node.kind === 'leaf') {
      if (!causeIds.has(node.cause)) problems.push(`leaf "${node.id}" names unknown cause "${node.cause}"`);
      continue;
    }
    const values = new Set<string>();
    for (const opt of node.options) {
      if (values.has(opt.value)) problems.push(`question "${node.id}" has option "${opt.value}" twice`);
      values.add(opt.value);
      if (!byId.has(opt.next)) problems.push(`question "${node.id}" option "${opt.value}" leads to unknown node "${opt.next}"`);
    }
  }
  if (problems.length > 0) return problems;

  // Cycles and reachability: depth-first from the root.
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    const s = state.get(id);
    if (s === 'open') {
      problems.push(`cycle: ${[...trail, id].join(' -> ')}`);
      return;
    }
    if (s === 'done') return;
    state.set(id, 'open');
    const node = byId.get(id);
    if (node?.kind === 'question') for (const opt of node.options) visit(opt.next, [...trail, id]);
    state.set(id, 'done');
  };
  visit(tree.root, []);
  for (const node of tree.nodes) if (!state.has(node.id)) problems.push(`node "${node.id}" cannot be reached from the root`);
  if (problems.length > 0) return problems;

  // Every question must matter: its options may not all lead to the same set of causes.
  const outcomes = new Map<string, ReadonlySet<string>>();
  const causesBelow = (id: string): ReadonlySet<string> => {
    const cached = outcomes.get(id);
    if (cached) return cached;
    const node = byId.get(id);
    const out = new Set<string>();
    if (node?.kind === 'leaf') out.add(node.cause);
    else if (node) for (const opt of node.options) for (const c of causesBelow(opt.next)) out.add(c);
    outcomes.set(id, out);
    return out;
  };
  for (const node of tree.nodes) {
    if (node.kind !== 'question') continue;
    const sets = node.options.map((o) => [...causesBelow(o.next)].sort().join(','));
    if (new Set(sets).size === 1) problems.push(`question "${node.id}" does not change the outcome: every option leads to ${sets[0]}`);
  }
  return problems;
}

/** The causes reachable below a node (inclusive). */
export function causesReachable(tree: Tree, from: string): Set<string> {
  const byId = new Map(tree.nodes.map((n) => [n.id, n] as const));
  const out = new Set<string>();
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop();
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    const node = byId.get(id);
    if (node?.kind === 'leaf') out.add(node.cause);
    else if (node) for (const o of node.options) stack.push(o.next);
  }
  return out;
}

/**
 * Every root-to-leaf path to a cause, as the facts that lead there. A cause may have several paths
 * (e.g. reached from two emitters); the classifier uses them to pre-answer questions.
 */
export function pathsToCause(tree: TreeShape, causeId: string): Array<Record<string, string>> {
  const byId = new Map(tree.nodes.map((n) => [n.id, n] as const));
  const out: Array<Record<string, string>> = [];
  const walk = (id: string, facts: Record<string, string>, depth: number): void => {
    const node = byId.get(id);
    if (!node || depth > byId.size) return;
    if (node.kind === 'leaf') {
      if (node.cause === causeId) out.push(facts);
      return;
    }
    for (const o of node.options) walk(o.next, { ...facts, [node.fact]: o.value }, depth + 1);
  };
  walk(tree.root, {}, 0);
  return out;
}
