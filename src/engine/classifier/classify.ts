/**
 * The text classifier: finds every known signature in a pasted text (a reply line, a client
 * exception, a transcript, a bounce or a log excerpt) and returns ranked findings.
 */
import type { Entry, Signature } from '../kb/schema.ts';
import type { Kb } from '../kb/load-kb.ts';
import type { Classification, Finding } from './types.ts';

interface CompiledSignature {
  readonly entry: Entry;
  readonly sig: Signature;
  readonly re: RegExp;
}

const compiledCache = new WeakMap<Kb, readonly CompiledSignature[]>();

function compile(kb: Kb): readonly CompiledSignature[] {
  const cached = compiledCache.get(kb);
  if (cached) return cached;
  const out: CompiledSignature[] = [];
  for (const entry of kb.entries) {
    for (const sig of entry.signatures) out.push({ entry, sig, re: new RegExp(sig.pattern, sig.flags ?? '') });
  }
  compiledCache.set(kb, out);
  return out;
}

const REPLY_RE = /\b([245]\d\d)[ -]([245]\.\d{1,3}\.\d{1,3})?/;

function confidenceOf(sig: Signature): number {
  const base = sig.cause ? 0.5 + sig.specificity / 200 : 0.2 + sig.specificity / 400;
  return Math.round(Math.min(base, 0.99) * 100) / 100;
}

function findingFor(c: CompiledSignature, m: RegExpExecArray, lineNo: number): Finding {
  const groups = m.groups ?? {};
  const captures: Record<string, string> = {};
  for (const [k, v] of Object.entries(groups)) if (v !== undefined) captures[k] = v;
  const reply = REPLY_RE.exec(m[0]);
  const cause = c.sig.cause;
  const candidates = cause ? [cause] : [...(c.sig.candidates ?? [])];
  const reason = cause ? (c.entry.causes.find((x) => x.id === cause)?.reason ?? c.entry.reason) : c.entry.reason;
  const facts: Record<string, string> = { ...(c.sig.facts ?? {}) };
  if (c.sig.emitter && facts.emitter === undefined) facts.emitter = c.sig.emitter;
  return {
    entry: c.entry.id,
    cause,
    candidates,
    reason,
    code: c.sig.code ?? (reply?.[1] ? Number(reply[1]) : undefined),
    enhanced: captures.enhanced ?? c.sig.enhanced ?? reply?.[2],
    source: c.sig.emitter,
    confidence: confidenceOf(c.sig),
    line: lineNo,
    text: m[0],
    signature: c.sig.id,
    captures,
    facts,
  };
}

/** Classifies a text. Pure; safe on any input (patterns are checked for linear time by the tests). */
export function classify(kb: Kb, text: string): Classification {
  const sigs = compile(kb);
  const lines = text.split(/\r?\n/);
  const findings: Finding[] = [];
  lines.forEach((line, i) => {
    for (const c of sigs) {
      c.re.lastIndex = 0;
      const m = c.re.exec(line);
      if (m) findings.push(findingFor(c, m, i + 1));
    }
  });
  findings.sort((a, b) => b.confidence - a.confidence || (a.line ?? 0) - (b.line ?? 0));
  return { findings, lines: lines.length };
}
