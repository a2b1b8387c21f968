// @vitest-environment node
/**
 * Checks on the shipped knowledge base as a whole: it loads, every text is bilingual for real, every
 * cause can be reached and has remedies, and every snippet id a workaround names has a generator.
 */
import { describe, expect, it } from 'vitest';
import { bundledKb } from '../src/kb-data/kb.ts';
import { SNIPPET_IDS } from '../src/engine/snippets/ids.ts';
import { snippetGenerator } from '../src/engine/snippets/registry.ts';
import { pathsToCause } from '../src/engine/walker/tree-check.ts';
import type { Entry } from '../src/engine/kb/schema.ts';

const result = bundledKb();

function entries(): readonly Entry[] {
  if (!result.ok) throw new Error(`knowledge base invalid:\n${result.errors.join('\n')}`);
  return result.kb.entries;
}

/** Every {en, zh} object anywhere in a value, with its JSON path. */
function localizedTexts(value: unknown, path = ''): Array<{ path: string; en: string; zh: string }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => localizedTexts(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const rec = Object.fromEntries(Object.entries(value));
  const keys = Object.keys(rec).sort().join(',');
  if (keys === 'en,zh' && typeof rec.en === 'string' && typeof rec.zh === 'string') return [{ path, en: rec.en, zh: rec.zh }];
  return Object.entries(rec).flatMap(([k, v]) => localizedTexts(v, path ? `${path}.${k}` : k));
}

const HAN = /\p{Script=Han}/u;

/** Text outside quotations: an option label may be an exact log line quoted as-is in both languages. */
function withoutQuotes(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"|`[^`]*`/g, '');
}

describe('shipped knowledge base', () => {
  it('loads without problems', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has Chinese for every text, and the Chinese is not the English', () => {
    const bad: string[] = [];
    for (const e of entries()) {
      for (const t of localizedTexts(e)) {
        // Labels that are product names are the same in both languages.
        const isName = /^[A-Za-z0-9 ./()+-]+$/.test(t.en) && t.en.length <= 48 && t.en === t.zh && !/\s[a-z]+\s/.test(t.en);
        if (isName) continue;
        if (t.zh.trim() === t.en.trim()) bad.push(`${e.id} ${t.path}: zh equals en`);
        else if (!HAN.test(t.zh) && /[A-Za-z]{3,}/.test(withoutQuotes(t.zh))) bad.push(`${e.id} ${t.path}: zh has no Chinese characters`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('gives every cause a tree path, a workaround and a dead end', () => {
    const bad: string[] = [];
    for (const e of entries()) {
      for (const c of e.causes) {
        if (pathsToCause(e.tree, c.id).length === 0) bad.push(`${c.id}: no path`);
        if (!e.workarounds.some((w) => w.causes.includes(c.id))) bad.push(`${c.id}: no workaround`);
        if (!e.deadEnds.some((d) => d.causes.includes(c.id))) bad.push(`${c.id}: no dead end`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('names only snippet generators that exist', () => {
    const bad: string[] = [];
    for (const e of entries()) {
      for (const w of e.workarounds) {
        for (const id of w.snippets) {
          if (!SNIPPET_IDS.some((known) => known === id)) bad.push(`${w.id}: unknown snippet id ${id}`);
          else if (!snippetGenerator(id)) bad.push(`${w.id}: snippet ${id} has no generator`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('covers every 421 emitter named in the brief', () => {
    const e = entries().find((x) => x.id === 'communication/smtp-421-service-not-available');
    const emitters = new Set(e?.causes.flatMap((c) => c.emitters.map((m) => m.product)));
    for (const p of ['postfix', 'exim', 'sendmail', 'exchange', 'microsoft365', 'gmail', 'yahoo', 'ses'] as const) {
      expect(emitters.has(p), p).toBe(true);
    }
  });

  it('ranks figures in 0…1 and gives each a basis note in both languages', () => {
    for (const e of entries()) {
      for (const w of e.workarounds) expect(w.successRate.value, w.id).toBeLessThanOrEqual(1);
      for (const d of e.deadEnds) expect(d.failRate.value, d.id).toBeLessThanOrEqual(1);
    }
  });
});
