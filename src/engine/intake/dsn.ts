/**
 * Per-recipient delivery reports from a parsed bounce: RFC 3464 `message/delivery-status` fields
 * first, then the human-readable text of the common non-standard shapes (Exim, Postfix, Sendmail,
 * qmail, Gmail, Exchange / Microsoft 365, Amazon SES, Yahoo, QQ / NetEase / Aliyun).
 */
import {
  decodeText, headerValue, htmlToText, parseHeaderBlock, partText, walkParts,
  type CharsetDecoder, type Header, type MimePart, type MimeProblem,
} from './mime.ts';

export interface RecipientReport {
  readonly recipient: string | undefined;
  readonly originalRecipient: string | undefined;
  readonly action: string | undefined;
  /** RFC 3463 status, e.g. `5.1.1`. */
  readonly status: string | undefined;
  /** The diagnostic text without its type, e.g. `550 5.1.1 … User unknown`. */
  readonly diagnosticCode: string | undefined;
  /** The Diagnostic-Code type (`smtp`, `x-unix`, …). */
  readonly diagnosticType: string | undefined;
  readonly remoteMta: string | undefined;
  readonly reportingMta: string | undefined;
  readonly lastAttemptDate: string | undefined;
  /** Where the record came from. */
  readonly origin: 'delivery-status' | 'text';
}

export interface DsnExtraction {
  readonly isReport: boolean;
  readonly recipients: readonly RecipientReport[];
  /** The human-readable explanation (decoded, HTML flattened), for a whole-text fallback. */
  readonly humanText: string;
  /** `X-Failed-Recipients` (Exim, Gmail) when present. */
  readonly failedRecipients: readonly string[];
}

/** Text sizes the heuristics look at, at most (the first part of a long explanation). */
const MAX_HUMAN_TEXT = 256 * 1024;
const MAX_HTML = 512 * 1024;

function stripType(value: string | undefined): { type: string | undefined; text: string | undefined } {
  if (value === undefined) return { type: undefined, text: undefined };
  const m = /^\s*([A-Za-z0-9.-]{1,40})\s*;\s*([^]*)$/.exec(value);
  const text = (m ? m[2] ?? '' : value).replace(/\s+/g, ' ').trim();
  return { type: m?.[1]?.toLowerCase(), text: text === '' ? undefined : text };
}

function cleanAddress(value: string | undefined): string | undefined {
  const t = stripType(value).text;
  if (t === undefined) return undefined;
  const m = /<([^<>\s]+)>/.exec(t);
  return (m?.[1] ?? t).trim();
}

/** Splits a delivery-status body into field groups separated by blank lines. */
function fieldGroups(text: string): Header[][] {
  return text.split(/\r?\n(?:[ \t]*\r?\n)+/).map((g) => parseHeaderBlock(g)).filter((g) => g.length > 0);
}

function statusOf(value: string | undefined): string | undefined {
  const m = value === undefined ? null : /\b([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(value);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : undefined;
}

/** A group that (against RFC 3464) runs several recipients together is cut at each new recipient. */
function splitRecipients(group: Header[]): Header[][] {
  const out: Header[][] = [];
  let cur: Header[] = [];
  let hasFinal = false;
  let hasOriginal = false;
  for (const h of group) {
    if ((hasFinal && h.name === 'final-recipient') || (hasOriginal && h.name === 'original-recipient')) {
      out.push(cur);
      cur = [];
      hasFinal = false;
      hasOriginal = false;
    }
    cur.push(h);
    if (h.name === 'final-recipient') hasFinal = true;
    if (h.name === 'original-recipient') hasOriginal = true;
  }
  out.push(cur);
  return out;
}

function fromDeliveryStatus(body: string): RecipientReport[] {
  const groups = fieldGroups(body).flatMap(splitRecipients);
  const perMessage = groups.find((g) => !g.some((h) => h.name === 'final-recipient' || h.name === 'original-recipient')) ?? [];
  const reportingMta = stripType(headerValue(perMessage, 'reporting-mta')).text;
  const out: RecipientReport[] = [];
  for (const g of groups) {
    const final = headerValue(g, 'final-recipient');
    const original = headerValue(g, 'original-recipient');
    if (final === undefined && original === undefined) continue;
    const diag = stripType(headerValue(g, 'diagnostic-code'));
    out.push({
      recipient: cleanAddress(final ?? original),
      originalRecipient: cleanAddress(original),
      action: headerValue(g, 'action')?.toLowerCase(),
      status: statusOf(headerValue(g, 'status')),
      diagnosticCode: diag.text,
      diagnosticType: diag.type,
      remoteMta: stripType(headerValue(g, 'remote-mta')).text,
      reportingMta: stripType(headerValue(g, 'reporting-mta')).text ?? reportingMta,
      lastAttemptDate: headerValue(g, 'last-attempt-date'),
      origin: 'delivery-status',
    });
  }
  return out;
}

// --- text heuristics -------------------------------------------------------------------------------

/** Where the returned original message starts in a single-part bounce. */
const ORIGINAL_MARKERS = [
  /^-+ ?This is a copy of the message/im,
  /^-+ ?Original message/im,
  /^-+ ?Returned message/im,
  /^-+ ?Below this line is a copy of the message/im,
  /^-+ ?The header of the original message/im,
  /^Original message headers:/im,
  /^-+ ?原始邮件/m,
];

function cutOriginal(text: string): string {
  let end = text.length;
  for (const re of ORIGINAL_MARKERS) {
    const m = re.exec(text);
    if (m && m.index < end) end = m.index;
  }
  return text.slice(0, end);
}

const ADDR = "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){1,8}";
/** A line that starts with an address: `bob@x`, `<bob@x>:`, `bob@x<mailto:bob@x>`, optional text after a colon. */
const ADDRESS_LINE_RE = new RegExp(`^[ \\t]{0,8}<?(${ADDR})>?(?:<mailto:[^>\\s]{1,200}>)?(?:[ \\t]*:[ \\t]*(.*)|[ \\t]*)$`);
const REPLY_RE = /(?:^|[\s'"(:])[245]\d\d(?:[ -]|$)|\b[245]\.\d{1,3}\.\d{1,3}\b/;
const CN_RECIPIENT_RE = new RegExp(`(?:收件人|收信人)(?:地址)?[ \\t]*[：:][ \\t]*<?(${ADDR})>?`);
// The words after the colon are trimmed where the match is used: `[ \t]*(.*)` would let two parts
// compete for the same blanks (polynomial backtracking, found by recheck).
const CN_REASON_RE = /(?:退信原因|失败原因|错误原因|原因|错误代码|错误信息|远程服务器返回信息|服务器返回信息)[ \t]*[：:](.*)/;
const GMAIL_TO_RE = new RegExp(`(?:wasn't delivered to|was not delivered to|couldn't be delivered to|could not be delivered to)[ \\t]+<?(${ADDR})>?`, 'i');
const GMAIL_RESPONSE_RE = /^\s*The response (?:from the remote server )?was:\s*$/i;
const SES_RE = /An error occurred while trying to deliver the mail to the following recipients:/i;

interface TextRecord {
  recipient: string;
  lines: string[];
  /** Indentation of the line that named the recipient; deeper lines continue the record. */
  indent: number;
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  return i;
}

/** Sendmail's `(reason: 550 …)` wrapper and qmail/Yahoo's `554: text` become a plain reply line. */
function normalizeDiagnostic(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.startsWith('(reason: ') && line.endsWith(')') ? line.slice(9, -1) : line))
    .join('\n')
    .replace(/^([245]\d\d): /gm, '$1 ');
}

function textRecord(recipient: string, text: string): RecipientReport {
  const diag = normalizeDiagnostic(text.replace(/[ \t]+/g, ' ').replace(/\n\s*/g, '\n').trim());
  return {
    recipient,
    originalRecipient: undefined,
    action: undefined,
    status: statusOf(diag),
    diagnosticCode: diag === '' ? undefined : diag,
    diagnosticType: undefined,
    remoteMta: /\bhost ([A-Za-z0-9.-]+\.[A-Za-z]{2,})/.exec(diag)?.[1],
    reportingMta: undefined,
    lastAttemptDate: undefined,
    origin: 'text',
  };
}

/** Exported for tests. */
export { fromDeliveryStatus };

/** Collects `recipient → text` blocks from a human-readable bounce. */
export function fromHumanText(raw: string): RecipientReport[] {
  const text = cutOriginal(raw.length > MAX_HUMAN_TEXT ? raw.slice(0, MAX_HUMAN_TEXT) : raw);
  const lines = text.split(/\r?\n/);
  const records: TextRecord[] = [];
  let current: TextRecord | undefined;
  let gmailTo: string | undefined;
  let inGmailResponse = false;
  let cnRecipient: string | undefined;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') {
      current = undefined;
      if (inGmailResponse && records[records.length - 1]?.lines.length) inGmailResponse = false;
      continue;
    }
    const gm = GMAIL_TO_RE.exec(line);
    if (gm?.[1]) gmailTo = gm[1];
    if (GMAIL_RESPONSE_RE.test(line) && gmailTo) {
      current = { recipient: gmailTo, lines: [], indent: 0 };
      records.push(current);
      inGmailResponse = true;
      continue;
    }
    if (inGmailResponse && current) {
      current.lines.push(trimmed);
      continue;
    }
    if (SES_RE.test(line)) continue;
    const cr = CN_RECIPIENT_RE.exec(line);
    if (cr?.[1]) {
      cnRecipient = cr[1];
      current = { recipient: cnRecipient, lines: [], indent: 0 };
      records.push(current);
      continue;
    }
    const cnReason = CN_REASON_RE.exec(line);
    if (cnReason && cnRecipient) {
      for (let i = records.length - 1; i >= 0; i--) {
        const rec = records[i];
        if (rec?.recipient === cnRecipient) { rec.lines.push((cnReason[1] ?? '').trim()); break; }
      }
      continue;
    }
    const indent = indentOf(line);
    const am = current && indent > current.indent ? null : ADDRESS_LINE_RE.exec(line);
    if (am?.[1]) {
      current = { recipient: am[1], lines: am[2] ? [am[2].trim()] : [], indent };
      records.push(current);
      continue;
    }
    if (current && current.lines.length < 20) current.lines.push(trimmed);
  }
  // One record per recipient: the text with a reply code wins, else the longest.
  const best = new Map<string, string>();
  const order: string[] = [];
  for (const r of records) {
    const key = r.recipient.toLowerCase();
    const t = r.lines.join('\n');
    const prev = best.get(key);
    if (prev === undefined) {
      order.push(key);
      best.set(key, t);
      continue;
    }
    const prevCode = REPLY_RE.test(prev);
    const curCode = REPLY_RE.test(t);
    if ((curCode && !prevCode) || (curCode === prevCode && t.length > prev.length && !prevCode)) best.set(key, t);
  }
  const byKey = new Map(records.map((r) => [r.recipient.toLowerCase(), r.recipient] as const));
  return order.map((k) => textRecord(byKey.get(k) ?? k, best.get(k) ?? ''));
}

// --- the whole message ---------------------------------------------------------------------------

function isTextPart(p: MimePart): boolean {
  return p.contentType.mime === 'text/plain' || p.contentType.mime === 'text/html';
}

/** The human-readable explanation: the report's first part, else the first text part outside an attached message. */
function humanPart(root: MimePart): MimePart | undefined {
  if (root.parts.length === 0) return isTextPart(root) ? root : undefined;
  let plain: MimePart | undefined;
  let html: MimePart | undefined;
  const visit = (p: MimePart): void => {
    if (p.contentType.mime === 'message/rfc822' || p.contentType.mime === 'message/global' || p.contentType.mime === 'text/rfc822-headers') return;
    if (p.contentType.mime === 'text/plain' && !plain) plain = p;
    if (p.contentType.mime === 'text/html' && !html) html = p;
    for (const c of p.parts) visit(c);
  };
  visit(root);
  return plain ?? html;
}

/** Reads the per-recipient reports of a parsed message. Never throws. */
export function extractDsn(root: MimePart, decoder: CharsetDecoder, problems: MimeProblem[]): DsnExtraction {
  let structured: RecipientReport[] = [];
  let isReport = root.contentType.mime === 'multipart/report';
  walkParts(root, (p) => {
    const mime = p.contentType.mime;
    if ((mime === 'message/delivery-status' || mime === 'message/global-delivery-status') && structured.length === 0) {
      isReport = true;
      const body = mime === 'message/global-delivery-status' ? decodeText(p.body, 'utf-8', decoder) : p.body;
      structured = fromDeliveryStatus(body);
    }
  });
  const hp = humanPart(root);
  let humanText = '';
  if (hp) {
    const t = partText(hp, decoder, problems);
    humanText = hp.contentType.mime === 'text/html' ? htmlToText(t.length > MAX_HTML ? t.slice(0, MAX_HTML) : t) : t;
  }
  const failedRecipients = (headerValue(root.headers, 'x-failed-recipients') ?? '')
    .split(',').map((s) => s.trim()).filter((s) => s !== '');
  const fromText = fromHumanText(humanText);
  let recipients: RecipientReport[];
  if (structured.length > 0) {
    // Structured fields win; the text fills a missing diagnostic.
    recipients = structured.map((r) => {
      if (r.diagnosticCode !== undefined || r.recipient === undefined) return r;
      const t = fromText.find((x) => x.recipient?.toLowerCase() === r.recipient?.toLowerCase());
      return t?.diagnosticCode ? { ...r, diagnosticCode: t.diagnosticCode } : r;
    });
  } else {
    recipients = fromText;
    for (const f of failedRecipients) {
      if (!recipients.some((r) => r.recipient?.toLowerCase() === f.toLowerCase())) recipients.push(textRecord(f, ''));
    }
  }
  return { isReport, recipients, humanText, failedRecipients };
}
