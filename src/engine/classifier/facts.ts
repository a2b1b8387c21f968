/**
 * The decision-tree facts a finding answers, so that the wizard and the CLI never ask a question
 * the paste already settled.
 */
import type { ClassifiableEntry, TreeShape } from '../kb/summary.ts';
import { pathsToCause } from '../walker/tree-check.ts';
import type { Finding } from './types.ts';

const pathMemo = new WeakMap<TreeShape, Map<string, ReadonlyArray<Readonly<Record<string, string>>>>>();

function paths(tree: TreeShape, cause: string): ReadonlyArray<Readonly<Record<string, string>>> {
  let byCause = pathMemo.get(tree);
  if (!byCause) {
    byCause = new Map();
    pathMemo.set(tree, byCause);
  }
  let found = byCause.get(cause);
  if (!found) {
    found = pathsToCause(tree, cause);
    byCause.set(cause, found);
  }
  return found;
}

function agrees(path: Readonly<Record<string, string>>, known: Readonly<Record<string, string>>): boolean {
  for (const [k, v] of Object.entries(path)) {
    const have = known[k];
    if (have !== undefined && have !== v) return false;
  }
  return true;
}

/** The facts every path in the list shares (same fact, same value). */
function common(list: ReadonlyArray<Readonly<Record<string, string>>>): Record<string, string> {
  const [first, ...rest] = list;
  const out: Record<string, string> = {};
  if (!first) return out;
  for (const [k, v] of Object.entries(first)) if (rest.every((p) => p[k] === v)) out[k] = v;
  return out;
}

/**
 * The facts to pre-answer in the walk (`step(tree, walk, {type: 'infer', facts})`):
 *
 * 1. the finding's facts (its signature's facts and emitter, then the context hints), with the
 *    signature's own facts and emitter re-read from the entry so a finding that went through JSON
 *    still counts;
 * 2. when the finding proves a cause, the facts on the tree paths to that cause
 *    (`pathsToCause`): all of them when exactly one path agrees with what is already known, else
 *    those common to every agreeing path. When no path agrees (a hint contradicts the proven
 *    cause), the paths win over the hints: the common facts of all paths to the cause override.
 */
export function factsForFinding(entry: Pick<ClassifiableEntry, 'signatures' | 'tree'>, finding: Pick<Finding, 'cause' | 'signature' | 'facts'>): Record<string, string> {
  const known: Record<string, string> = { ...finding.facts };
  const sig = finding.signature !== undefined ? entry.signatures.find((s) => s.id === finding.signature) : undefined;
  if (sig) {
    Object.assign(known, sig.facts ?? {});
    if (sig.emitter !== undefined && sig.facts?.emitter === undefined) known.emitter = sig.emitter;
  }
  if (finding.cause === undefined) return known;
  const all = paths(entry.tree, finding.cause);
  if (all.length === 0) return known;
  const fitting = all.filter((p) => agrees(p, known));
  if (fitting.length === 0) return { ...known, ...common(all) };
  const [only] = fitting;
  return { ...known, ...(fitting.length === 1 && only ? only : common(fitting)) };
}
