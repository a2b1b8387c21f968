// Measures the classifier against the labelled corpus in tests/corpus/*.jsonl and prints, per entry
// and overall, top-1 accuracy, cause precision/recall and field accuracies, then every miss.
//   npm run -s eval [-- --min-precision 0.9 --min-recall 0.8] [--json]
// A report, not a test: exit 0, unless a --min-* threshold is given and not met (then exit 1).
// The helpers are exported for tests/corpus.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { classify } from '../src/engine/classifier/classify.ts';
import { redact } from '../src/engine/classifier/redact.ts';
import type { Finding } from '../src/engine/classifier/types.ts';
import type { Kb } from '../src/engine/kb/load-kb.ts';
import { composeAndLoad } from '../src/kb-data/compose-kb.ts';
import { ENTRY_FILES } from '../src/kb-data/entries.generated.ts';
import { bundledKb } from '../src/kb-data/kb.ts';

export const CORPUS_DIR = fileURLToPath(new URL('../tests/corpus/', import.meta.url));

/** One labelled line of tests/corpus/<slug>.jsonl. */
export interface CorpusLine {
  readonly text: string;
  /** KB entry id (`category/slug`). */
  readonly entry: string;
  /** The cause the text proves, or null when it fits several (then `candidates` lists them). */
  readonly cause: string | null;
  readonly candidates?: readonly string[];
  readonly reason: string;
  readonly code: number | null;
  readonly enhanced: string | null;
  readonly source: string | null;
  /** Where this form of text comes from. */
  readonly origin: string;
  /** `file:line`, for messages. */
  readonly at: string;
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function parseLine(raw: unknown, at: string): CorpusLine | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return `${at}: not an object`;
  const o = raw as Record<string, unknown>;
  const nullableString = (k: string): boolean => o[k] === null || typeof o[k] === 'string';
  if (typeof o.text !== 'string' || o.text.length === 0) return `${at}: text must be a non-empty string`;
  if (typeof o.entry !== 'string') return `${at}: entry must be a string`;
  if (!nullableString('cause')) return `${at}: cause must be a string or null`;
  if (o.candidates !== undefined && !isStringArray(o.candidates)) return `${at}: candidates must be a string array`;
  if (o.cause === null && !isStringArray(o.candidates)) return `${at}: a null cause needs candidates`;
  if (typeof o.reason !== 'string') return `${at}: reason must be a string`;
  if (o.code !== null && typeof o.code !== 'number') return `${at}: code must be a number or null`;
  if (!nullableString('enhanced') || !nullableString('source')) return `${at}: enhanced and source must be strings or null`;
  if (typeof o.origin !== 'string' || o.origin.length === 0) return `${at}: origin must be a non-empty string`;
  return {
    text: o.text, entry: o.entry, cause: o.cause as string | null, reason: o.reason,
    code: o.code as number | null, enhanced: o.enhanced as string | null, source: o.source as string | null,
    origin: o.origin, at, ...(o.candidates !== undefined ? { candidates: o.candidates as string[] } : {}),
  };
}

/** Reads every tests/corpus/*.jsonl file; malformed lines are reported in `errors`, not thrown. */
export function loadCorpus(dir: string = CORPUS_DIR): { lines: CorpusLine[]; errors: string[]; files: string[] } {
  const lines: CorpusLine[] = [];
  const errors: string[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  for (const file of files) {
    readFileSync(join(dir, file), 'utf8').split('\n').forEach((src, i) => {
      if (src.trim() === '') return;
      const at = `${file}:${i + 1}`;
      let raw: unknown;
      try {
        raw = JSON.parse(src);
      } catch (err) {
        errors.push(`${at}: ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
      const parsed = parseLine(raw, at);
      if (typeof parsed === 'string') errors.push(parsed);
      else lines.push(parsed);
    });
  }
  return { lines, errors, files };
}

export interface Tally {
  lines: number;
  entryOk: number;
  /** Predictions (top findings) that name a cause, and how many of those are right. */
  predicted: number;
  predictedOk: number;
  /** Labels that name a cause, and how many the top finding names. */
  labelled: number;
  labelledOk: number;
  /** Labels with a null cause, and how many the top finding abstains on with the labelled candidates. */
  abstainLabels: number;
  abstainOk: number;
  reasonOk: number;
  codeOk: number;
  enhancedOk: number;
  sourceOk: number;
}

export interface Miss {
  readonly line: CorpusLine;
  readonly fields: readonly string[];
  readonly got: Finding | undefined;
}

export interface Report {
  readonly overall: Tally;
  readonly perEntry: ReadonlyMap<string, Tally>;
  readonly misses: readonly Miss[];
}

function emptyTally(): Tally {
  return { lines: 0, entryOk: 0, predicted: 0, predictedOk: 0, labelled: 0, labelledOk: 0, abstainLabels: 0, abstainOk: 0, reasonOk: 0, codeOk: 0, enhancedOk: 0, sourceOk: 0 };
}

/**
 * The bundled KB; while entries are being written and the whole KB does not load, the entries that
 * pass the checks on their own (as `kb:check SLUG` runs them), with the others listed in `skipped`.
 */
export function evalKb(): { kb: Kb; skipped: string[] } | { kb: undefined; errors: string[] } {
  const full = bundledKb();
  if (full.ok) return { kb: full.kb, skipped: [] };
  const good: string[] = [];
  const skipped: string[] = [];
  for (const { slug } of ENTRY_FILES) (composeAndLoad(ENTRY_FILES, (s) => s === slug).ok ? good : skipped).push(slug);
  const partial = composeAndLoad(ENTRY_FILES, (s) => good.includes(s));
  return partial.ok ? { kb: partial.kb, skipped } : { kb: undefined, errors: full.errors };
}

/** Classifies a corpus text the way `diagnose` does (redacted first) and returns the top finding. */
export function topFinding(kb: Kb, text: string): Finding | undefined {
  return classify(kb, redact(text).text).findings[0];
}

/** Compares one top finding with its label; returns the fields that differ and adds to the tallies. */
function score(line: CorpusLine, f: Finding | undefined, tallies: readonly Tally[]): string[] {
  const entryOk = f?.entry === line.entry;
  const predCause = entryOk ? (f?.cause ?? null) : null;
  const causeOk = line.cause !== null
    ? predCause === line.cause
    : entryOk && f?.cause === undefined && (line.candidates ?? []).every((c) => f?.candidates.includes(c));
  const fields: string[] = [];
  if (!entryOk) fields.push('entry');
  if (!causeOk) fields.push('cause');
  const reasonOk = f?.reason === line.reason;
  const codeOk = (f?.code ?? null) === line.code;
  const enhancedOk = (f?.enhanced ?? null) === line.enhanced;
  const sourceOk = (f?.source ?? null) === line.source;
  if (!reasonOk) fields.push('reason');
  if (!codeOk) fields.push('code');
  if (!enhancedOk) fields.push('enhanced');
  if (!sourceOk) fields.push('source');
  for (const t of tallies) {
    t.lines++;
    if (entryOk) t.entryOk++;
    if (f?.cause !== undefined) {
      t.predicted++;
      if (entryOk && f.cause === line.cause) t.predictedOk++;
    }
    if (line.cause !== null) {
      t.labelled++;
      if (causeOk) t.labelledOk++;
    } else {
      t.abstainLabels++;
      if (causeOk) t.abstainOk++;
    }
    if (reasonOk) t.reasonOk++;
    if (codeOk) t.codeOk++;
    if (enhancedOk) t.enhancedOk++;
    if (sourceOk) t.sourceOk++;
  }
  return fields;
}

export function evaluate(kb: Kb, lines: readonly CorpusLine[]): Report {
  const overall = emptyTally();
  const perEntry = new Map<string, Tally>();
  const misses: Miss[] = [];
  for (const line of lines) {
    let t = perEntry.get(line.entry);
    if (!t) perEntry.set(line.entry, (t = emptyTally()));
    const got = topFinding(kb, line.text);
    const fields = score(line, got, [overall, t]);
    if (fields.length > 0) misses.push({ line, fields, got });
  }
  return { overall, perEntry, misses };
}

/** A ratio; 1 when there is nothing to measure. */
export function ratio(ok: number, n: number): number {
  return n === 0 ? 1 : ok / n;
}

export function precision(t: Tally): number {
  return ratio(t.predictedOk, t.predicted);
}

export function recall(t: Tally): number {
  return ratio(t.labelledOk, t.labelled);
}

function pct(ok: number, n: number): string {
  return `${(100 * ratio(ok, n)).toFixed(1)}% (${ok}/${n})`;
}

function formatTally(name: string, t: Tally): string {
  return [
    `${name}: ${t.lines} lines`,
    `  top-1 entry       ${pct(t.entryOk, t.lines)}`,
    `  cause precision   ${pct(t.predictedOk, t.predicted)}`,
    `  cause recall      ${pct(t.labelledOk, t.labelled)}`,
    `  abstention        ${pct(t.abstainOk, t.abstainLabels)}`,
    `  reason            ${pct(t.reasonOk, t.lines)}`,
    `  code              ${pct(t.codeOk, t.lines)}`,
    `  enhanced          ${pct(t.enhancedOk, t.lines)}`,
    `  source            ${pct(t.sourceOk, t.lines)}`,
  ].join('\n');
}

function describe(f: Finding | undefined): string {
  if (!f) return 'no finding';
  const cause = f.cause ?? `[${f.candidates.join(', ')}]`;
  return `${f.entry} ${cause} reason=${f.reason} code=${f.code ?? null} enhanced=${f.enhanced ?? null} source=${f.source ?? null} sig=${f.signature ?? '-'} conf=${f.confidence}`;
}

function expected(l: CorpusLine): string {
  const cause = l.cause ?? `[${(l.candidates ?? []).join(', ')}]`;
  return `${l.entry} ${cause} reason=${l.reason} code=${l.code} enhanced=${l.enhanced} source=${l.source}`;
}

export function formatReport(r: Report): string {
  const out: string[] = [];
  for (const [entry, t] of [...r.perEntry].sort(([a], [b]) => a.localeCompare(b))) out.push(formatTally(entry, t));
  out.push(formatTally('OVERALL', r.overall));
  out.push(`\nmisses: ${r.misses.length}`);
  for (const m of r.misses) {
    out.push(`\n- ${m.line.at} [${m.fields.join(', ')}]`);
    out.push(`  text:     ${m.line.text.replace(/\n/g, '\\n')}`);
    out.push(`  expected: ${expected(m.line)}`);
    out.push(`  got:      ${describe(m.got)}`);
  }
  return out.join('\n');
}

function numberFlag(args: readonly string[], name: string): number | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = Number(args[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`${name} needs a number`);
  return v;
}

function main(args: readonly string[]): number {
  const loaded = evalKb();
  if (loaded.kb === undefined) {
    console.error(`the bundled KB does not load:\n${loaded.errors.join('\n')}`);
    return 2;
  }
  if (loaded.skipped.length > 0) console.error(`warning: the whole KB does not load; measuring without: ${loaded.skipped.join(', ')}`);
  const corpus = loadCorpus();
  if (corpus.errors.length > 0) {
    console.error(corpus.errors.join('\n'));
    return 2;
  }
  const report = evaluate(loaded.kb, corpus.lines);
  if (args.includes('--json')) {
    console.log(JSON.stringify({ overall: report.overall, perEntry: Object.fromEntries(report.perEntry), misses: report.misses.map((m) => ({ at: m.line.at, fields: m.fields, text: m.line.text, expected: expected(m.line), got: describe(m.got) })) }, null, 2));
  } else {
    console.log(formatReport(report));
  }
  const minP = numberFlag(args, '--min-precision');
  const minR = numberFlag(args, '--min-recall');
  const p = precision(report.overall);
  const rc = recall(report.overall);
  let code = 0;
  if (minP !== undefined && p < minP) {
    console.error(`cause precision ${p.toFixed(3)} < --min-precision ${minP}`);
    code = 1;
  }
  if (minR !== undefined && rc < minR) {
    console.error(`cause recall ${rc.toFixed(3)} < --min-recall ${minR}`);
    code = 1;
  }
  return code;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
