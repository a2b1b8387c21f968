/**
 * Prepares a knowledge base for classification, once per `Kb` object: compiled signature regexes,
 * a literal every match must contain and an index over those literals (one pass over a line finds
 * the few signatures worth running), and an index of the reply codes each cause's emitted texts use
 * (for findings built from a code alone).
 */
import type { ClassifiableEntry as Entry, ClassifiableKb as Kb, SignatureSummary as Signature } from '../kb/summary.ts';
import { isProductId, type ProductId } from '../products.ts';
import type { Reason } from '../reasons.ts';
import { findReply } from './reply.ts';

export interface CompiledSignature {
  /** Position in {@link CompiledKb.signatures}. */
  readonly index: number;
  readonly entryIndex: number;
  readonly entry: Entry;
  readonly sig: Signature;
  readonly re: RegExp;
  /** A substring every match contains (lower-cased when `caseless`); undefined when none could be derived. */
  readonly literal: string | undefined;
  readonly caseless: boolean;
  /** The emitter the signature names (`emitter`, else `facts.emitter` when it is a product id). */
  readonly emitter: ProductId | undefined;
  readonly reason: Reason;
}

/** One emitted text of a cause, reduced to what the reply-code fallback needs. */
export interface EmittedCode {
  readonly cause: string;
  readonly product: ProductId;
  readonly code: number;
  readonly enhanced: string | undefined;
  /**
   * `exact`: the text states `enhanced`; `none`: its reply shows the code followed by words, so it
   * carries no enhanced code; `any`: a placeholder follows the code, or the text shows no reply.
   */
  readonly mode: 'exact' | 'none' | 'any';
}

export interface CompiledEntry {
  readonly index: number;
  readonly entry: Entry;
  readonly codes: ReadonlySet<number>;
  readonly emitted: readonly EmittedCode[];
  /** Memo for {@link candidatesForCode}. */
  readonly candidateMemo: Map<string, readonly string[]>;
}

export interface CompiledKb {
  readonly signatures: readonly CompiledSignature[];
  readonly entries: readonly CompiledEntry[];
  /** Signatures whose pattern did not compile (a hand-built Kb; `loadKb` rejects them). */
  readonly invalid: readonly string[];
  readonly literals: LiteralIndex;
}

const QUANT_CHARS = '*+?{';

function allDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** If a quantifier starts at `i`, its minimum count and end index (past a lazy `?`). */
function quantifierAt(p: string, i: number): { min: number; end: number } | undefined {
  const c = p[i];
  if (c === undefined || !QUANT_CHARS.includes(c)) return undefined;
  let end: number;
  let min: number;
  if (c === '*') { min = 0; end = i + 1; }
  else if (c === '+') { min = 1; end = i + 1; }
  else if (c === '?') { min = 0; end = i + 1; }
  else {
    const close = p.indexOf('}', i);
    if (close < 0) return undefined;
    const body = p.slice(i + 1, close);
    const comma = body.indexOf(',');
    const first = comma < 0 ? body : body.slice(0, comma);
    if (!allDigits(first)) return undefined;
    const rest = comma < 0 ? '' : body.slice(comma + 1);
    if (rest !== '' && !allDigits(rest)) return undefined;
    min = Number(first);
    end = close + 1;
  }
  if (p[end] === '?') end++;
  return { min, end };
}

/** Index just past the character class starting at `i` (`[`), or -1. */
function skipClass(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '^') j++;
  if (p[j] === ']') j++;
  while (j < p.length) {
    if (p[j] === '\\') { j += 2; continue; }
    if (p[j] === ']') return j + 1;
    j++;
  }
  return -1;
}

/** Index just past the group starting at `i` (`(`), or -1. */
function skipGroup(p: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < p.length) {
    const c = p[j];
    if (c === '\\') { j += 2; continue; }
    if (c === '[') { j = skipClass(p, j); if (j < 0) return -1; continue; }
    if (c === '(') depth++;
    else if (c === ')') { depth--; if (depth === 0) return j + 1; }
    j++;
  }
  return -1;
}

/** Escapes that stand for one literal character. */
const LITERAL_ESCAPES = '.\\/[](){}*+?^$|-:;,=!<>@#%&\'"` ~_';

/**
 * Collects the literal runs every match of `p[start, end)` must contain. Returns false when that
 * range has an alternation at its own level (then nothing in it is required).
 */
function collectRuns(p: string, start: number, end: number, caseless: boolean, runs: string[]): boolean {
  let cur = '';
  const flush = (): void => {
    if (cur.length > 0) runs.push(cur);
    cur = '';
  };
  let i = start;
  while (i < end) {
    const c = p[i] ?? '';
    let atom: string;
    if (c === '|') return false;
    if (c === '(') {
      const j = skipGroup(p, i);
      if (j < 0 || j > end) return false;
      flush();
      const q = quantifierAt(p, j);
      // Only a group that must match (no `?`, `*`, `{0,…}`) and is not a lookaround adds its runs.
      if (q === undefined || q.min >= 1) {
        let body = -1;
        if (p[i + 1] !== '?') body = i + 1;
        else if (p[i + 2] === ':') body = i + 3;
        else if (p[i + 2] === '<' && p[i + 3] !== '=' && p[i + 3] !== '!') body = p.indexOf('>', i + 3) + 1;
        if (body > 0 && body < j) {
          const inner: string[] = [];
          if (collectRuns(p, body, j - 1, caseless, inner)) runs.push(...inner);
        }
      }
      i = q?.end ?? j;
      continue;
    }
    if (c === '[') {
      const j = skipClass(p, i);
      if (j < 0) return false;
      flush();
      i = quantifierAt(p, j)?.end ?? j;
      continue;
    }
    if (c === '^' || c === '$' || c === '.') {
      flush();
      i = quantifierAt(p, i + 1)?.end ?? i + 1;
      continue;
    }
    if (c === ')' || (QUANT_CHARS.includes(c) && c !== '{')) return false;
    if (c === '\\') {
      const n = p[i + 1];
      if (n === undefined) return false;
      if (LITERAL_ESCAPES.includes(n)) {
        atom = n;
        i += 2;
      } else {
        // \d \w \s \b, \xHH, \uHHHH, \u{…}, \p{…}, \k<…>, \cX, \n, back-references: not literal here.
        flush();
        let j = i + 2;
        if ((n === 'p' || n === 'P' || n === 'u') && p[j] === '{') j = p.indexOf('}', j) + 1 || end;
        else if (n === 'k' && p[j] === '<') j = p.indexOf('>', j) + 1 || end;
        else if (n === 'x') j += 2;
        else if (n === 'u') j += 4;
        else if (n === 'c') j += 1;
        else if (n >= '0' && n <= '9') while (j < end && (p[j] ?? '') >= '0' && (p[j] ?? '') <= '9') j++;
        i = quantifierAt(p, j)?.end ?? j;
        continue;
      }
    } else {
      atom = c;
      i += 1;
    }
    if (caseless && atom.charCodeAt(0) > 127) {
      // Case folding of non-ASCII letters is not worth reasoning about: end the run here.
      flush();
      i = quantifierAt(p, i)?.end ?? i;
      continue;
    }
    const q = quantifierAt(p, i);
    if (q === undefined) {
      cur += atom;
      continue;
    }
    if (q.min >= 1) cur += atom;
    flush();
    i = q.end;
  }
  flush();
  return true;
}

/**
 * The longest literal substring (at least 3 chars) that every match of the pattern contains, or
 * undefined. Conservative: alternation, classes, escapes other than escaped punctuation, optional
 * atoms and optional groups end a run; required groups without alternation are looked into, and
 * lookarounds are not. Lower-cased for an `i` pattern, whose runs also end at non-ASCII characters;
 * none for `iu` (Unicode case folding maps some non-ASCII letters onto ASCII ones).
 */
export function requiredLiteral(pattern: string, flags: string): string | undefined {
  const caseless = flags.includes('i');
  if (caseless && flags.includes('u')) return undefined;
  const runs: string[] = [];
  if (!collectRuns(pattern, 0, pattern.length, caseless, runs)) return undefined;
  let best = '';
  for (const r of runs) if (r.length > best.length) best = r;
  if (best.length < 3) return undefined;
  return caseless ? best.toLowerCase() : best;
}

function foldAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Signatures grouped by the first two (ASCII-folded) characters of their literal. */
export interface LiteralIndex {
  readonly buckets: ReadonlyMap<number, readonly number[]>;
  /** Non-zero where some key has these low bytes: most positions skip the map lookup. */
  readonly filter: Uint8Array;
}

function buildLiteralIndex(signatures: readonly CompiledSignature[]): LiteralIndex {
  const buckets = new Map<number, number[]>();
  const filter = new Uint8Array(65536);
  for (const cs of signatures) {
    const lit = cs.literal;
    if (lit === undefined) continue;
    const a = foldAscii(lit.charCodeAt(0));
    const b = foldAscii(lit.charCodeAt(1));
    const key = a * 65536 + b;
    const list = buckets.get(key);
    if (list) list.push(cs.index);
    else buckets.set(key, [cs.index]);
    filter[((a & 0xff) << 8) | (b & 0xff)] = 1;
  }
  return { buckets, filter };
}

function literalAt(text: string, i: number, cs: CompiledSignature): boolean {
  const lit = cs.literal ?? '';
  if (!cs.caseless) return text.startsWith(lit, i);
  if (i + lit.length > text.length) return false;
  for (let k = 0; k < lit.length; k++) if (foldAscii(text.charCodeAt(i + k)) !== lit.charCodeAt(k)) return false;
  return true;
}

/**
 * Stamps `stamp[index] = gen` for every signature whose literal occurs in `text`, in one pass over
 * the text (no lower-cased copy). A signature without a literal is never stamped: run it always.
 */
export function markLiterals(ck: CompiledKb, text: string, stamp: Uint32Array, gen: number): void {
  const { buckets, filter } = ck.literals;
  const sigs = ck.signatures;
  const last = text.length - 1;
  let b = last >= 0 ? foldAscii(text.charCodeAt(0)) : 0;
  for (let i = 0; i < last; i++) {
    const a = b;
    b = foldAscii(text.charCodeAt(i + 1));
    if (filter[((a & 0xff) << 8) | (b & 0xff)] === 0) continue;
    const bucket = buckets.get(a * 65536 + b);
    if (bucket === undefined) continue;
    for (const si of bucket) {
      if (stamp[si] === gen) continue;
      const cs = sigs[si];
      if (cs !== undefined && literalAt(text, i, cs)) stamp[si] = gen;
    }
  }
}

function asProduct(value: string | undefined): ProductId | undefined {
  return value !== undefined && isProductId(value) ? value : undefined;
}

function emittedCodes(entry: Entry): EmittedCode[] {
  const out: EmittedCode[] = [];
  for (const cause of entry.causes) {
    for (const em of cause.emitters) {
      // A log-only text (the emitting server's own log line) stands for a reply; when the same
      // emitter states that reply, the reply decides the enhanced code.
      const replyCodes = new Set<number>();
      for (const t of em.texts) {
        const code = t.reply !== undefined ? (t.code ?? findReply(t.reply)?.code) : undefined;
        if (code !== undefined) replyCodes.add(code);
      }
      for (const t of em.texts) {
        if (t.reply === undefined && t.code !== undefined && replyCodes.has(t.code) && findReply(t.log ?? '') === undefined) continue;
        const template = t.reply ?? t.log ?? '';
        const parsed = findReply(t.reply ?? '') ?? findReply(t.log ?? '');
        const code = t.code ?? parsed?.code;
        if (code === undefined) continue;
        const stated = parsed?.code === code ? parsed : undefined;
        const enhanced = t.enhanced ?? stated?.enhanced;
        let mode: EmittedCode['mode'] = 'any';
        if (enhanced !== undefined) mode = 'exact';
        else if (stated !== undefined && stated.sep !== '' && template.charCodeAt(stated.index + 4) !== 60 /* < */) mode = 'none';
        out.push({ cause: cause.id, product: em.product, code, enhanced, mode });
      }
    }
  }
  return out;
}

const cache = new WeakMap<Kb, CompiledKb>();

/** Compiles a knowledge base for {@link classify}; cached per `Kb` object. */
export function compileKb(kb: Kb): CompiledKb {
  const hit = cache.get(kb);
  if (hit) return hit;
  const signatures: CompiledSignature[] = [];
  const entries: CompiledEntry[] = [];
  const invalid: string[] = [];
  kb.entries.forEach((entry, entryIndex) => {
    entries.push({ index: entryIndex, entry, codes: new Set(entry.codes), emitted: emittedCodes(entry), candidateMemo: new Map() });
    for (const sig of entry.signatures) {
      const flags = [...(sig.flags ?? '')].filter((f) => f !== 'g' && f !== 'y').join('');
      let re: RegExp;
      try {
        re = new RegExp(sig.pattern, flags);
      } catch (err) {
        invalid.push(`${entry.id}/${sig.id}: ${err instanceof Error ? err.message : String(err)}`);
        continue;
      }
      const literal = requiredLiteral(sig.pattern, flags);
      const cause = sig.cause !== undefined ? entry.causes.find((c) => c.id === sig.cause) : undefined;
      signatures.push({
        index: signatures.length, entryIndex, entry, sig, re, literal,
        caseless: flags.includes('i'),
        emitter: sig.emitter ?? asProduct(sig.facts?.emitter),
        reason: cause?.reason ?? commonReason(entry, sig.candidates ?? []),
      });
    }
  });
  const compiled: CompiledKb = { signatures, entries, invalid, literals: buildLiteralIndex(signatures) };
  cache.set(kb, compiled);
  return compiled;
}

/** The reason every listed cause shares, else the entry's own reason. */
export function commonReason(entry: Entry, causes: readonly string[]): Reason {
  let reason: Reason | undefined;
  for (const id of causes) {
    const r = entry.causes.find((c) => c.id === id)?.reason;
    if (r === undefined) continue;
    if (reason !== undefined && reason !== r) return entry.reason;
    reason = r;
  }
  return reason ?? entry.reason;
}

/**
 * The one server or provider that emits a cause's texts (client libraries aside), or undefined when
 * several do. A reply that proves the cause was sent by that product.
 */
export function soleEmitter(entry: Entry, causeId: string): ProductId | undefined {
  const cause = entry.causes.find((c) => c.id === causeId);
  if (!cause) return undefined;
  const products = new Set(cause.emitters.map((e) => e.product).filter((p) => p !== 'other' && !isClientLibrary(p)));
  const [only] = products;
  return products.size === 1 ? only : undefined;
}

/**
 * How well an entry fits a reply's enhanced code, for findings built from the code alone: 2 when the
 * entry documents that enhanced code (in its texts for this reply code, or in its list of enhanced
 * codes), 1 when some text for this code leaves room for any enhanced code, 0 otherwise.
 */
export function enhancedFit(ce: CompiledEntry, code: number, enhanced: string): number {
  let fit = ce.entry.enhanced.includes(enhanced) ? 2 : 0;
  for (const r of ce.emitted) {
    if (r.code !== code) continue;
    if (r.enhanced === enhanced) return 2;
    if (r.mode === 'any' && fit < 1) fit = 1;
  }
  return fit;
}

/** How many of an entry's emitted texts carry this reply code (and this enhanced code, when given). */
export function textsWithCode(ce: CompiledEntry, code: number, enhanced: string | undefined): number {
  let n = 0;
  for (const r of ce.emitted) if (r.code === code && (enhanced === undefined || r.enhanced === enhanced)) n++;
  return n;
}

function isClientLibrary(p: ProductId): boolean {
  return p === 'nodemailer' || p === 'python-smtplib' || p === 'phpmailer' || p === 'jakarta-mail';
}

/**
 * The causes whose emitted texts (reply or log) use `code`, in knowledge-base order: restricted to
 * the hinted emitter when that leaves any, then to the texts that fit the line's enhanced code when
 * that leaves any (with one: those stating it, or leaving room for any; without one: those not
 * stating one).
 */
export function candidatesForCode(ce: CompiledEntry, code: number, enhanced: string | undefined, emitter: ProductId | undefined): readonly string[] {
  const key = `${code}|${enhanced ?? ''}|${emitter ?? ''}`;
  const memo = ce.candidateMemo.get(key);
  if (memo) return memo;
  let rows = ce.emitted.filter((r) => r.code === code);
  if (emitter !== undefined) {
    const mine = rows.filter((r) => r.product === emitter);
    if (mine.length > 0) rows = mine;
  }
  const fitting = enhanced !== undefined
    ? rows.filter((r) => r.enhanced === enhanced || r.mode === 'any')
    : rows.filter((r) => r.mode !== 'exact');
  if (fitting.length > 0) rows = fitting;
  const ids = new Set(rows.map((r) => r.cause));
  const out = ce.entry.causes.filter((c) => ids.has(c.id)).map((c) => c.id);
  ce.candidateMemo.set(key, out);
  return out;
}
