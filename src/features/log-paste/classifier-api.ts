/**
 * The classifier functions the paste step needs beyond `classify`. A colleague is adding them to the
 * engine (`classifier/input.ts`, `classifier/facts.ts`, `classifier/redact.ts`); until they land, these
 * stand-ins with the same names and shapes keep the wizard working.
 * TODO(lead): swap the bodies for re-exports from the engine once those modules exist.
 */
import { pathsToCause, type Entry, type Finding } from '@/engine/index.ts';

export const INPUT_LIMIT_BYTES = 2 * 1024 * 1024;

export type InputCheck = { ok: true } | { ok: false; code: 'INPUT_BINARY' } | { ok: false; code: 'INPUT_TOO_LARGE'; limit: number };

function utf8Length(text: string, stopAfter: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAfter; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return bytes;
}

/** Refuses binary data and texts over 2 MiB before any regex runs on them. Linear, and stops early. */
export function checkInput(text: string): InputCheck {
  if (text.length > INPUT_LIMIT_BYTES || (text.length * 3 > INPUT_LIMIT_BYTES && utf8Length(text, INPUT_LIMIT_BYTES) > INPUT_LIMIT_BYTES)) {
    return { ok: false, code: 'INPUT_TOO_LARGE', limit: INPUT_LIMIT_BYTES };
  }
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return { ok: false, code: 'INPUT_BINARY' };
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) || c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1 ? { ok: false, code: 'INPUT_BINARY' } : { ok: true };
}

const REDACTED = '[redacted]';

/** Removes credentials a transcript or log may carry: AUTH exchanges, passwords, tokens, URL user info. */
export function redactSecrets(text: string): string {
  return text
    .replace(/\b(AUTH\s+(?:PLAIN|LOGIN|XOAUTH2|OAUTHBEARER|CRAM-MD5))\s+\S+/gi, `$1 ${REDACTED}`)
    .replace(/^((?:C:|>>>?|client:)?\s*)([A-Za-z0-9+/]{12,}={0,2})\s*$/gm, `$1${REDACTED}`)
    .replace(/\b(password|passwd|pass|pwd|secret|token|api[_-]?key|auth[_-]?token)(\s*[:=]\s*)("[^"]*"|'[^']*'|\S+)/gi, `$1$2${REDACTED}`)
    .replace(/\b(Bearer)\s+[A-Za-z0-9._~+/-]+=*/g, `$1 ${REDACTED}`)
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+):[^\s@/]+@/gi, `$1:${REDACTED}@`);
}

/**
 * The tree facts a finding settles: those the signature states, plus those shared by every tree path
 * to the cause it proves (consistent with the stated ones), so that those questions are not asked.
 */
export function factsForFinding(entry: Entry, finding: Finding): Record<string, string> {
  const facts: Record<string, string> = { ...finding.facts };
  if (finding.cause === undefined) return facts;
  const paths = pathsToCause(entry.tree, finding.cause).filter((p) =>
    Object.entries(p).every(([k, v]) => finding.facts[k] === undefined || finding.facts[k] === v),
  );
  const [first, ...rest] = paths;
  if (!first) return facts;
  for (const [k, v] of Object.entries(first)) {
    if (facts[k] === undefined && rest.every((p) => p[k] === v)) facts[k] = v;
  }
  return facts;
}
