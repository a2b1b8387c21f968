/**
 * Finding SMTP reply codes inside arbitrary text, and rewriting the shapes clients and logs give a
 * multi-line reply (`421-4.7.28 a 421-4.7.28 b 421 4.7.28 c`, Python's `(421, b'4.7.28 a\n4.7.28 b')`)
 * into the wire form a signature is written against (`421 4.7.28 a b c`).
 *
 * Hand-written scanners rather than regexes: they run in one pass, allocate nothing while scanning,
 * and cannot backtrack.
 */

/** A reply code found in a text. */
export interface ReplyRef {
  readonly code: number;
  /** The RFC 3463 code right after the reply code, when there is one. */
  readonly enhanced: string | undefined;
  /** Index of the first digit of the code. */
  readonly index: number;
  /**
   * What follows the code: `-` a continuation line, ` ` the last (or only) line, `,` a client's
   * tuple/list form (`(421, b'…')`, PHPMailer's `…,421,4.7.0`), `` the end of the text.
   */
  readonly sep: '-' | ' ' | ',' | '';
}

const C_0 = 48;
const C_9 = 57;
const C_SPACE = 32;
const C_TAB = 9;
const C_DASH = 45;
const C_COMMA = 44;
const C_DOT = 46;
const C_LPAREN = 40;
const C_QUOTE = 39;
const C_DQUOTE = 34;
const C_BACKSLASH = 92;
const C_B = 98;
const C_N = 110;

function isDigit(c: number): boolean {
  return c >= C_0 && c <= C_9;
}

/** `key=` fields of mail logs whose value is a number, never a reply (`delay=446` in postgrey, `size=452`). */
const NUMERIC_KEYS: ReadonlySet<string> = new Set(['delay', 'delays', 'size', 'nrcpt', 'port', 'pid', 'len', 'bytes', 'time', 'elapsed', 'count', 'hops', 'uid', 'gid', 'seq', 'attempts', 'ms']);

/** Whether the `=` at `eq` ends one of {@link NUMERIC_KEYS}. */
function numericKeyBefore(s: string, eq: number): boolean {
  let k = eq;
  while (k > 0 && eq - k < 12) {
    const c = s.charCodeAt(k - 1) | 0x20;
    if (c < 97 || c > 122) break;
    k--;
  }
  return NUMERIC_KEYS.has(s.slice(k, eq).toLowerCase());
}

/** Whether a time unit word (`ms`, `s`, `sec`, `seconds`) starts at `i` and ends there. */
function isUnit(s: string, i: number): boolean {
  for (const unit of ['ms', 'sec', 'seconds', 's']) {
    if (s.startsWith(unit, i)) {
      const after = s.charCodeAt(i + unit.length);
      if (Number.isNaN(after) || !((after >= 97 && after <= 122) || (after >= 65 && after <= 90))) return true;
    }
  }
  return false;
}

/**
 * May a reply code start at `i`? Only at the start (after blanks) or after what introduces a reply
 * in replies, logs and client errors: `:` `=` `;` `(` `,` a quote, `<` / `>` (transcripts, quoted
 * mail), or an escaped newline (`\n` in JSON and Python reprs), blanks in between allowed. So
 * `said: 421 …`, `smtp; 421 …`, `response=421 …`, `(421, b'…')` are replies; `written 421 bytes` is not.
 */
function codeMayFollow(s: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && isBlank(s.charCodeAt(j))) j--;
  if (j < 0) return true;
  switch (s.charCodeAt(j)) {
    case 61 /* = */:
      return !numericKeyBefore(s, j);
    case 58 /* : */: case 59 /* ; */: case C_LPAREN: case C_COMMA:
    case C_QUOTE: case C_DQUOTE: case 60 /* < */: case 62 /* > */:
      return true;
    case C_N:
      return j >= 1 && s.charCodeAt(j - 1) === C_BACKSLASH;
    default:
      return false;
  }
}

/**
 * Parses an enhanced status code (`4.7.28`) at `at`. Returns its end index, or -1. The code must end
 * there: `4.7.28.1` or `4.7.2800` are not enhanced codes.
 */
export function enhancedEnd(s: string, at: number): number {
  const c = s.charCodeAt(at);
  if (c !== 50 && c !== 52 && c !== 53) return -1; // 2, 4, 5
  if (s.charCodeAt(at + 1) !== C_DOT) return -1;
  let i = at + 2;
  let n = 0;
  while (n < 4 && isDigit(s.charCodeAt(i))) { i++; n++; }
  if (n === 0 || n > 3 || s.charCodeAt(i) !== C_DOT) return -1;
  i++;
  n = 0;
  while (n < 4 && isDigit(s.charCodeAt(i))) { i++; n++; }
  if (n === 0 || n > 3) return -1;
  if (s.charCodeAt(i) === C_DOT && isDigit(s.charCodeAt(i + 1))) return -1;
  return i;
}

/**
 * The first reply code in `s` at or after `from`: three digits 2–5, 0–5, 0–9 where a reply may
 * start (see `codeMayFollow`), followed by a blank, `-`, the end, or — in a client's tuple/list
 * form — a comma.
 */
export function findReply(s: string, from = 0): ReplyRef | undefined {
  const last = s.length - 3;
  for (let i = from; i <= last; i++) {
    const c0 = s.charCodeAt(i);
    if (c0 < 50 || c0 > 53) continue;
    const c1 = s.charCodeAt(i + 1);
    if (c1 < C_0 || c1 > 53) continue;
    const c2 = s.charCodeAt(i + 2);
    if (!isDigit(c2)) continue;
    if (!codeMayFollow(s, i)) continue;
    const code = (c0 - C_0) * 100 + (c1 - C_0) * 10 + (c2 - C_0);
    const next = i + 3 < s.length ? s.charCodeAt(i + 3) : -1;
    let sep: ReplyRef['sep'];
    let enhAt: number;
    if (next === -1) {
      return { code, enhanced: undefined, index: i, sep: '' };
    } else if (next === C_SPACE) {
      // `410 ms`, `300 s`: a duration in a log line (amavis ends its lines with one), not a reply.
      if (isUnit(s, i + 4)) continue;
      sep = ' ';
      enhAt = i + 4;
    } else if (next === C_DASH) {
      sep = '-';
      enhAt = i + 4;
    } else if (next === C_COMMA) {
      const prev = i > 0 ? s.charCodeAt(i - 1) : -1;
      if (prev === C_LPAREN) {
        // Python: (421, b'4.7.0 …') or (421, '4.7.0 …')
        enhAt = i + 4;
        if (s.charCodeAt(enhAt) === C_SPACE) enhAt++;
        if (s.charCodeAt(enhAt) === C_B) enhAt++;
        const q = s.charCodeAt(enhAt);
        if (q !== C_QUOTE && q !== C_DQUOTE) continue;
        enhAt++;
      } else if (prev === C_COMMA) {
        // PHPMailer: …,421,4.7.0
        enhAt = i + 4;
      } else {
        continue;
      }
      sep = ',';
    } else {
      continue;
    }
    const end = enhancedEnd(s, enhAt);
    const enhanced = end > 0 && (end === s.length || !isDigit(s.charCodeAt(end))) ? s.slice(enhAt, end) : undefined;
    return { code, enhanced, index: i, sep };
  }
  return undefined;
}

function isBlank(c: number): boolean {
  return c === C_SPACE || c === C_TAB;
}

/** End of `s` without trailing blanks and literal `\n` / `\r` escapes. */
function trimmedEnd(s: string, from: number, to: number): number {
  let e = to;
  while (e > from) {
    const c = s.charCodeAt(e - 1);
    if (isBlank(c)) { e--; continue; }
    if (e - 2 >= from && s.charCodeAt(e - 2) === C_BACKSLASH && (c === C_N || c === 114 /* r */)) { e -= 2; continue; }
    break;
  }
  return e;
}

const NO_MARKER = -2;
const AT_END = -1;

/**
 * Is there a continuation marker (`<code>-`, `<code> ` or a final `<code>`) at `k`? Returns the
 * separator's char code, {@link AT_END} for a code that ends the text, or {@link NO_MARKER}.
 */
function markerAt(s: string, k: number, code: string): number {
  if (!s.startsWith(code, k)) return NO_MARKER;
  if (k > 0) {
    const p = s.charCodeAt(k - 1);
    const escapedNewline = p === C_N && k >= 2 && s.charCodeAt(k - 2) === C_BACKSLASH;
    if (!isBlank(p) && !escapedNewline) return NO_MARKER;
  }
  if (k + code.length >= s.length) return AT_END;
  const n = s.charCodeAt(k + code.length);
  return n === C_DASH || n === C_SPACE ? n : NO_MARKER;
}

/**
 * Joins a multi-line reply written on one line into its wire form, keeping whatever precedes it
 * (a log prefix, an exception message). `first` is the first reply found in `text`.
 *
 *   `said: 421-4.7.28 a 421-4.7.28 b 421 4.7.28 c - gsmtp (in reply to …)`
 *   → `said: 421 4.7.28 a b c - gsmtp (in reply to …)`
 *
 * Python's form, where smtplib has already stripped the codes but kept the enhanced codes on every
 * line (`b'4.7.28 a\n4.7.28 b'`), loses the repeated enhanced codes the same way.
 */
export function joinContinuations(text: string, first: ReplyRef): string {
  const code = String(first.code);
  const enh = first.enhanced;
  const out: string[] = [];
  if (first.sep === '-') {
    out.push(text.slice(0, first.index), code, ' ');
    let pos = first.index + 4;
    for (;;) {
      let k = text.indexOf(code, pos);
      let sep = NO_MARKER;
      while (k >= 0) {
        sep = markerAt(text, k, code);
        if (sep !== NO_MARKER) break;
        k = text.indexOf(code, k + 1);
      }
      if (k < 0) break;
      out.push(text.slice(pos, trimmedEnd(text, pos, k)), ' ');
      let p = k + code.length + (sep === AT_END ? 0 : 1);
      if (enh !== undefined && text.startsWith(enh, p) && (p + enh.length === text.length || isBlank(text.charCodeAt(p + enh.length)))) p += enh.length;
      while (p < text.length && isBlank(text.charCodeAt(p))) p++;
      pos = p;
      if (sep !== C_DASH) break;
    }
    out.push(text.slice(pos));
  } else {
    out.push(text);
  }
  let joined = out.join('');
  if (enh !== undefined) joined = dropEscapedEnhanced(joined, enh);
  return joined;
}

/** `a\n4.7.28 b` (a literal backslash-n) → `a b`, for the given enhanced code. */
function dropEscapedEnhanced(text: string, enh: string): string {
  const needle = `\\n${enh}`;
  let k = text.indexOf(needle);
  if (k < 0) return text;
  const out: string[] = [];
  let pos = 0;
  while (k >= 0) {
    const after = k + needle.length;
    const c = after < text.length ? text.charCodeAt(after) : C_SPACE;
    if (isBlank(c)) {
      out.push(text.slice(pos, trimmedEnd(text, pos, k)), ' ');
      let p = after;
      while (p < text.length && isBlank(text.charCodeAt(p))) p++;
      pos = p;
    }
    k = text.indexOf(needle, after);
  }
  out.push(text.slice(pos));
  return out.join('');
}

/** True when the text holds a reply that {@link joinContinuations} would rewrite. */
export function needsJoin(text: string, first: ReplyRef): boolean {
  return first.sep === '-' || (first.enhanced !== undefined && text.includes(`\\n${first.enhanced}`));
}

const PHP_CODE = 'SMTP code: ';
const PHP_EXTRA = ' Additional SMTP info: ';
const PHP_DETAIL = 'Detail: ';
const PHP_RECIPIENTS = 'recipients failed: ';

/**
 * PHPMailer's error text puts the reply's words first and its codes last, each behind a label:
 * `… Detail: Daily user sending limit exceeded. SMTP code: 550 Additional SMTP info: 5.4.5`, or for
 * refused recipients `The following recipients failed: bob@example.net: <words> SMTP code: 550 …`.
 * Rebuilt as `550 5.4.5 Daily user sending limit exceeded.`. The labels are PHPMailer's English
 * language strings (`smtp_detail`, `smtp_code`, `smtp_code_ex`, `recipients_failed`).
 */
function phpMailerVariant(text: string, r: ReplyRef): string | undefined {
  const tag = r.index - PHP_CODE.length;
  if (tag < 0 || !text.startsWith(PHP_CODE, tag)) return undefined;
  let enhanced = r.enhanced;
  const extra = r.index + 3;
  if (enhanced === undefined && text.startsWith(PHP_EXTRA, extra)) {
    const at = extra + PHP_EXTRA.length;
    const end = enhancedEnd(text, at);
    if (end > 0) enhanced = text.slice(at, end);
  }
  let start = -1;
  const detail = text.lastIndexOf(PHP_DETAIL, tag);
  if (detail >= 0) start = detail + PHP_DETAIL.length;
  else {
    const rcpt = text.lastIndexOf(PHP_RECIPIENTS, tag);
    if (rcpt >= 0) {
      // Past the address and its `: `.
      const colon = text.indexOf(': ', rcpt + PHP_RECIPIENTS.length);
      if (colon >= 0 && colon < tag) start = colon + 2;
    }
  }
  if (start < 0) return undefined;
  const words = text.slice(start, tag).trim();
  if (words === '') return undefined;
  return enhanced === undefined ? `${r.code} ${words}` : `${r.code} ${enhanced} ${words}`;
}

const DOTNET_MARKER = ' The server response was: ';

/**
 * .NET's `SmtpException` message: a sentence for the reply code (System.Net.Mail's resource strings),
 * then the server's words without the code. `Mailbox unavailable.` stands for both 450 and 550; the
 * enhanced code's class decides, and without one the code stays unknown.
 */
const DOTNET_STATUS: ReadonlyArray<readonly [string, number]> = [
  ['Service not available, closing transmission channel.', 421],
  ['Error in processing.', 451],
  ['Insufficient system storage.', 452],
  ['Client does not have permission to submit mail to this server.', 454],
  ['Syntax error, command unrecognized.', 500],
  ['Syntax error in parameters or arguments.', 501],
  ['Command not implemented.', 502],
  ['Bad sequence of commands.', 503],
  ['Command parameter not implemented.', 504],
  ['The SMTP server requires a secure connection or the client was not authenticated.', 530],
  ['User not local; please try a different path.', 551],
  ['Exceeded storage allocation.', 552],
  ['Mailbox name not allowed.', 553],
  ['Transaction failed.', 554],
  ['Mailbox unavailable.', 0],
];

/**
 * The reply inside a .NET `SmtpException` message (`Service not available, closing transmission
 * channel. The server response was: 4.7.0 Try again later`), rebuilt in wire form
 * (`421 4.7.0 Try again later`), with a reference to it. Undefined for any other text.
 */
export function dotnetReply(text: string): { variant: string; reply: ReplyRef } | undefined {
  const marker = text.indexOf(DOTNET_MARKER);
  if (marker < 0) return undefined;
  const status = DOTNET_STATUS.find(([sentence]) => text.endsWith(sentence, marker));
  if (!status) return undefined;
  const start = marker + DOTNET_MARKER.length;
  const words = text.slice(start).trim();
  if (words === '') return undefined;
  const end = enhancedEnd(words, 0);
  const enhanced = end > 0 && (end === words.length || isBlank(words.charCodeAt(end))) ? words.slice(0, end) : undefined;
  let code = status[1];
  if (code === 0) {
    if (enhanced === undefined) return undefined;
    code = enhanced.startsWith('4') ? 450 : 550;
  }
  const rest = enhanced === undefined ? words : words.slice(enhanced.length).trim();
  return {
    variant: enhanced === undefined ? `${code} ${rest}` : `${code} ${enhanced} ${rest}`,
    reply: { code, enhanced, index: marker, sep: ' ' },
  };
}

/**
 * The reply in wire form when a client printed it in its own shape, so that a signature written
 * against `421 4.7.0 …` also matches:
 *
 * - Python smtplib `(421, b'4.7.0 Try again later')` → `421 4.7.0 Try again later`
 * - PHPMailer `MAIL FROM command failed,Try again later,421,4.7.0` → `421 4.7.0 Try again later`
 * - PHPMailer `… Detail: Try again later SMTP code: 421 Additional SMTP info: 4.7.0` → the same
 *
 * Undefined when the text already shows the reply in wire form.
 */
export function wireVariant(text: string, r: ReplyRef): string | undefined {
  const php = phpMailerVariant(text, r);
  if (php !== undefined) return php;
  if (r.sep !== ',') return undefined;
  const code = String(r.code);
  const prev = r.index > 0 ? text.charCodeAt(r.index - 1) : -1;
  if (prev === C_LPAREN) {
    let p = r.index + 4;
    if (text.charCodeAt(p) === C_SPACE) p++;
    if (text.charCodeAt(p) === C_B) p++;
    const q = text.charCodeAt(p);
    p++;
    let e = p;
    while (e < text.length) {
      const c = text.charCodeAt(e);
      if (c === C_BACKSLASH) { e += 2; continue; }
      if (c === q) break;
      e++;
    }
    const body = text.slice(p, trimmedEnd(text, p, Math.min(e, text.length)));
    return `${code} ${body}`;
  }
  const marker = 'command failed,';
  const f = text.lastIndexOf(marker, r.index);
  if (f < 0) return undefined;
  const start = f + marker.length;
  const detail = text.slice(start, trimmedEnd(text, start, r.index - 1)).trim();
  return r.enhanced === undefined ? `${code} ${detail}` : `${code} ${r.enhanced} ${detail}`;
}
