/**
 * A lenient RFC 5322 / MIME reader for bounces. It works on a binary string (one char per byte,
 * 0–255) so that any charset survives until a part is turned into text, and never throws: what
 * could not be read is reported as a problem code and the rest is returned.
 *
 * Charset decoding is injected ({@link CharsetDecoder}); the engine has no TextDecoder of its own.
 */

/** Turns bytes in a named charset into text; `undefined` when the charset is unknown. */
export interface CharsetDecoder {
  decode(bytes: Uint8Array, charset: string): string | undefined;
}

/** Problem codes; the CLI and UI translate or show them as they are. */
export type MimeProblem =
  | 'too-large'
  | 'too-deep'
  | 'too-many-parts'
  | 'no-header-end'
  | 'missing-boundary'
  | 'missing-final-boundary'
  | 'bad-base64'
  | 'bad-quoted-printable'
  | 'unknown-charset'
  | 'unknown-transfer-encoding';

export interface Header {
  /** Lower-case field name. */
  readonly name: string;
  /** Unfolded raw value (binary string; encoded-words still encoded). */
  readonly value: string;
}

export interface ContentType {
  /** Lower case, e.g. `text/plain`. */
  readonly mime: string;
  /** Lower-case parameter names, unquoted values. */
  readonly params: Readonly<Record<string, string>>;
}

export interface MimePart {
  readonly headers: readonly Header[];
  readonly contentType: ContentType;
  /** Transfer-decoded body (binary string). Empty for a multipart. */
  readonly body: string;
  readonly parts: readonly MimePart[];
}

export interface ParsedMessage {
  readonly root: MimePart;
  readonly problems: readonly MimeProblem[];
}

export interface MimeLimits {
  /** Bytes read at most; the rest is dropped with `too-large`. */
  readonly maxBytes: number;
  readonly maxDepth: number;
  readonly maxParts: number;
}

export const DEFAULT_LIMITS: MimeLimits = { maxBytes: 16 * 1024 * 1024, maxDepth: 12, maxParts: 400 };

const CHUNK = 8192;

/** Bytes → binary string. */
export function bytesToBinary(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out.push(String.fromCharCode(...bytes.subarray(i, Math.min(i + CHUNK, bytes.length))));
  }
  return out.join('');
}

/** Binary string → bytes (chars above 255 keep their low byte; callers never pass them). */
export function binaryToBytes(bin: string): Uint8Array {
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i) & 0xff;
  return out;
}

/** A JS string → UTF-8 binary string (for text that was already decoded, e.g. a paste). */
export function utf8Binary(text: string): string {
  const out: number[] = [];
  const parts: string[] = [];
  const flush = () => {
    parts.push(String.fromCharCode(...out));
    out.length = 0;
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    if (out.length >= CHUNK) flush();
  }
  flush();
  return parts.join('');
}

/** True when every char is a byte (0–255), i.e. the string can be read as a binary string. */
export function isBinaryString(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/** Decodes a binary string in `charset`; falls back to UTF-8, then to Latin-1. */
export function decodeText(bin: string, charset: string | undefined, decoder: CharsetDecoder, problems?: MimeProblem[]): string {
  let ascii = true;
  for (let i = 0; i < bin.length; i++) if (bin.charCodeAt(i) > 0x7e && bin.charCodeAt(i) !== 0x7f) { ascii = false; break; }
  if (ascii && !bin.includes('\u001b')) return bin;
  const bytes = binaryToBytes(bin);
  const label = (charset ?? '').trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (label !== '' && label !== 'us-ascii' && label !== 'ascii') {
    const text = safeDecode(decoder, bytes, label);
    if (text !== undefined) return text;
    problems?.push('unknown-charset');
  }
  return safeDecode(decoder, bytes, 'utf-8') ?? bin;
}

function safeDecode(decoder: CharsetDecoder, bytes: Uint8Array, charset: string): string | undefined {
  try {
    return decoder.decode(bytes, charset);
  } catch (err) {
    return err instanceof Error ? undefined : undefined;
  }
}

// --- transfer encodings -------------------------------------------------------------------------

const B64 = new Int16Array(256).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => { B64[c.charCodeAt(0)] = i; });
B64['-'.charCodeAt(0)] = 62;
B64['_'.charCodeAt(0)] = 63;

/** Lenient base64: skips anything outside the alphabet, stops at `=`, keeps a partial last group. */
export function decodeBase64(input: string): { bytes: string; clean: boolean } {
  const out: number[] = [];
  const parts: string[] = [];
  let acc = 0;
  let bits = 0;
  let clean = true;
  let ended = false;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 61) { ended = true; continue; }
    const v = c < 256 ? (B64[c] ?? -1) : -1;
    if (v < 0) {
      if (c !== 10 && c !== 13 && c !== 32 && c !== 9) clean = false;
      continue;
    }
    if (ended) { clean = false; ended = false; acc = 0; bits = 0; }
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
      if (out.length >= CHUNK) { parts.push(String.fromCharCode(...out)); out.length = 0; }
    }
  }
  if (bits >= 6) clean = false;
  parts.push(String.fromCharCode(...out));
  return { bytes: parts.join(''), clean };
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Lenient quoted-printable: soft breaks removed, bad `=` sequences kept as they are. `underscore` for RFC 2047 Q. */
export function decodeQuotedPrintable(input: string, underscore = false): { bytes: string; clean: boolean } {
  const out: string[] = [];
  let clean = true;
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 95 && underscore) {
      out.push(input.slice(start, i), ' ');
      start = i + 1;
      continue;
    }
    if (c !== 61) continue;
    out.push(input.slice(start, i));
    const h = hexValue(input.charCodeAt(i + 1));
    const l = hexValue(input.charCodeAt(i + 2));
    if (h >= 0 && l >= 0) {
      out.push(String.fromCharCode(h * 16 + l));
      i += 2;
      start = i + 1;
      continue;
    }
    // Soft line break: `=` then optional blanks then CRLF / LF.
    let j = i + 1;
    while (input.charCodeAt(j) === 32 || input.charCodeAt(j) === 9) j++;
    if (input.charCodeAt(j) === 13) j++;
    if (input.charCodeAt(j) === 10 || j >= input.length) {
      i = j;
      start = j + 1;
      continue;
    }
    clean = false;
    out.push('=');
    start = i + 1;
  }
  out.push(input.slice(start));
  return { bytes: out.join(''), clean };
}

// --- headers ------------------------------------------------------------------------------------

const FIELD_NAME_RE = /^[!-9;-~]+$/;

/** Splits a header block into unfolded fields. Lines that are neither a field nor a continuation are skipped. */
export function parseHeaderBlock(block: string): Header[] {
  const out: Array<{ name: string; value: string }> = [];
  const lines = block.split(/\r?\n/);
  for (const line of lines) {
    if (line === '') continue;
    const first = line.charCodeAt(0);
    if ((first === 32 || first === 9) && out.length > 0) {
      const last = out[out.length - 1];
      if (last) last.value += line;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trimEnd();
    if (!FIELD_NAME_RE.test(name)) continue;
    out.push({ name: name.toLowerCase(), value: line.slice(colon + 1) });
  }
  return out.map((h) => ({ name: h.name, value: h.value.replace(/\r/g, '').trim() }));
}

/** The first value of a field, or undefined. */
export function headerValue(headers: readonly Header[], name: string): string | undefined {
  for (const h of headers) if (h.name === name) return h.value;
  return undefined;
}

/** Where the header block ends: index of the body's first char, and whether a blank line was found. */
function headerEnd(text: string): { headerLength: number; bodyStart: number; found: boolean } {
  // A block that does not start with a field has no headers (a body-only part).
  let pos = 0;
  for (;;) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(pos, lineEnd).replace(/\r$/, '');
    if (line === '') return { headerLength: pos, bodyStart: nl < 0 ? text.length : nl + 1, found: true };
    const c = line.charCodeAt(0);
    const isCont = (c === 32 || c === 9) && pos > 0;
    const colon = line.indexOf(':');
    const isField = colon > 0 && FIELD_NAME_RE.test(line.slice(0, colon).trimEnd());
    if (!isCont && !isField) return { headerLength: pos, bodyStart: pos, found: false };
    if (nl < 0) return { headerLength: text.length, bodyStart: text.length, found: false };
    pos = nl + 1;
  }
}

/** Decodes RFC 2047 encoded-words in a header value (B and Q, any charset the decoder knows). */
export function decodeEncodedWords(value: string, decoder: CharsetDecoder): string {
  const re = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;
  if (!value.includes('=?')) return decodeText(value, 'utf-8', decoder);
  const out: string[] = [];
  let last = 0;
  let prevWasWord = false;
  for (let m = re.exec(value); m !== null; m = re.exec(value)) {
    const between = value.slice(last, m.index);
    // Whitespace between two adjacent encoded-words is dropped (RFC 2047 §6.2).
    if (!(prevWasWord && /^\s*$/.test(between))) out.push(decodeText(between, 'utf-8', decoder));
    const charset = (m[1] ?? '').split('*')[0] ?? '';
    const raw = m[3] ?? '';
    const bytes = (m[2] ?? '').toLowerCase() === 'b' ? decodeBase64(raw).bytes : decodeQuotedPrintable(raw, true).bytes;
    out.push(decodeText(bytes, charset, decoder));
    last = m.index + m[0].length;
    prevWasWord = true;
  }
  out.push(decodeText(value.slice(last), 'utf-8', decoder));
  return out.join('');
}

/** Parses `type/subtype; a=b; c="d"` (RFC 2231 `name*` values are read without their charset prefix). */
export function parseContentType(value: string | undefined, fallback = 'text/plain'): ContentType {
  if (value === undefined) return { mime: fallback, params: {} };
  const params: Record<string, string> = {};
  const semi = value.indexOf(';');
  const mimeRaw = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
  const mime = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(mimeRaw) ? mimeRaw : fallback;
  const re = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"?|([^;\s]*))/g;
  const rest = semi < 0 ? '' : value.slice(semi);
  /** RFC 2231 continuations `name*0`, `name*1*`, … by name. */
  const pieces: Record<string, Array<[number, string]>> = {};
  for (let m = re.exec(rest); m !== null; m = re.exec(rest)) {
    let name = (m[1] ?? '').toLowerCase();
    let v = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
    const cont = /^(.+?)\*(\d{1,3})(\*?)$/.exec(name);
    if (cont) {
      let piece = v;
      if (cont[3] === '*') {
        if (cont[2] === '0') {
          const q = piece.indexOf("'", piece.indexOf("'") + 1);
          if (q >= 0) piece = piece.slice(q + 1);
        }
        piece = piece.replace(/%([0-9a-fA-F]{2})/g, (_s, h: string) => String.fromCharCode(parseInt(h, 16)));
      }
      (pieces[cont[1] ?? ''] ??= []).push([Number(cont[2]), piece]);
      continue;
    }
    if (name.endsWith('*')) {
      name = name.slice(0, -1);
      const q = v.indexOf("'", v.indexOf("'") + 1);
      if (q >= 0) v = v.slice(q + 1);
      v = v.replace(/%([0-9a-fA-F]{2})/g, (_s, h: string) => String.fromCharCode(parseInt(h, 16)));
    }
    if (!(name in params)) params[name] = v;
  }
  for (const [name, list] of Object.entries(pieces)) {
    if (!(name in params)) params[name] = list.sort((a, b) => a[0] - b[0]).map((x) => x[1]).join('');
  }
  return { mime, params };
}

// --- parts ----------------------------------------------------------------------------------------

interface Ctx {
  readonly limits: MimeLimits;
  readonly problems: Set<MimeProblem>;
  parts: number;
}

function transferDecode(body: string, cte: string | undefined, ctx: Ctx): string {
  const enc = (cte ?? '7bit').trim().toLowerCase();
  if (enc === 'base64') {
    const r = decodeBase64(body);
    if (!r.clean) ctx.problems.add('bad-base64');
    return r.bytes;
  }
  if (enc === 'quoted-printable') {
    const r = decodeQuotedPrintable(body);
    if (!r.clean) ctx.problems.add('bad-quoted-printable');
    return r.bytes;
  }
  if (enc !== '7bit' && enc !== '8bit' && enc !== 'binary' && enc !== '') ctx.problems.add('unknown-transfer-encoding');
  return body;
}

/** Offsets of the delimiter lines `--boundary` in `body`: [lineStart, afterLine, isClose]. */
function findDelimiters(body: string, boundary: string): Array<[number, number, boolean]> {
  const marker = `--${boundary}`;
  const out: Array<[number, number, boolean]> = [];
  let from = 0;
  for (;;) {
    const k = body.indexOf(marker, from);
    if (k < 0) break;
    from = k + marker.length;
    if (k > 0 && body.charCodeAt(k - 1) !== 10) continue;
    const nl = body.indexOf('\n', from);
    const lineEnd = nl < 0 ? body.length : nl;
    const tail = body.slice(from, lineEnd);
    const isClose = tail.startsWith('--');
    if (!/^\s*$/.test(isClose ? tail.slice(2) : tail)) continue;
    // The line break before the delimiter belongs to it.
    let start = k;
    if (start > 0 && body.charCodeAt(start - 1) === 10) start--;
    if (start > 0 && body.charCodeAt(start - 1) === 13) start--;
    out.push([start, nl < 0 ? body.length : nl + 1, isClose]);
    if (isClose) break;
    from = nl < 0 ? body.length : nl + 1;
  }
  return out;
}

function parsePart(text: string, depth: number, ctx: Ctx, defaultType: string): MimePart {
  ctx.parts++;
  const end = headerEnd(text);
  const headers = parseHeaderBlock(text.slice(0, end.headerLength));
  const contentType = parseContentType(headerValue(headers, 'content-type'), defaultType);
  const rawBody = text.slice(end.bodyStart);
  if (contentType.mime.startsWith('multipart/')) {
    const boundary = contentType.params.boundary;
    if (boundary === undefined || boundary === '') {
      ctx.problems.add('missing-boundary');
      return { headers, contentType, body: rawBody, parts: [] };
    }
    if (depth >= ctx.limits.maxDepth) {
      ctx.problems.add('too-deep');
      return { headers, contentType, body: rawBody, parts: [] };
    }
    const delims = findDelimiters(rawBody, boundary);
    const parts: MimePart[] = [];
    if (delims.length === 0) {
      ctx.problems.add('missing-boundary');
      return { headers, contentType, body: rawBody, parts };
    }
    const childDefault = contentType.mime === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
    for (let i = 0; i < delims.length; i++) {
      const d = delims[i];
      if (!d || d[2]) break;
      if (ctx.parts >= ctx.limits.maxParts) {
        ctx.problems.add('too-many-parts');
        break;
      }
      const next = delims[i + 1];
      const segment = rawBody.slice(d[1], next ? next[0] : rawBody.length);
      parts.push(parsePart(segment, depth + 1, ctx, childDefault));
    }
    const lastDelim = delims[delims.length - 1];
    if (!lastDelim || !lastDelim[2]) ctx.problems.add('missing-final-boundary');
    return { headers, contentType, body: '', parts };
  }
  const body = transferDecode(rawBody, headerValue(headers, 'content-transfer-encoding'), ctx);
  if ((contentType.mime === 'message/rfc822' || contentType.mime === 'message/global') && depth < ctx.limits.maxDepth && ctx.parts < ctx.limits.maxParts) {
    return { headers, contentType, body, parts: [parsePart(body, depth + 1, ctx, 'text/plain')] };
  }
  return { headers, contentType, body, parts: [] };
}

/**
 * Parses a message (binary string). Never throws; problems are listed.
 */
export function parseMessage(bin: string, limits: MimeLimits = DEFAULT_LIMITS): ParsedMessage {
  const problems = new Set<MimeProblem>();
  let text = bin;
  if (text.length > limits.maxBytes) {
    text = text.slice(0, limits.maxBytes);
    problems.add('too-large');
  }
  const ctx: Ctx = { limits, problems, parts: 0 };
  if (!headerEnd(text).found) problems.add('no-header-end');
  const root = parsePart(text, 0, ctx, 'text/plain');
  return { root, problems: [...problems] };
}

/** Every part, depth first, the part itself included. */
export function walkParts(part: MimePart, visit: (p: MimePart, depth: number) => void, depth = 0): void {
  visit(part, depth);
  for (const p of part.parts) walkParts(p, visit, depth + 1);
}

/** A part's body as text, in its declared charset. */
export function partText(part: MimePart, decoder: CharsetDecoder, problems?: MimeProblem[]): string {
  return decodeText(part.body, part.contentType.params.charset, decoder, problems);
}

/** Removes `<name …>…</name>` elements in one linear pass (an unclosed one drops the rest). */
function dropElements(html: string, name: string): string {
  const lower = html.toLowerCase();
  const open = `<${name}`;
  const close = `</${name}`;
  const out: string[] = [];
  let pos = 0;
  for (let k = lower.indexOf(open); k >= 0; k = lower.indexOf(open, pos)) {
    out.push(html.slice(pos, k), ' ');
    const c = lower.indexOf(close, k + open.length);
    if (c < 0) return out.join('');
    const gt = lower.indexOf('>', c);
    pos = gt < 0 ? html.length : gt + 1;
  }
  out.push(html.slice(pos));
  return out.join('');
}

/** A rough HTML → text for bounces that come only as HTML (Exchange / Microsoft 365). */
export function htmlToText(html: string): string {
  const flat = dropTags(dropElements(dropElements(html, 'script'), 'style')
    .replace(/\s+/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|tr|li|h[1-6]|table)\s*>/gi, '\n\n'));
  return flat
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d{1,6});/g, (_s, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(/&amp;/g, '&')
    // Blanks around line breaks go; a run of blanks is only tried from its first character, so a
    // long run without a line break is scanned once, not once per position.
    .replace(/(?<![ \t])[ \t]*\n[ \t]*/g, '\n');
}

/** Removes the remaining `<…>` tags, keeping `\n` from block ends; linear. */
function dropTags(html: string): string {
  const out: string[] = [];
  let pos = 0;
  for (let k = html.indexOf('<'); k >= 0; k = html.indexOf('<', pos)) {
    const gt = html.indexOf('>', k);
    if (gt < 0) break;
    out.push(html.slice(pos, k));
    pos = gt + 1;
  }
  out.push(html.slice(pos));
  return out.join('');
}
