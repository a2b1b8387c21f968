// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Tree } from '@/engine/index.ts';
import { testKb } from '@/testing/fixtures/test-kb.ts';
import { stepAfter, stepBefore, wizardFacts } from './wizard-flow.ts';

const tree: Tree = testKb().entries[0]!.tree;

describe('wizard flow', () => {
  it('skips the role step when the paste settled the role', () => {
    expect(stepAfter('paste', tree, { answers: {}, inferred: {} })).toBe('role');
    expect(stepAfter('paste', tree, { answers: {}, inferred: { role: 'emitting-server' } })).toBe('software');
  });

  it('goes to the diagnosis as soon as the walk reaches a leaf', () => {
    expect(stepAfter('software', tree, { answers: { emitter: 'other' }, inferred: {} })).toBe('questions');
    expect(stepAfter('questions', tree, { answers: { emitter: 'other', 'fx-pattern': 'always' }, inferred: {} })).toBe('diagnosis');
  });

  it('undoes the last tree answer on Back, never a fact the role or software step owns', () => {
    const walk = { answers: { role: 'app-sender', emitter: 'other', 'fx-pattern': 'always' }, inferred: {} };
    expect(stepBefore('diagnosis', tree, walk)).toEqual({ step: 'questions', walk: { answers: { role: 'app-sender', emitter: 'other' }, inferred: {} } });
    expect(stepBefore('questions', tree, { answers: { role: 'app-sender', emitter: 'other' }, inferred: {} }).step).toBe('software');
  });

  it('goes back to the paste from the software step when the paste gave the role', () => {
    expect(stepBefore('software', tree, { answers: {}, inferred: { role: 'emitting-server' } }).step).toBe('paste');
    expect(stepBefore('software', tree, { answers: { role: 'emitting-server' }, inferred: {} }).step).toBe('role');
  });

  it('lets the software step own the emitter only where the user is not the sending server', () => {
    expect(wizardFacts('app-sender')).toContain('emitter');
    expect(wizardFacts('emitting-server')).toContain('emitter');
    expect(wizardFacts('sending-server')).not.toContain('emitter');
  });
});
