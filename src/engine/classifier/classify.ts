/**
 * The text classifier: finds every known signature in a pasted text (a reply line, a client
 * exception, a transcript, a bounce or a log excerpt) and returns ranked findings.
 *
 * Pipeline: logical lines (`tokenize.ts`) → per line: context hints (`hints.ts`), the signatures
 * whose required literal occurs in the line (`markLiterals`), then their regexes (on the reply's
 * wire form too when a client printed it in its own shape), then for reply lines no signature of an entry explained, a low-confidence finding
 * from the reply code (`compile.ts` `candidatesForCode`) → duplicates collapsed → hints applied →
 * ranked (`rank.ts`).
 *
 * Callers redact first (`redact.ts`) and check the input (`input.ts`); `classify` itself accepts
 * any string.
 */
import type { ClassifiableKb as Kb } from '../kb/summary.ts';
import { candidatesForCode, commonReason, compileKb, enhancedFit, markLiterals, soleEmitter, textsWithCode, type CompiledEntry, type CompiledSignature } from './compile.ts';
import { HintCollector, hintFacts, hintsForLine, type LineHints } from './hints.ts';
import { codeConfidence, compareFindings, emitterCheck, signatureConfidence } from './rank.ts';
import { findReply, type ReplyRef } from './reply.ts';
import { forEachLogicalLine, type LogicalLine } from './tokenize.ts';
import type { Classification, Finding, Hints } from './types.ts';

/** Signatures see at most this many characters of a logical line (a bound on any regex's work). */
export const MAX_MATCH_LENGTH = 8192;

interface SignatureHit {
  readonly kind: 'signature';
  readonly cs: CompiledSignature;
  readonly line: number;
  readonly text: string;
  readonly reply: ReplyRef | undefined;
  readonly matched: string;
  readonly captures: Readonly<Record<string, string>>;
  readonly hints: LineHints;
  count: number;
}

interface CodeHit {
  readonly kind: 'code';
  readonly ce: CompiledEntry;
  /** How typical the code is of this entry among those offered for the line (see `codeConfidence`). */
  readonly share: number;
  readonly line: number;
  readonly text: string;
  readonly reply: ReplyRef;
  readonly hints: LineHints;
  count: number;
}

type Hit = SignatureHit | CodeHit;

function capturesOf(m: RegExpExecArray): Record<string, string> {
  const out: Record<string, string> = {};
  const groups = m.groups;
  if (groups) for (const k of Object.keys(groups)) {
    const v = groups[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function fill(facts: Record<string, string>, h: Pick<Hints, 'emitter' | 'role' | 'product'>): void {
  if (facts.emitter === undefined && h.emitter !== undefined) facts.emitter = h.emitter;
  if (facts.role === undefined && h.role !== undefined) facts.role = h.role;
  if (facts.product === undefined && h.product !== undefined) facts.product = h.product;
}

function findingOf(hit: Hit, global: Hints): Finding {
  const hinted = hit.hints.emitter ?? global.emitter;
  if (hit.kind === 'code') {
    const { ce, reply } = hit;
    const candidates = candidatesForCode(ce, reply.code, reply.enhanced, hinted);
    const facts: Record<string, string> = {};
    fill(facts, hit.hints);
    fill(facts, global);
    return {
      entry: ce.entry.id,
      cause: undefined,
      candidates,
      reason: commonReason(ce.entry, candidates),
      code: reply.code,
      enhanced: reply.enhanced,
      source: hinted,
      confidence: codeConfidence(candidates.length, hit.share),
      line: hit.line,
      text: hit.text,
      signature: undefined,
      captures: {},
      facts,
      count: hit.count,
      matched: undefined,
      emitterCheck: 'unknown',
    };
  }
  const { cs } = hit;
  const sig = cs.sig;
  const facts: Record<string, string> = { ...(sig.facts ?? {}) };
  if (cs.emitter !== undefined && facts.emitter === undefined) facts.emitter = cs.emitter;
  fill(facts, hit.hints);
  fill(facts, global);
  const check = emitterCheck(cs.emitter, hinted);
  // Only a 4xx/5xx code is an error reply; a 2xx/3xx number in a line is something else (a 250 in a
  // transcript, an amavis timing `301 ms`).
  const found = findReply(hit.matched) ?? hit.reply;
  const reply = found !== undefined && found.code >= 400 ? found : undefined;
  // The code the text carries wins; a signature's own code stands for texts that carry none.
  const code = reply?.code ?? sig.code;
  // A signature may stop right after the basic code ("… said: 421 "): read the enhanced code from the
  // reply that continues past the match.
  const fromMatch = reply !== undefined && reply.code === code ? reply.enhanced : undefined;
  const rest = fromMatch === undefined && code !== undefined ? findReply(hit.text.slice(Math.max(0, hit.text.indexOf(hit.matched)))) : undefined;
  const enhanced = hit.captures.enhanced ?? fromMatch ?? (rest !== undefined && rest.code === code ? rest.enhanced : undefined) ?? sig.enhanced;
  // A reply that proves a cause only one product emits was sent by that product.
  const source = cs.emitter ?? hinted ?? (sig.kind === 'reply' && sig.cause !== undefined ? soleEmitter(cs.entry, sig.cause) : undefined);
  return {
    entry: cs.entry.id,
    cause: sig.cause,
    candidates: sig.cause !== undefined ? [sig.cause] : [...(sig.candidates ?? [])],
    reason: cs.reason,
    code,
    enhanced,
    source,
    confidence: signatureConfidence(sig.cause !== undefined, sig.specificity, check),
    line: hit.line,
    text: hit.text,
    signature: sig.id,
    captures: hit.captures,
    facts,
    count: hit.count,
    matched: hit.matched,
    emitterCheck: check,
  };
}

/**
 * Classifies a text. Pure and total: any string gives a result (patterns are checked for linear
 * time by the tests, and each sees at most {@link MAX_MATCH_LENGTH} characters of a line).
 */
export function classify(kb: Kb, text: string): Classification {
  const compiled = compileKb(kb);
  const collector = new HintCollector();
  const bySignature = new Map<CompiledSignature, SignatureHit>();
  const byCode = new Map<string, CodeHit>();
  const explained = new Set<number>();
  /** Per entry: the highest specificity of a signature on the current line that proves a cause. */
  const proving = new Map<number, number>();
  const lineHits: Array<{ cs: CompiledSignature; m: RegExpExecArray }> = [];
  /** `stamp[i] === gen`: signature i's literal occurs in the current line (see `markLiterals`). */
  const stamp = new Uint32Array(compiled.signatures.length);
  let gen = 0;

  const visit = (ll: LogicalLine): void => {
    const hints = hintsForLine(ll);
    collector.add(hints, ll.line);
    if (ll.dir === 'client' || ll.dir === 'meta') return;
    const subject = ll.text.length > MAX_MATCH_LENGTH ? ll.text.slice(0, MAX_MATCH_LENGTH) : ll.text;
    const variant = ll.variant !== undefined && ll.variant.length > MAX_MATCH_LENGTH ? ll.variant.slice(0, MAX_MATCH_LENGTH) : ll.variant;
    gen++;
    markLiterals(compiled, subject, stamp, gen);
    if (variant !== undefined) markLiterals(compiled, variant, stamp, gen);

    lineHits.length = 0;
    explained.clear();
    proving.clear();
    for (const cs of compiled.signatures) {
      if (cs.literal !== undefined && stamp[cs.index] !== gen) continue;
      let m = cs.re.exec(subject);
      if (m === null && variant !== undefined) m = cs.re.exec(variant);
      if (m === null) continue;
      lineHits.push({ cs, m });
      explained.add(cs.entryIndex);
      if (cs.sig.cause !== undefined) proving.set(cs.entryIndex, Math.max(proving.get(cs.entryIndex) ?? 0, cs.sig.specificity));
    }
    for (const { cs, m } of lineHits) {
      // On a line where a signature proves a cause, the same entry's vaguer signatures add nothing.
      // A more specific candidate list stays: a sending MTA's generic "said: 421" line must not hide
      // what the remote reply inside it says.
      if (cs.sig.cause === undefined && cs.sig.specificity <= (proving.get(cs.entryIndex) ?? -1)) continue;
      const seen = bySignature.get(cs);
      if (seen) {
        seen.count++;
        continue;
      }
      bySignature.set(cs, { kind: 'signature', cs, line: ll.line, text: ll.text, reply: ll.reply, matched: m[0], captures: capturesOf(m), hints, count: 1 });
    }
    const reply = ll.reply;
    if (reply === undefined || reply.sep === '') return;
    // With an enhanced code in the reply, only the entries that fit it best are offered: one that
    // documents this exact enhanced code beats one whose texts merely leave room for any, which beats
    // one whose texts all state other enhanced codes.
    const fitting: CompiledEntry[] = [];
    let best = -1;
    for (const ce of compiled.entries) {
      if (!ce.codes.has(reply.code) || explained.has(ce.index)) continue;
      const fit = reply.enhanced === undefined ? 0 : enhancedFit(ce, reply.code, reply.enhanced);
      if (fit > best) {
        best = fit;
        fitting.length = 0;
      }
      if (fit === best) fitting.push(ce);
    }
    const counts = fitting.map((ce) => textsWithCode(ce, reply.code, reply.enhanced));
    const most = Math.max(1, ...counts);
    for (const [i, ce] of fitting.entries()) {
      const share = (counts[i] ?? 0) / most;
      const key = `${ce.index}|${reply.code}|${reply.enhanced ?? ''}|${hints.emitter ?? ''}`;
      const seen = byCode.get(key);
      if (seen) {
        seen.count++;
        continue;
      }
      byCode.set(key, { kind: 'code', ce, share, line: ll.line, text: ll.text, reply, hints, count: 1 });
    }
  };

  const lines = forEachLogicalLine(text, visit);
  const hints = collector.finish();
  const findings: Finding[] = [];
  for (const hit of bySignature.values()) findings.push(findingOf(hit, hints));
  for (const hit of byCode.values()) {
    // A reply code alone that fits none of the entry's causes leads nowhere: leave it out.
    const f = findingOf(hit, hints);
    if (f.candidates.length > 0) findings.push(f);
  }
  findings.sort(compareFindings);
  return { findings, lines, facts: hintFacts(hints), hints };
}
