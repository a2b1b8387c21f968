/**
 * Turns pasted text into logical lines: transcript markers stripped, multi-line replies joined into
 * one reply (`421-… / 421-… / 421 …`, also when a client printed them on one line), folded header
 * lines (a DSN's `Diagnostic-Code:` with indented continuations) and Postfix bounce lines joined.
 */
import { FOLDABLE_HEADER_RE, POSTFIX_BOUNCE_RECIPIENT_RE } from './patterns.ts';
import { dotnetReply, findReply, joinContinuations, needsJoin, wireVariant, type ReplyRef } from './reply.ts';

/** Who said a transcript line, when the transcript marks it. `meta` lines are a tool's own summaries. */
export type Direction = 'server' | 'client' | 'meta';

/** The transcript style the marker belongs to. */
export type MarkerKind = 'swaks' | 'transcript' | 'prefix' | 'phpmailer' | 'python-debug';

export interface LogicalLine {
  /** The text to match: marker stripped, continuations joined, trailing blanks removed. */
  readonly text: string;
  /** 1-based first physical line. */
  readonly line: number;
  /** 1-based last physical line. */
  readonly lastLine: number;
  readonly dir: Direction | undefined;
  readonly marker: MarkerKind | undefined;
  /** The first reply code in `text` (never set on client lines). */
  readonly reply: ReplyRef | undefined;
  /** The reply in wire form when the text shows it in a client's own shape (see `wireVariant`). */
  readonly variant: string | undefined;
}

/** A logical line longer than this is cut into several (a guard against pathological pastes). */
export const MAX_LOGICAL_LENGTH = 65536;

interface Stripped {
  readonly body: string;
  readonly dir: Direction | undefined;
  readonly marker: MarkerKind | undefined;
}

/** swaks (`<-` `->`, `<~` `~>` under TLS, `<**` for an unexpected reply) and Sendmail bounce transcripts (`<<<` `>>>`). */
const TRANSCRIPT_MARKERS: ReadonlyArray<readonly [string, Direction, MarkerKind]> = [
  ['<<<', 'server', 'transcript'], ['>>>', 'client', 'transcript'],
  ['<**', 'server', 'swaks'], ['<-', 'server', 'swaks'], ['<~', 'server', 'swaks'],
  ['**>', 'client', 'swaks'], ['->', 'client', 'swaks'], ['~>', 'client', 'swaks'],
];

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9;
}

function skipBlanks(s: string, i: number): number {
  while (i < s.length && isBlankCode(s.charCodeAt(i))) i++;
  return i;
}

/** The inside of a Python bytes/str literal starting at `at` (the `b` or the quote), escapes kept. */
function pythonLiteral(s: string, at: number): string {
  let p = at;
  if (s.charCodeAt(p) === 98) p++; // b
  const q = s.charCodeAt(p);
  p++;
  let e = p;
  while (e < s.length) {
    const c = s.charCodeAt(e);
    if (c === 92) { e += 2; continue; }
    if (c === q) break;
    e++;
  }
  let body = s.slice(p, Math.min(e, s.length));
  while (body.endsWith('\\n') || body.endsWith('\\r')) body = body.slice(0, -2);
  return body;
}

/**
 * Removes a transcript marker and says who spoke: swaks (`<-`, `->`, `<~`, `~>`, `<**`), Sendmail
 * bounce transcripts (`<<<`, `>>>`), `S:`/`C:`,
 * PHPMailer's `SERVER -> CLIENT:` debug output, Python smtplib's `reply: b'…'` / `send: '…'` debug lines.
 */
export function stripMarker(raw: string): Stripped {
  const php = raw.indexOf(' -> ');
  if (php >= 6) {
    if (raw.startsWith('SERVER -> CLIENT: ', php - 6)) return { body: raw.slice(php + 12), dir: 'server', marker: 'phpmailer' };
    if (raw.startsWith('CLIENT -> SERVER: ', php - 6)) return { body: raw.slice(php + 12), dir: 'client', marker: 'phpmailer' };
  }
  const reply = raw.indexOf('reply: ');
  if (reply >= 0 && (reply === 0 || isBlankCode(raw.charCodeAt(reply - 1)))) {
    const at = reply + 7;
    const c = raw.charCodeAt(at);
    if (c === 98 || c === 39 || c === 34) return { body: pythonLiteral(raw, at), dir: 'server', marker: 'python-debug' };
    if (raw.startsWith('retcode (', at)) return { body: raw, dir: 'meta', marker: 'python-debug' };
  }
  const send = raw.indexOf('send: ');
  if (send >= 0 && (send === 0 || isBlankCode(raw.charCodeAt(send - 1)))) {
    const c = raw.charCodeAt(send + 6);
    if (c === 98 || c === 39 || c === 34) return { body: pythonLiteral(raw, send + 6), dir: 'client', marker: 'python-debug' };
  }
  const start = skipBlanks(raw, 0);
  const c0 = raw.charCodeAt(start);
  if (c0 === 60 || c0 === 62 || c0 === 45 || c0 === 126 || c0 === 42) {
    for (const [m, dir, kind] of TRANSCRIPT_MARKERS) {
      if (raw.startsWith(m, start)) {
        const after = start + m.length;
        if (after === raw.length || isBlankCode(raw.charCodeAt(after))) return { body: raw.slice(skipBlanks(raw, after)), dir, marker: kind };
      }
    }
  }
  if ((c0 === 83 || c0 === 67) && raw.charCodeAt(start + 1) === 58) {
    const after = start + 2;
    if (after === raw.length || isBlankCode(raw.charCodeAt(after))) {
      return { body: raw.slice(skipBlanks(raw, after)), dir: c0 === 83 ? 'server' : 'client', marker: 'prefix' };
    }
  }
  return { body: raw, dir: undefined, marker: undefined };
}

/** Does `body` start with `code` followed by `-`, a blank or nothing? Returns the separator, or ''. */
function continuationSep(body: string, code: string): '-' | ' ' | '' {
  const i = skipBlanks(body, 0);
  if (!body.startsWith(code, i)) return '';
  const at = i + code.length;
  if (at === body.length) return ' ';
  const c = body.charCodeAt(at);
  if (c === 45) return '-';
  return isBlankCode(c) ? ' ' : '';
}

function looksLikeStackFrame(trimmed: string): boolean {
  return trimmed.startsWith('at ') || trimmed.startsWith('File "') || trimmed.startsWith('Traceback ');
}

interface Pending {
  parts: string[];
  length: number;
  line: number;
  lastLine: number;
  dir: Direction | undefined;
  marker: MarkerKind | undefined;
  /** The code of a multi-line reply still waiting for its last line. */
  openCode: string | undefined;
  /** Indented next lines continue this one (a header or a Postfix bounce line). */
  foldable: boolean;
  endsWithColon: boolean;
}

function finish(p: Pending): LogicalLine {
  let text = p.parts.length === 1 ? (p.parts[0] ?? '') : p.parts.join(' ');
  text = text.trimEnd();
  let reply: ReplyRef | undefined;
  let variant: string | undefined;
  if (p.dir !== 'client' && p.dir !== 'meta') {
    reply = findReply(text);
    if (reply && needsJoin(text, reply)) {
      text = joinContinuations(text, reply);
      reply = findReply(text, reply.index);
    }
    if (reply) variant = wireVariant(text, reply);
    else {
      // .NET's SmtpException names the code in words and quotes the reply without it.
      const dotnet = dotnetReply(text);
      if (dotnet) ({ reply, variant } = dotnet);
    }
    // A client that prints the enhanced code away from the basic one (PHPMailer's `SMTP code: 550
    // Additional SMTP info: 5.1.1`): the rebuilt reply states it.
    if (reply && variant !== undefined && reply.enhanced === undefined) {
      const rebuilt = findReply(variant);
      if (rebuilt?.code === reply.code && rebuilt.enhanced !== undefined) reply = { ...reply, enhanced: rebuilt.enhanced };
    }
  }
  return { text, line: p.line, lastLine: p.lastLine, dir: p.dir, marker: p.marker, reply, variant };
}

function openCodeOf(body: string, dir: Direction | undefined): string | undefined {
  if (dir === 'client' || dir === 'meta') return undefined;
  const r = findReply(body);
  return r && r.sep === '-' ? String(r.code) : undefined;
}

/** Calls `visit` for every logical line, in order. Returns the number of physical lines read. */
export function forEachLogicalLine(text: string, visit: (line: LogicalLine) => void): number {
  if (text.length === 0) return 0;
  const nl = text.includes('\n') ? '\n' : '\r';
  let pending: Pending | undefined;
  const flush = (): void => {
    if (pending) visit(finish(pending));
    pending = undefined;
  };
  let lineNo = 0;
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf(nl, pos);
    if (end < 0) end = text.length;
    let raw = text.slice(pos, end);
    if (nl === '\n' && raw.endsWith('\r')) raw = raw.slice(0, -1);
    pos = end + 1;
    lineNo++;
    if (end === text.length && raw.length === 0 && lineNo > 1) {
      lineNo--; // a final newline does not start a line
      break;
    }
    const { body, dir, marker } = stripMarker(raw);
    if (pending && pending.length + body.length < MAX_LOGICAL_LENGTH) {
      const p: Pending = pending;
      if (p.openCode !== undefined && dir !== 'client' && dir !== 'meta') {
        const sep = continuationSep(body, p.openCode);
        if (sep !== '') {
          p.parts.push(body.trim());
          p.length += body.length + 1;
          p.lastLine = lineNo;
          if (sep === ' ') p.openCode = undefined;
          continue;
        }
      }
      if (marker === undefined && isBlankCode(raw.charCodeAt(0))) {
        const trimmed = raw.trim();
        if (trimmed !== '' && !looksLikeStackFrame(trimmed) && (p.foldable || (p.endsWithColon && findReply(trimmed)?.index === 0))) {
          p.parts.push(trimmed);
          p.length += trimmed.length + 1;
          p.lastLine = lineNo;
          p.endsWithColon = trimmed.endsWith(':');
          if (p.openCode === undefined) p.openCode = openCodeOf(trimmed, p.dir);
          continue;
        }
      }
    }
    flush();
    if (body.trim() === '') continue;
    pending = {
      parts: [body],
      length: body.length,
      line: lineNo,
      lastLine: lineNo,
      dir,
      marker,
      openCode: openCodeOf(body, dir),
      foldable: marker === undefined && (FOLDABLE_HEADER_RE.test(body) || POSTFIX_BOUNCE_RECIPIENT_RE.test(body)),
      endsWithColon: body.trimEnd().endsWith(':'),
    };
  }
  flush();
  return lineNo;
}

/** All logical lines of a text (tests and small inputs; `classify` streams with {@link forEachLogicalLine}). */
export function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  forEachLogicalLine(text, (l) => out.push(l));
  return out;
}
