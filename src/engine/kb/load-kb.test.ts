// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { miniEntry } from '../../testing/fixtures/mini-entry.ts';
import { loadKb, loadKbOrThrow } from './load-kb.ts';
import { composeEntry } from './compose.ts';
import { EngineError } from '../errors.ts';

function errorsOf(raw: unknown): string[] {
  const r = loadKb([raw]);
  return r.ok ? [] : r.errors;
}

describe('loadKb', () => {
  it('accepts a valid entry', () => {
    const r = loadKb([miniEntry()]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.kb.entries[0]?.causes.map((c) => c.id)).toEqual(['count', 'rate', 'down']);
  });

  it('names the entry and the field of a schema error', () => {
    const e = miniEntry();
    e.reason = 'toomanyconn';
    const errs = errorsOf(e);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^entry test\/mini: reason: must be one of /);
  });

  it('reports a missing Chinese text by path', () => {
    const e = miniEntry();
    e.title = { en: 'Only English' };
    expect(errorsOf(e).join('\n')).toContain('entry test/mini: title.zh');
  });

  it('reports unknown fields', () => {
    const e = { ...miniEntry(), colour: 'red' };
    expect(errorsOf(e).join('\n')).toContain('unknown field(s) colour');
  });

  it('reports dangling references to sources and causes', () => {
    const e = miniEntry();
    const deadEnds = e.deadEnds as Array<Record<string, unknown>>;
    deadEnds[0] = { ...deadEnds[0], causes: ['nope'], sources: ['missing'] };
    const text = errorsOf(e).join('\n');
    expect(text).toContain('deadEnds.d1: unknown cause "nope"');
    expect(text).toContain('deadEnds.d1: unknown source "missing"');
  });

  it('checks every signature example against its pattern', () => {
    const e = miniEntry();
    const sigs = e.signatures as Array<Record<string, unknown>>;
    sigs[0] = { ...sigs[0], examples: ['something else entirely'] };
    expect(errorsOf(e).join('\n')).toContain('signatures.sig-count.examples[0]: not matched by the pattern');
  });

  it('rejects an invalid regular expression with its message', () => {
    const e = miniEntry();
    const sigs = e.signatures as Array<Record<string, unknown>>;
    sigs[0] = { ...sigs[0], pattern: '(unclosed' };
    expect(errorsOf(e).join('\n')).toMatch(/signatures\.sig-count\.pattern: not a valid regular expression/);
  });

  it('rejects a bad version range', () => {
    const e = miniEntry();
    const compat = e.compatibility as Array<Record<string, unknown>>;
    compat[0] = { ...compat[0], versions: '>=three' };
    expect(errorsOf(e).join('\n')).toContain('compatibility[0].versions: bad version range ">=three"');
  });

  it('rejects a cause no leaf leads to', () => {
    const e = miniEntry();
    (e.causes as unknown[]).push({ ...(e.causes as Array<Record<string, unknown>>)[2], id: 'orphan' });
    expect(errorsOf(e).join('\n')).toContain('causes.orphan: no tree leaf leads to it');
  });

  it('rejects two entries with one id, and throws a coded error on demand', () => {
    const r = loadKb([miniEntry(), miniEntry()]);
    expect(r.ok).toBe(false);
    expect(() => loadKbOrThrow([miniEntry(), miniEntry()])).toThrow(EngineError);
    expect(() => loadKbOrThrow([{}])).toThrow(expect.objectContaining({ code: 'KB_INVALID' }));
  });
});

describe('composeEntry', () => {
  it('appends part lists to the head, tree nodes included', () => {
    const head = miniEntry();
    const { entry, problems } = composeEntry(head, [
      { name: 'p', data: { entry: 'test/mini', sources: [{ id: 's2', kind: 'rfc', title: 'RFC 3463', confirmation: 'primary' }], nodes: [] } },
    ]);
    expect(problems).toEqual([]);
    const r = loadKb([entry]);
    expect(r.ok && r.kb.entries[0]?.sources.map((s) => s.id)).toEqual(['s1', 's2']);
  });

  it('reports parts of another entry and unknown keys', () => {
    const { problems } = composeEntry(miniEntry(), [
      { name: 'a', data: { entry: 'other/x' } },
      { name: 'b', data: { title: 'no' } },
      { name: 'c', data: { causes: 'not a list' } },
    ]);
    expect(problems.map((p) => p.part)).toEqual(['a', 'b', 'c']);
  });
});

describe('cross-entry references', () => {
  it('rejects related entries and leaf offers that do not exist, unless known from elsewhere', () => {
    const e = miniEntry();
    e.related = ['test/other'];
    const tree = e.tree as { nodes: Array<Record<string, unknown>> };
    const leaf = tree.nodes.find((n) => n.id === 'l-down');
    if (leaf) leaf.offer = ['test/elsewhere'];
    const r = loadKb([e]);
    expect(r.ok ? [] : r.errors).toEqual([
      'entry test/mini: related: unknown entry "test/other"',
      'entry test/mini: tree node "l-down" offers unknown entry "test/elsewhere"',
    ]);
    expect(loadKb([e], { otherEntryIds: new Set(['test/other', 'test/elsewhere']) }).ok).toBe(true);
  });
});
