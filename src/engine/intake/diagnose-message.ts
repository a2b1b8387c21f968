/**
 * One input (a saved bounce, a pasted message source, or plain pasted text) → per-recipient
 * findings. Bounces are parsed as MIME, their per-recipient diagnostics redacted and classified one
 * by one; anything that is not a message goes through the ordinary classify path.
 */
import type { ClassifiableEntry } from '../kb/summary.ts';
import { classify } from '../classifier/classify.ts';
import { checkInput } from '../classifier/input.ts';
import { redact } from '../classifier/redact.ts';
import type { Finding } from '../classifier/types.ts';
import { extractDsn } from './dsn.ts';
import {
  DEFAULT_LIMITS, bytesToBinary, decodeEncodedWords, decodeText, headerValue, isBinaryString, parseMessage, utf8Binary,
  type CharsetDecoder, type MimeLimits, type MimeProblem,
} from './mime.ts';

/** What the intake reads of the knowledge base: the classifier's fields and each entry's enhanced codes. */
export interface IntakeKb {
  readonly entries: ReadonlyArray<ClassifiableEntry & { readonly enhanced: readonly string[] }>;
}
type Kb = IntakeKb;

/** What could not be read: the MIME problems, `binary` for an input that is not text at all, `unreadable` (set by callers) for a file that could not be opened. */
export type IntakeProblem = MimeProblem | 'binary' | 'unreadable';

/** A finding about one recipient of a bounce (`recipient` undefined for a plain text). */
export type RecipientFinding = Finding & { readonly recipient: string | undefined };

export interface RecipientDiagnosis {
  readonly recipient: string | undefined;
  readonly action: string | undefined;
  readonly status: string | undefined;
  /** Redacted diagnostic text. */
  readonly diagnosticCode: string | undefined;
  readonly remoteMta: string | undefined;
  readonly reportingMta: string | undefined;
  readonly origin: 'delivery-status' | 'text';
  /** Ranked best first, at most {@link MAX_RECIPIENT_FINDINGS}. */
  readonly findings: readonly RecipientFinding[];
}

export interface MessageDiagnosis {
  /** `message` for a parsed RFC 5322 message, `text` for a plain paste. */
  readonly kind: 'message' | 'text';
  /** Decoded Subject, when a message. */
  readonly subject: string | undefined;
  readonly recipients: readonly RecipientDiagnosis[];
  /** One best finding per recipient (or the plain-text findings), each with its recipient. */
  readonly findings: readonly RecipientFinding[];
  readonly problems: readonly IntakeProblem[];
}

/** Findings kept per recipient, best first (a bare reply code can match a dozen entries). */
export const MAX_RECIPIENT_FINDINGS = 5;

/** Fields one of which an RFC 5322 message (or a pasted message source) has near the top. */
const MESSAGE_FIELDS = new Set(['from', 'to', 'subject', 'date', 'received', 'return-path', 'message-id', 'mime-version', 'content-type', 'delivered-to', 'x-failed-recipients']);

function looksLikeMessage(headers: readonly { name: string }[]): boolean {
  let known = 0;
  for (const h of headers) if (MESSAGE_FIELDS.has(h.name)) known++;
  return known >= 2;
}

function withRecipient(findings: readonly Finding[], recipient: string | undefined): RecipientFinding[] {
  return findings.map((f) => ({ ...f, recipient }));
}

/** Wordings that name a status when the bounce gives none (Chinese providers rarely do). */
const STATUS_HINTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/user (?:not found|unknown)|no such (?:user|recipient)|mailbox (?:not found|unavailable|does not exist)|does not exist|doesn't have a [\w.-]+ account|recipient(?: address)? (?:not found|rejected: user unknown)|收件人地址不存在|用户不存在|地址不存在|帐号不存在|账号不存在|帐户不存在|账户不存在/i, '5.1.1'],
  [/mailbox (?:is )?full|over ?quota|quota exceeded|空间已满|邮箱已满|超过.{0,6}容量|容量不足/i, '5.2.2'],
  [/blacklist|blocklist|黑名单/i, '5.7.1'],
];

function statusHint(status: string | undefined, text: string): string | undefined {
  if (status !== undefined) return status;
  for (const [re, s] of STATUS_HINTS) if (re.test(text)) return s;
  return undefined;
}

const ENHANCED_LISTS = new WeakMap<Kb, ReadonlyMap<string, readonly string[]>>();

function enhancedLists(kb: Kb): ReadonlyMap<string, readonly string[]> {
  let m = ENHANCED_LISTS.get(kb);
  if (!m) {
    m = new Map(kb.entries.map((e) => [e.id, e.enhanced] as const));
    ENHANCED_LISTS.set(kb, m);
  }
  return m;
}

/**
 * The bounce's status is authoritative for its recipient: among findings that prove no cause, the
 * entries that list this enhanced code go first (the classifier alone ranks a bare `550` evenly).
 */
function rankByStatus(kb: Kb, findings: readonly Finding[], status: string | undefined): Finding[] {
  if (status === undefined || findings.length < 2) return [...findings];
  const lists = enhancedLists(kb);
  const detail = status.slice(2);
  const score = (f: Finding): number => {
    if (f.cause !== undefined) return 4;
    const list = lists.get(f.entry) ?? [];
    // An entry listing the status first is about it; one listing it further down only may be.
    if (list[0] === status) return 3;
    if (list.includes(status)) return 2;
    if (list.some((c) => c.length === detail.length + 2 && c.endsWith(detail))) return 1;
    return 0;
  };
  return findings.map((f, i) => ({ f, i, s: score(f) })).sort((a, b) => b.s - a.s || a.i - b.i).map((x) => x.f);
}

/** The text handed to the classifier for one recipient: its diagnostic, else its status. */
function diagnosticText(diag: string | undefined, status: string | undefined): string {
  if (diag !== undefined && diag !== '') return diag;
  return status ?? '';
}

/**
 * Diagnoses one input. `input` is bytes, or a string: a binary string (chars 0–255, e.g. a file read
 * as Latin-1) or decoded text (then read as UTF-8). Never throws on malformed input.
 */
export function diagnoseMessage(kb: Kb, input: Uint8Array | string, decoder: CharsetDecoder, limits: MimeLimits = DEFAULT_LIMITS): MessageDiagnosis {
  let bin = typeof input === 'string' ? (isBinaryString(input) ? input : utf8Binary(input)) : bytesToBinary(input.length > limits.maxBytes ? input.subarray(0, limits.maxBytes + 1) : input);
  // An mbox "From " line or a leading blank line before the headers is not part of the message.
  bin = bin.replace(/^(?:\s*\r?\n)+/, '').replace(/^From [^\n]*\n/, '');
  const parsed = parseMessage(bin, limits);
  const problems: MimeProblem[] = [...parsed.problems];
  if (!looksLikeMessage(parsed.root.headers)) {
    const decoded = decodeText(bin.length > limits.maxBytes ? bin.slice(0, limits.maxBytes) : bin, 'utf-8', decoder);
    const check = checkInput(decoded, Number.POSITIVE_INFINITY);
    if (!check.ok) return { kind: 'text', subject: undefined, recipients: [], findings: [], problems: ['binary'] };
    const text = redact(decoded).text;
    const findings = withRecipient(classify(kb, text).findings, undefined);
    return { kind: 'text', subject: undefined, recipients: [], findings, problems: [] };
  }
  const subjectRaw = headerValue(parsed.root.headers, 'subject');
  const subject = subjectRaw === undefined ? undefined : decodeEncodedWords(subjectRaw, decoder);
  const dsn = extractDsn(parsed.root, decoder, problems);
  const recipients: RecipientDiagnosis[] = dsn.recipients.map((r) => {
    const diag = r.diagnosticCode === undefined ? undefined : redact(r.diagnosticCode).text;
    const text = diagnosticText(diag, r.status);
    const ranked = text === '' ? [] : rankByStatus(kb, classify(kb, text).findings, statusHint(r.status, text));
    const findings = withRecipient(ranked.slice(0, MAX_RECIPIENT_FINDINGS), r.recipient);
    return {
      recipient: r.recipient, action: r.action, status: r.status, diagnosticCode: diag, remoteMta: r.remoteMta,
      reportingMta: r.reportingMta, origin: r.origin, findings,
    };
  });
  let findings: RecipientFinding[] = [];
  for (const r of recipients) {
    const best = r.findings[0];
    if (best) findings.push(best);
  }
  if (recipients.length === 0 || findings.length === 0) {
    // Not a bounce we could split (or no recipient text was recognised): classify the explanation whole.
    const whole = classify(kb, redact(dsn.humanText).text).findings;
    const only = recipients.length === 1 ? recipients[0]?.recipient : undefined;
    findings = withRecipient(whole, only);
  }
  return { kind: 'message', subject: subject === undefined ? undefined : redact(subject).text, recipients, findings, problems: [...new Set(problems)] };
}
