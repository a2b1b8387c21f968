/**
 * Confidence and ranking.
 *
 * Confidence (0…1, two decimals), with s = specificity / 100 and the emitter check E:
 *
 * | finding                                   | confidence                                  | range      |
 * |-------------------------------------------|---------------------------------------------|------------|
 * | signature proves a cause                  | clamp(0.50 + 0.45·s + E, 0.31, 0.99)        | 0.31…0.99  |
 * |   E = +0.04 consistent, 0 unknown, −0.25 inconsistent                                                 |
 * | signature lists candidates                | clamp(0.10 + 0.20·s + E′, 0.05, 0.30)        | 0.05…0.30  |
 * |   E′ = 0 consistent or unknown, −0.05 inconsistent                                                   |
 * | reply code alone, n candidate causes      | n = 0: 0.05, else 0.05 + 0.15 · t / √n        | 0.05…0.20  |
 *   t = k / K: k the entry's texts with this reply (and enhanced) code, K the most any entry offered
 *   for the same line has. Among entries that all fit a bare code, the one the code is typical of
 *   (550 5.1.1: user unknown, not address verification) comes first; fewer causes still help.
 *
 * So a finding that proves a cause is always above 0.30 and one that does not never is: a bare
 * `421 4.7.0 Service not available…` cannot look confident. "Consistent" means the emitter the
 * signature names equals the emitter hinted by the text (host names, `gsmtp`, the log format).
 *
 * Order: tier first (proves a cause > signature with candidates > reply code alone), then
 * confidence (which within a tier orders by emitter check and specificity), then first line, then
 * signature id, so the order is total and stable.
 */
import type { EmitterCheck, Finding } from './types.ts';

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Confidence of a signature finding. */
export function signatureConfidence(provesCause: boolean, specificity: number, check: EmitterCheck): number {
  const s = clamp(specificity, 1, 100) / 100;
  if (provesCause) {
    const e = check === 'consistent' ? 0.04 : check === 'inconsistent' ? -0.25 : 0;
    return round2(clamp(0.5 + 0.45 * s + e, 0.31, 0.99));
  }
  const e = check === 'inconsistent' ? -0.05 : 0;
  return round2(clamp(0.1 + 0.2 * s + e, 0.05, 0.3));
}

/**
 * Confidence of a finding built from the reply code alone; `share` (0…1, default 1) is how typical
 * the code is of this entry compared with the other entries that fit it (k / K above).
 */
export function codeConfidence(candidates: number, share = 1): number {
  if (candidates <= 0) return 0.05;
  return round2(clamp(0.05 + (0.15 * clamp(share, 0, 1)) / Math.sqrt(candidates), 0.05, 0.2));
}

/** 2 = proves a cause, 1 = a signature with candidates, 0 = the reply code alone. */
export function tierOf(f: Pick<Finding, 'cause' | 'signature'>): number {
  if (f.cause !== undefined) return 2;
  return f.signature !== undefined ? 1 : 0;
}

export function emitterCheck(signatureEmitter: string | undefined, hinted: string | undefined): EmitterCheck {
  if (signatureEmitter === undefined || signatureEmitter === 'other' || hinted === undefined) return 'unknown';
  return signatureEmitter === hinted ? 'consistent' : 'inconsistent';
}

/** Best first. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    tierOf(b) - tierOf(a) ||
    b.confidence - a.confidence ||
    (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
    (a.signature ?? '').localeCompare(b.signature ?? '') ||
    a.entry.localeCompare(b.entry)
  );
}
