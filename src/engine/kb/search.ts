/**
 * Searching the knowledge base (the browse page, the wizard's error search): by reply code, enhanced code, words of the
 * title/summary/causes in either language, MTA or provider, reason, or an exact text the error carries.
 * Pure; no React.
 */
import type { EntrySummary as Entry, KbIndex as Kb } from './summary.ts';

export interface SearchHit {
  readonly entry: Entry;
  readonly score: number;
}

interface Indexed {
  readonly entry: Entry;
  readonly codes: ReadonlySet<string>;
  readonly enhanced: ReadonlySet<string>;
  readonly products: ReadonlySet<string>;
  readonly reasons: ReadonlySet<string>;
  /** Lower-cased id and titles in both languages. */
  readonly title: string;
  /** Lower-cased summaries in both languages. */
  readonly summary: string;
  /** Lower-cased titles, summaries, cause titles and emitted texts in both languages. */
  readonly text: string;
}

const cache = new WeakMap<Kb, readonly Indexed[]>();

function index(kb: Kb): readonly Indexed[] {
  const hit = cache.get(kb);
  if (hit) return hit;
  const out = kb.entries.map((entry): Indexed => {
    const parts: string[] = [entry.id, entry.title.en, entry.title.zh, entry.summary.en, entry.summary.zh];
    const products = new Set<string>();
    const reasons = new Set<string>([entry.reason]);
    const enhanced = new Set<string>(entry.enhanced);
    const codes = new Set<string>(entry.codes.map(String));
    for (const c of entry.causes) {
      parts.push(c.title.en, c.title.zh);
      reasons.add(c.reason);
      for (const e of c.emitters) {
        products.add(e.product);
        for (const t of e.texts) {
          if (t.reply) parts.push(t.reply);
          if (t.log) parts.push(t.log);
          if (t.code !== undefined) codes.add(String(t.code));
          if (t.enhanced) enhanced.add(t.enhanced);
        }
      }
    }
    return {
      entry, codes, enhanced, products, reasons,
      title: [entry.id, entry.title.en, entry.title.zh].join('\n').toLowerCase(),
      summary: [entry.summary.en, entry.summary.zh].join('\n').toLowerCase(),
      text: parts.join('\n').toLowerCase(),
    };
  });
  cache.set(kb, out);
  return out;
}

/** Splits a query into terms; quoted phrases stay whole. */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const m of query.toLowerCase().matchAll(/"([^"]+)"|(\S+)/g)) {
    const term = (m[1] ?? m[2] ?? '').trim();
    if (term) terms.push(term);
  }
  return terms;
}

function termScore(ix: Indexed, term: string): number {
  if (/^[245]\d\d$/.test(term)) return ix.codes.has(term) ? 10 : 0;
  if (/^[245]\.\d{1,3}\.\d{1,3}$/.test(term)) return ix.enhanced.has(term) ? 10 : 0;
  if (ix.products.has(term)) return 6;
  if (ix.reasons.has(term)) return 6;
  // Words weigh by where they stand: the entry's own title says what it is about, a cause's text
  // may only mention the word in passing.
  if (ix.title.includes(term)) return 8;
  if (ix.summary.includes(term)) return 5;
  return ix.text.includes(term) ? 3 : 0;
}

/** Entries matching every term, best first; all entries (by id) for an empty query. */
export function searchEntries(kb: Kb, query: string): SearchHit[] {
  const terms = queryTerms(query);
  const hits: SearchHit[] = [];
  for (const ix of index(kb)) {
    let score = 0;
    let all = true;
    for (const term of terms) {
      const s = termScore(ix, term);
      if (s === 0) {
        all = false;
        break;
      }
      score += s;
    }
    if (all) hits.push({ entry: ix.entry, score });
  }
  return hits.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
}

/** The products an entry's causes name, for display. */
export function entryProducts(entry: Entry): string[] {
  return [...new Set(entry.causes.flatMap((c) => c.emitters.map((e) => e.product)))];
}
