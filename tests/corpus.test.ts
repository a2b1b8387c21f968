// @vitest-environment node
/**
 * The labelled corpus (tests/corpus/<slug>.jsonl, one file per KB entry) against the shipped KB and
 * classifier. `npm run -s eval` prints the same figures with every miss; this test fails CI when the
 * corpus refers to things the KB no longer has, or when the figures fall below the floors below.
 */
import { describe, expect, it } from 'vitest';
import { REASONS } from '@/engine/reasons.ts';
import { evalKb, evaluate, loadCorpus, precision, ratio, recall, type CorpusLine } from '../scripts/eval.ts';

const loaded = evalKb();
const corpus = loadCorpus();

const ENTRY_421 = 'communication/smtp-421-service-not-available';
/** Every entry with a corpus file has at least this many lines; the 421 entry at least 120. */
const MIN_LINES_PER_ENTRY = 10;
const MIN_LINES_421 = 120;
const MIN_LINES_TOTAL = 150;
/** The bare 421 line of the seed page: no cause can be read from it (REASONS.md). */
const SEED_421 = '421 4.7.0 Service not available, closing transmission channel';

/**
 * Floors for the overall figures. Measured on 2026-11-25 with 836 lines over 53 entries: cause
 * precision 99.4 %, recall 98.1 %, top-1 entry 99.6 %, reason 99.6 %, code 98.7 %, enhanced 99.6 %,
 * source 97.7 %; `npm run -s eval` lists the 37 misses. Each floor is the measured value minus about
 * two points (some 17 lines in 836): a KB entry landing that claims a corpus text, or a signature
 * narrowed, must not fail CI on its own; a real regression (a signature family broken, a ranking
 * change, a client wrapper no longer unwrapped) costs more than that and must. Precision keeps the
 * tightest floor because a confident wrong cause is the worst outcome for a user. Raise a floor when
 * a fix lifts its figure; never lower one to let a change pass without reading the new misses.
 */
const FLOORS = {
  precision: 0.98,
  recall: 0.96,
  entry: 0.97,
  reason: 0.97,
  code: 0.96,
  enhanced: 0.97,
  source: 0.95,
} as const;

function requireKb() {
  if (loaded.kb === undefined) throw new Error(`the bundled KB does not load:\n${loaded.errors.join('\n')}`);
  return loaded.kb;
}

function byEntry(lines: readonly CorpusLine[]): Map<string, CorpusLine[]> {
  const out = new Map<string, CorpusLine[]>();
  for (const l of lines) out.set(l.entry, [...(out.get(l.entry) ?? []), l]);
  return out;
}

describe('corpus files', () => {
  it('parse', () => {
    expect(corpus.errors).toEqual([]);
  });

  it('are named after the entry their lines label', () => {
    const wrong = corpus.lines.filter((l) => !l.at.startsWith(`${l.entry.split('/').pop() ?? ''}.jsonl:`)).map((l) => l.at);
    expect(wrong).toEqual([]);
  });

  it('label only entries, causes, candidates and reasons the KB has', () => {
    const kb = requireKb();
    const problems: string[] = [];
    for (const l of corpus.lines) {
      const entry = kb.entries.find((e) => e.id === l.entry);
      if (!entry) {
        problems.push(`${l.at}: unknown entry ${l.entry}`);
        continue;
      }
      const causes = new Set(entry.causes.map((c) => c.id));
      for (const c of [...(l.cause !== null ? [l.cause] : []), ...(l.candidates ?? [])]) {
        if (!causes.has(c)) problems.push(`${l.at}: ${l.entry} has no cause ${c}`);
      }
      if (l.cause === null && (l.candidates ?? []).length < 2) problems.push(`${l.at}: a null cause needs at least two candidates`);
      if (!(REASONS as readonly string[]).includes(l.reason)) problems.push(`${l.at}: unknown reason ${l.reason}`);
      const own = entry.causes.find((c) => c.id === l.cause);
      if (own && own.reason !== l.reason) problems.push(`${l.at}: reason ${l.reason}, but ${own.id} has ${own.reason}`);
    }
    expect(problems).toEqual([]);
  });

  it("do not copy the KB's own signature examples (the corpus measures generalisation)", () => {
    const examples = new Set(requireKb().entries.flatMap((e) => e.signatures.flatMap((sig) => sig.examples)));
    // The bare seed line is the one exception: it is the entry's reason to exist and must be in both.
    const copied = corpus.lines.filter((l) => examples.has(l.text) && l.text !== SEED_421).map((l) => l.at);
    expect(copied).toEqual([]);
  });

  it('have no duplicate texts', () => {
    const seen = new Map<string, string>();
    const dups: string[] = [];
    for (const l of corpus.lines) {
      const first = seen.get(l.text);
      if (first !== undefined) dups.push(`${l.at} repeats ${first}`);
      else seen.set(l.text, l.at);
    }
    expect(dups).toEqual([]);
  });

  it(`have at least ${MIN_LINES_PER_ENTRY} lines per entry, ${MIN_LINES_421} for the 421 entry, ${MIN_LINES_TOTAL} in all`, () => {
    const counts = [...byEntry(corpus.lines)].map(([e, ls]) => [e, ls.length] as const);
    expect(counts.filter(([, n]) => n < MIN_LINES_PER_ENTRY)).toEqual([]);
    expect(corpus.lines.filter((l) => l.entry === ENTRY_421).length).toBeGreaterThanOrEqual(MIN_LINES_421);
    expect(corpus.lines.length).toBeGreaterThanOrEqual(MIN_LINES_TOTAL);
  });

  it('cover every cause of the 421 entry, and the bare 421 line as an abstention', () => {
    const entry = requireKb().entries.find((e) => e.id === ENTRY_421);
    const lines = corpus.lines.filter((l) => l.entry === ENTRY_421);
    const covered = new Set(lines.flatMap((l) => [...(l.cause !== null ? [l.cause] : []), ...(l.candidates ?? [])]));
    expect((entry?.causes ?? []).map((c) => c.id).filter((c) => !covered.has(c))).toEqual([]);
    const bare = lines.find((l) => l.text === SEED_421);
    expect(bare?.cause).toBeNull();
  });
});

describe('classifier against the corpus', () => {
  it('stays above the floors', () => {
    const { overall: t, misses } = evaluate(requireKb(), corpus.lines);
    const figures = {
      precision: precision(t),
      recall: recall(t),
      entry: ratio(t.entryOk, t.lines),
      reason: ratio(t.reasonOk, t.lines),
      code: ratio(t.codeOk, t.lines),
      enhanced: ratio(t.enhancedOk, t.lines),
      source: ratio(t.sourceOk, t.lines),
    };
    const below = Object.entries(FLOORS).filter(([k, floor]) => figures[k as keyof typeof FLOORS] < floor).map(([k, floor]) => `${k} ${figures[k as keyof typeof FLOORS].toFixed(3)} < ${floor}`);
    expect(below, `${misses.length} misses; run npm run -s eval to list them`).toEqual([]);
  });

  it('abstains on the bare 421 line instead of guessing (REASONS.md)', () => {
    const { overall } = evaluate(requireKb(), corpus.lines.filter((l) => l.text === SEED_421));
    expect(overall.abstainLabels).toBe(1);
    expect(overall.abstainOk).toBe(1);
  });
});
