// @vitest-environment node
/**
 * "No two entries claim the same text with equal rank": every exact text (reply or log) of every
 * cause, with its placeholders filled in, is classified against the whole knowledge base, and the
 * top finding must be unique — no finding from a DIFFERENT entry may have the same tier (proves a
 * cause / lists candidates / reply code alone) and the same confidence. On such a tie the order is
 * decided by signature id or entry id alone, i.e. by accident. Fix an offender by making one
 * entry's signature more specific (specificity, emitter) or by narrowing the other's pattern.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '@/engine/classifier/classify.ts';
import { tierOf } from '@/engine/classifier/rank.ts';
import type { Finding } from '@/engine/classifier/types.ts';
import type { Kb } from '@/engine/kb/load-kb.ts';
import { fillPlaceholders } from '@/testing/fill-placeholders.ts';
import { evalKb } from '../scripts/eval.ts';

const loaded = evalKb();

function requireKb(): Kb {
  if (loaded.kb === undefined) throw new Error(`the bundled KB does not load:\n${loaded.errors.join('\n')}`);
  return loaded.kb;
}

interface EmittedText {
  readonly entry: string;
  readonly cause: string;
  readonly text: string;
}

function emittedTexts(kb: Kb): EmittedText[] {
  const out: EmittedText[] = [];
  const seen = new Set<string>();
  for (const entry of kb.entries) {
    for (const cause of entry.causes) {
      for (const em of cause.emitters) {
        for (const t of em.texts) {
          for (const template of [t.reply, t.log]) {
            if (template === undefined) continue;
            const text = fillPlaceholders(template);
            const key = `${entry.id}|${text}`;
            if (seen.has(key)) continue;
            seen.add(key);
            out.push({ entry: entry.id, cause: cause.id, text });
          }
        }
      }
    }
  }
  return out;
}

function show(f: Finding): string {
  const what = f.cause ?? `[${f.candidates.join(', ')}]`;
  return `${f.entry} ${what} (signature ${f.signature ?? `code ${f.code ?? '?'}`}, tier ${tierOf(f)}, confidence ${f.confidence})`;
}

/** The findings of other entries that tie with the top finding on tier and confidence. */
function rivals(findings: readonly Finding[]): Finding[] {
  const top = findings[0];
  if (!top) return [];
  return findings.slice(1).filter((f) => f.entry !== top.entry && tierOf(f) === tierOf(top) && f.confidence === top.confidence);
}

function finding(entry: string, cause: string | undefined, confidence: number, signature: string | undefined = 'sig'): Finding {
  return {
    entry, cause, candidates: cause ? [cause] : ['a', 'b'], reason: 'ratelimited', code: 421, enhanced: undefined, source: undefined,
    confidence, line: 1, text: '', signature, captures: {}, facts: {}, count: 1, matched: undefined, emitterCheck: 'unknown',
  };
}

describe('the tie detector', () => {
  it('flags another entry with the same tier and confidence, and nothing else', () => {
    const top = finding('x/one', 'c1', 0.9);
    expect(rivals([top, finding('x/two', 'c2', 0.9)]).map((f) => f.entry)).toEqual(['x/two']);
    expect(rivals([top, finding('x/one', 'c3', 0.9)])).toEqual([]); // same entry
    expect(rivals([top, finding('x/two', 'c2', 0.89)])).toEqual([]); // lower confidence
    expect(rivals([top, finding('x/two', undefined, 0.9)])).toEqual([]); // lower tier
  });
});

describe('no two entries claim the same text with equal rank', () => {
  it('the knowledge base has texts to check', () => {
    expect(emittedTexts(requireKb()).length).toBeGreaterThan(0);
  });

  it('every emitted text has a unique top finding', () => {
    const kb = requireKb();
    const offenders: string[] = [];
    for (const t of emittedTexts(kb)) {
      const { findings } = classify(kb, t.text);
      const tied = rivals(findings);
      const top = findings[0];
      if (top && tied.length > 0) {
        offenders.push(`${t.entry} / ${t.cause}: "${t.text}"\n    top:  ${show(top)}\n    ties: ${tied.map(show).join('\n          ')}`);
      }
    }
    expect(offenders, `${offenders.length} text(s) claimed with equal rank by two entries:\n  ${offenders.join('\n  ')}`).toEqual([]);
  });
});
