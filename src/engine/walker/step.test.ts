// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { miniEntry } from '../../testing/fixtures/mini-entry.ts';
import { loadKbOrThrow } from '../kb/load-kb.ts';
import type { Tree } from '../kb/schema.ts';
import { EMPTY_WALK, resolve, step } from './step.ts';
import { checkTree, pathsToCause } from './tree-check.ts';

function tree(): Tree {
  const entry = loadKbOrThrow([miniEntry()]).entries[0];
  if (!entry) throw new Error('fixture did not load');
  return entry.tree;
}

describe('walker', () => {
  it('asks the root question first and lists every cause as possible', () => {
    const r = resolve(tree(), EMPTY_WALK);
    expect(r.current?.id).toBe('q-emitter');
    expect(r.candidates).toEqual(['count', 'down', 'rate']);
  });

  it('reaches a leaf through answers and records the path', () => {
    const t = tree();
    let w = step(t, EMPTY_WALK, { type: 'answer', fact: 'emitter', value: 'postfix' });
    expect(resolve(t, w).current?.id).toBe('q-log');
    w = step(t, w, { type: 'answer', fact: 'log', value: 'rate' });
    const r = resolve(t, w);
    expect(r.leaf?.cause).toBe('rate');
    expect(r.path.map((p) => [p.node.id, p.value, p.origin])).toEqual([
      ['q-emitter', 'postfix', 'user'],
      ['q-log', 'rate', 'user'],
    ]);
  });

  it('does not ask what a paste already settled, and a user answer overrides it', () => {
    const t = tree();
    let w = step(t, EMPTY_WALK, { type: 'infer', facts: { emitter: 'postfix', log: 'concurrency' } });
    let r = resolve(t, w);
    expect(r.leaf?.cause).toBe('count');
    expect(r.path.every((p) => p.origin === 'paste')).toBe(true);
    w = step(t, w, { type: 'answer', fact: 'log', value: 'rate' });
    r = resolve(t, w);
    expect(r.leaf?.cause).toBe('rate');
  });

  it('changing an early answer re-routes the walk', () => {
    const t = tree();
    let w = step(t, EMPTY_WALK, { type: 'answer', fact: 'emitter', value: 'postfix' });
    w = step(t, w, { type: 'answer', fact: 'log', value: 'rate' });
    w = step(t, w, { type: 'answer', fact: 'emitter', value: 'other' });
    expect(resolve(t, w).leaf?.cause).toBe('down');
  });

  it('back undoes the last user answer on the path only', () => {
    const t = tree();
    let w = step(t, EMPTY_WALK, { type: 'infer', facts: { emitter: 'postfix' } });
    w = step(t, w, { type: 'answer', fact: 'log', value: 'rate' });
    w = step(t, w, { type: 'back' });
    expect(resolve(t, w).current?.id).toBe('q-log');
    const again = step(t, w, { type: 'back' });
    expect(again).toBe(w);
  });

  it('unset forgets a fact of either origin so it is asked again', () => {
    const t = tree();
    let w = step(t, EMPTY_WALK, { type: 'infer', facts: { emitter: 'postfix' } });
    w = step(t, w, { type: 'unset', fact: 'emitter' });
    expect(resolve(t, w).current?.id).toBe('q-emitter');
  });

  it('ignores a known value that is not an option and asks', () => {
    const t = tree();
    const w = step(t, EMPTY_WALK, { type: 'infer', facts: { emitter: 'sendmail' } });
    expect(resolve(t, w).current?.id).toBe('q-emitter');
  });

  it('state is plain JSON and the step is pure', () => {
    const t = tree();
    const before = { answers: { emitter: 'postfix' }, inferred: {} };
    const frozen = JSON.stringify(before);
    const after = step(t, before, { type: 'answer', fact: 'log', value: 'rate' });
    expect(JSON.stringify(before)).toBe(frozen);
    expect(JSON.parse(JSON.stringify(after))).toEqual(after);
  });

  it('reports the facts that lead to a cause', () => {
    expect(pathsToCause(tree(), 'count')).toEqual([{ emitter: 'postfix', log: 'concurrency' }]);
  });
});

describe('checkTree', () => {
  const causes = new Set(['count', 'rate', 'down']);
  const q = (id: string, fact: string, opts: Array<[string, string]>) => ({
    kind: 'question' as const, id, fact, question: { en: id, zh: id },
    options: opts.map(([value, next]) => ({ value, label: { en: value, zh: value }, next })),
  });
  const leaf = (id: string, cause: string) => ({ kind: 'leaf' as const, id, cause });

  it('accepts the fixture tree', () => {
    expect(checkTree(tree(), causes)).toEqual([]);
  });
  it('finds cycles', () => {
    const t: Tree = { root: 'a', nodes: [q('a', 'f', [['x', 'b'], ['y', 'l1']]), q('b', 'g', [['x', 'a'], ['y', 'l2']]), leaf('l1', 'count'), leaf('l2', 'rate')] };
    expect(checkTree(t, causes).join('\n')).toContain('cycle: a -> b -> a');
  });
  it('finds unreachable nodes and unknown targets', () => {
    const t: Tree = { root: 'a', nodes: [q('a', 'f', [['x', 'l1'], ['y', 'nowhere']]), leaf('l1', 'count'), leaf('l9', 'rate')] };
    const problems = checkTree(t, causes).join('\n');
    expect(problems).toContain('leads to unknown node "nowhere"');
  });
  it('finds unreachable nodes', () => {
    const t: Tree = { root: 'a', nodes: [q('a', 'f', [['x', 'l1'], ['y', 'l2']]), leaf('l1', 'count'), leaf('l2', 'rate'), leaf('l9', 'down')] };
    expect(checkTree(t, causes)).toEqual(['node "l9" cannot be reached from the root']);
  });
  it('finds questions whose answer changes nothing', () => {
    const t: Tree = { root: 'a', nodes: [q('a', 'f', [['x', 'l1'], ['y', 'l2']]), leaf('l1', 'count'), leaf('l2', 'count')] };
    expect(checkTree(t, causes).join('\n')).toContain('question "a" does not change the outcome');
  });
  it('finds leaves naming unknown causes', () => {
    const t: Tree = { root: 'a', nodes: [q('a', 'f', [['x', 'l1'], ['y', 'l2']]), leaf('l1', 'count'), leaf('l2', 'ghost')] };
    expect(checkTree(t, causes).join('\n')).toContain('unknown cause "ghost"');
  });
});
