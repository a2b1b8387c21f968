/**
 * Credential redaction, run on a paste before it is shown, stored or classified. Covers what SMTP
 * pastes leak: SASL exchanges in transcripts (`AUTH PLAIN <base64>`, the base64 answers to `334`
 * challenges after `AUTH LOGIN` and other mechanisms), passwords in URLs (`smtp://user:pass@host`)
 * and `pass=` / `password: '…'` key-values. Everything else, line endings included, is kept as is.
 */
import { AUTH_COMMAND_RE, BASE64_LINE_RE, PASSWORD_KV_RE } from './patterns.ts';
import { findReply } from './reply.ts';
import { stripMarker } from './tokenize.ts';

export const REDACTED = '[REDACTED]';

export interface Redaction {
  readonly text: string;
  /** How many secrets were replaced. */
  readonly count: number;
}

/** SASL mechanisms (upper case) whose `AUTH` line starts an exchange worth redacting. */
const SASL_MECHANISMS: ReadonlySet<string> = new Set([
  'PLAIN', 'LOGIN', 'CRAM-MD5', 'DIGEST-MD5', 'XOAUTH2', 'OAUTHBEARER', 'NTLM', 'GSSAPI',
  'SCRAM-SHA-1', 'SCRAM-SHA-1-PLUS', 'SCRAM-SHA-256', 'SCRAM-SHA-256-PLUS', 'EXTERNAL', 'ANONYMOUS',
]);

function isMask(value: string): boolean {
  if (value === REDACTED) return true;
  for (let i = 0; i < value.length; i++) if (value[i] !== '*') return false;
  return value.length > 0;
}

/** Ends of an URL authority: `/ ? #`, blanks, quotes, brackets. */
function endsAuthority(c: number): boolean {
  return c === 47 || c === 63 || c === 35 || c === 32 || c === 9 || c === 34 || c === 39 || c === 62 || c === 41 || c === 93 || c === 44 || c === 59;
}

/** `scheme://user:secret@host` → `scheme://user:[REDACTED]@host`, for every URL on the line. */
function redactUrls(line: string, counter: { n: number }): string {
  let k = line.indexOf('://');
  if (k < 0) return line;
  const out: string[] = [];
  let pos = 0;
  while (k >= 0) {
    const start = k + 3;
    let end = start;
    while (end < line.length && !endsAuthority(line.charCodeAt(end))) end++;
    const at = line.lastIndexOf('@', end - 1);
    if (at >= start) {
      const colon = line.indexOf(':', start);
      if (colon >= 0 && colon < at) {
        const secret = line.slice(colon + 1, at);
        if (secret.length > 0 && !isMask(secret)) {
          out.push(line.slice(pos, colon + 1), REDACTED);
          pos = at;
          counter.n++;
        }
      }
    }
    k = line.indexOf('://', Math.max(end, start));
  }
  out.push(line.slice(pos));
  return out.join('');
}

function redactKeyValues(line: string, counter: { n: number }): string {
  PASSWORD_KV_RE.lastIndex = 0;
  if (!PASSWORD_KV_RE.test(line)) return line;
  PASSWORD_KV_RE.lastIndex = 0;
  return line.replace(PASSWORD_KV_RE, (whole: string, key: string, q: string, sep: string, val: string) => {
    const quote = val.startsWith('"') || val.startsWith("'") ? val[0] ?? '' : '';
    const inner = quote ? val.slice(1, -1) : val;
    if (inner.length === 0 || isMask(inner)) return whole;
    counter.n++;
    return `${key}${q}${sep}${quote}${REDACTED}${quote}`;
  });
}

/** Where `body` sits in `line` (the transcript marker precedes it, or it is inside a Python literal). */
function bodyOffset(line: string, body: string, pythonDebug: boolean): number {
  if (!pythonDebug) return line.length - body.length;
  const at = line.indexOf(body, line.indexOf(': ') + 2);
  return at < 0 ? line.length - body.length : at;
}

/**
 * Redacts credentials in a pasted text. Line endings and everything that is not a secret are kept.
 * @returns the redacted text and how many secrets were replaced.
 */
export function redact(text: string): Redaction {
  const counter = { n: 0 };
  const out: string[] = [];
  let authOpen = false;
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    let line = text.slice(pos, end);
    const cr = line.endsWith('\r');
    if (cr) line = line.slice(0, -1);

    const { body, dir, marker } = stripMarker(line);
    const trimmed = body.trim();
    const reply = dir === 'client' ? undefined : findReply(trimmed);
    const isServer = dir === 'server' || (dir === undefined && reply !== undefined && reply.index === 0);
    if (isServer) {
      if (authOpen && reply?.code !== 334) authOpen = false;
    } else if (dir !== 'meta') {
      const auth = AUTH_COMMAND_RE.exec(body);
      const mech = auth?.groups?.mech?.toUpperCase();
      if (auth && mech !== undefined && SASL_MECHANISMS.has(mech)) {
        authOpen = true;
        const resp = auth.groups?.resp;
        if (resp !== undefined && resp !== '=' && !isMask(resp)) {
          const respAt = bodyOffset(line, body, marker === 'python-debug') + auth.index + auth[0].length - resp.length;
          line = line.slice(0, respAt) + REDACTED + line.slice(respAt + resp.length);
          counter.n++;
        }
      } else if (authOpen) {
        if (trimmed !== '' && trimmed !== '=' && trimmed !== '*' && BASE64_LINE_RE.test(trimmed)) {
          const at = bodyOffset(line, body, marker === 'python-debug') + body.indexOf(trimmed);
          line = line.slice(0, at) + REDACTED + line.slice(at + trimmed.length);
          counter.n++;
        } else if (trimmed !== '') {
          authOpen = false;
        }
      }
    }
    line = redactKeyValues(redactUrls(line, counter), counter);
    out.push(cr ? `${line}\r` : line);
    if (end === text.length) break;
    out.push('\n');
    pos = end + 1;
  }
  return { text: out.join(''), count: counter.n };
}
