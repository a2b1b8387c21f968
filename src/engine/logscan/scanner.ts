/**
 * The streaming log analyzer: feed it a mail log in chunks of any size, get a {@link ScanSummary}.
 *
 * Times without a zone (traditional syslog, Exim) are read as UTC; syslog stamps without a year take
 * `options.year` (default: the current UTC year) and step to the next year when December turns to
 * January.
 *
 * Per line: the format is guessed (the last format that fitted is tried first), the timestamp read
 * at fixed offsets, and the line sorted by cheap substring tests into routine lines (deliveries,
 * arrivals, queue bookkeeping: counted, never classified) and problem lines (deferred, bounced,
 * rejected, expired, warnings). Only problem lines reach the classifier, and only once per distinct
 * reply text (`normalize.ts` strips what varies between messages); later lines with the same text
 * reuse the cached diagnosis and re-read only the signature's captures.
 *
 * Memory stays bounded whatever the input size: per-message state only for messages still in the
 * queue (dropped on Postfix `removed` / Exim `Completed`, and capped), counters pruned to their most
 * frequent values, a bounded classification cache.
 */
import { classify, MAX_MATCH_LENGTH } from '../classifier/classify.ts';
import { redact } from '../classifier/redact.ts';
import type { Finding } from '../classifier/types.ts';
import type { ClassifiableKb } from '../kb/summary.ts';
import type { Reason } from '../reasons.ts';
import { own, TopCounter } from './counter.ts';
import { volatileFree } from './normalize.ts';
import { Timeline } from './timeline.ts';
import { readIso, readSyslog, syslogMonth } from './timestamps.ts';
import type {
  LogFormat, LogScanner, Outcome, ProblemGroup, QueuedMessage, SampleLine, ScanOptions, ScanProgress, ScanSummary,
} from './types.ts';

const DAY = 86400;
/**
 * Default queue lifetimes, in seconds, when the caller gives none:
 * - Postfix `maximal_queue_lifetime` = 5d (postconf.proto, Postfix 3.7/3.8; DOMAIN.md §3.1).
 * - Exim: the retry rule shipped in configure.default, `* * F,2h,15m; G,16h,1h,1.5; F,4d,6h`, gives
 *   up after 4 days (Exim 4.96 spec, "Retry configuration"; DOMAIN.md §3.2).
 * - Sendmail `confTO_QUEUERETURN` = 5d (cf/README, Sendmail 8.17; DOMAIN.md §3.3).
 * - Exchange: the transport's default message expiration timeout is 2 days
 *   (Set-TransportService -MessageExpirationTimeout).
 */
const DEFAULT_LIFETIME: Readonly<Partial<Record<LogFormat, number>>> = {
  postfix: 5 * DAY,
  exim: 4 * DAY,
  sendmail: 5 * DAY,
  'exchange-tracking': 2 * DAY,
};

const SAMPLE_CHARS = 2000;
const UNREAD_SAMPLES = 5;
const MAX_QUEUE_STATES = 100_000;
const MAX_CACHE = 20_000;
const MAX_RECIPIENTS_KEPT = 10;
const STILL_DEFERRED_SHOWN = 100;
const OUTCOMES: readonly Outcome[] = ['delivered', 'deferred', 'bounced', 'rejected', 'expired'];
const ALL_FORMATS: readonly LogFormat[] = ['postfix', 'exim', 'sendmail', 'exchange-tracking', 'exchange-protocol', 'unknown'];
const F_POSTFIX = 0;
const F_EXIM = 1;
const F_SENDMAIL = 2;
const F_UNKNOWN = 5;

/** What each line family is tried as; the sticky guess goes first. */
type Family = 'syslog' | 'exim' | 'exchange';
const FAMILIES: readonly Family[] = ['syslog', 'exim', 'exchange'];

/** A line of an Exim rejectlog's message dump: envelope, flagged header (`F From:`), or continuation. */
const REJECTLOG_DUMP_RE = /^(?:Envelope-(?:from|to): |[A-Z* ] [\w-]{1,60}: |[ \t])/;

interface QueueState {
  readonly id: string;
  readonly format: LogFormat;
  from: string | null;
  readonly recipients: string[];
  first: number;
  last: number;
  attempts: number;
  outcome: Outcome | null;
  lastText: string | null;
}

interface GroupState {
  readonly key: string;
  readonly finding: Finding;
  count: number;
  first: number;
  last: number;
  readonly outcomes: Int32Array;
  readonly captures: Map<string, TopCounter>;
  readonly hosts: TopCounter;
  readonly domains: TopCounter;
  readonly ips: TopCounter;
  readonly samples: SampleLine[];
}

interface CacheHit {
  readonly group: GroupState | null;
  /** The signature's regex, to read each line's own captures; null when the finding has none. */
  readonly re: RegExp | null;
}

const OUTCOME_INDEX: Readonly<Record<Outcome, number>> = { delivered: 0, deferred: 1, bounced: 2, rejected: 3, expired: 4 };

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function iso(ms: number): string | null {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function cut(text: string, n: number): string {
  return text.length > n ? text.slice(0, n) : text;
}

/** The reply text kept for an open message: bounded, so 100 000 open messages stay a few tens of MB. */
const LAST_TEXT_CHARS = 400;

function keepText(text: string): string {
  return own(cut(text, LAST_TEXT_CHARS));
}

/** The domain of an address (`user@example.com` → `example.com`), lower case; null without `@`. */
function domainOf(addr: string): string | null {
  const at = addr.lastIndexOf('@');
  return at < 0 || at === addr.length - 1 ? null : addr.slice(at + 1).toLowerCase();
}

/** The text between `open` (the first at or after `from`) and the next `close`, or null. */
function between(line: string, open: string, close: string, from = 0): string | null {
  const a = line.indexOf(open, from);
  if (a < 0) return null;
  const s = a + open.length;
  const b = line.indexOf(close, s);
  return b < 0 ? null : line.slice(s, b);
}

/** `host[ip]` / `host [ip]`: the IP in the first brackets after `from`. */
function bracketIp(line: string, from: number): string | null {
  const a = line.indexOf('[', from);
  if (a < 0) return null;
  const b = line.indexOf(']', a + 1);
  if (b < 0 || b - a > 47 || b === a + 1) return null;
  const v = line.slice(a + 1, b);
  // `[192.0.2.1]`, `[2001:db8::1]`, `[IPv6:2001:db8::1]`
  const c = v.charCodeAt(0);
  return (c >= 48 && c <= 57) || v.startsWith('IPv6:') || v.includes(':') ? v : null;
}

/** The sticky state and counters of one scan. */
class Scanner implements LogScanner {
  private readonly maxLine: number;
  private readonly samplesPerGroup: number;
  private readonly topN: number;
  private readonly since: number;
  private readonly until: number;
  private year: number;
  private lastMonth = -1;

  private carry = '';
  /** Inside a line already known to be too long: its characters are dropped until the newline. */
  private dropping = false;
  private lineNo = 0;
  private chars = 0;
  private family: Family = 'syslog';

  /** Lines per format, indexed like {@link ALL_FORMATS}. */
  private readonly formatCounts = new Int32Array(ALL_FORMATS.length);
  private otherLines = 0;
  private unread = 0;
  private readonly unreadSamples: SampleLine[] = [];
  private skippedLong = 0;
  private outOfRange = 0;
  private firstMs = Infinity;
  private lastMs = -Infinity;
  private readonly outcomeCounts = new Int32Array(5);
  private readonly timeline = new Timeline();
  private readonly hosts = new TopCounter();
  private readonly domains = new TopCounter();
  private readonly ips = new TopCounter();

  private readonly queue = new Map<string, QueueState>();
  private messages = 0;
  private queueEvicted = 0;

  private readonly cache = new Map<string, CacheHit>();
  private readonly groups = new Map<string, GroupState>();
  private readonly signatureRes = new Map<string, RegExp | null>();
  private unclassified = 0;
  private readonly unclassifiedSamples: SampleLine[] = [];
  private classifications = 0;

  /** Syslog stamp cache: consecutive lines share their second. */
  private stampKey = '';
  private stampMs = 0;
  private stampNext = 0;

  private eximStampKey = '';
  private eximStampMs = 0;

  /** Exchange message-tracking: column indexes from the last `#Fields:` header. */
  private exFields: Map<string, number> | null = null;
  /** An Exchange log header (`#Software: Microsoft Exchange…`) was seen: its other `#` lines are headers too. */
  private exHeader = false;
  private exFormat: 'exchange-tracking' | 'exchange-protocol' = 'exchange-tracking';

  constructor(private readonly kb: ClassifiableKb, private readonly options: ScanOptions) {
    this.maxLine = options.maxLineLength ?? 65536;
    this.samplesPerGroup = options.samplesPerGroup ?? 3;
    this.topN = options.topN ?? 10;
    this.since = options.since ?? -Infinity;
    this.until = options.until ?? Infinity;
    this.year = options.year ?? new Date().getUTCFullYear();
  }

  // ---- input ---------------------------------------------------------------------------------

  push(chunk: string): void {
    this.chars += chunk.length;
    let pos = 0;
    let nl = chunk.indexOf('\n');
    while (nl >= 0) {
      if (this.dropping) {
        this.dropping = false;
        this.lineNo++;
        this.skippedLong++;
      } else if (this.carry.length > 0) {
        const line = this.carry + chunk.slice(0, nl);
        this.carry = '';
        this.line(line);
      } else {
        this.line(chunk.slice(pos, nl));
      }
      pos = nl + 1;
      nl = chunk.indexOf('\n', pos);
    }
    if (pos < chunk.length && !this.dropping) {
      this.carry = this.carry.length > 0 ? this.carry + chunk.slice(pos) : chunk.slice(pos);
      // One more than the limit may be a `\r` that is not part of the line.
      if (this.carry.length > this.maxLine + 1) {
        this.carry = '';
        this.dropping = true;
      }
    }
  }

  progress(): ScanProgress {
    return { lines: this.lineNo, chars: this.chars };
  }

  private line(raw: string): void {
    this.lineNo++;
    const line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (line.length > this.maxLine) {
      this.skippedLong++;
      return;
    }
    if (line.length === 0) return;
    // journalctl's own markers: `-- Boot 1f0e… --`, `-- Logs begin at … --`, `-- No entries --`.
    if (line.startsWith('-- ') && line.endsWith(' --')) {
      this.otherLines++;
      return;
    }
    if (this.tryFamily(this.family, line)) return;
    for (const f of FAMILIES) {
      if (f !== this.family && this.tryFamily(f, line)) {
        this.family = f;
        return;
      }
    }
    // Exim's rejectlog follows each reject with the envelope and a header dump (`P Received: …`,
    // continuation lines indented): part of the log, nothing to count.
    if (this.family === 'exim' && REJECTLOG_DUMP_RE.test(line)) {
      this.otherLines++;
      return;
    }
    this.unread++;
    this.formatCounts[F_UNKNOWN]! += 1;
    if (this.unreadSamples.length < UNREAD_SAMPLES) this.unreadSamples.push(this.sample(line));
  }

  private tryFamily(f: Family, line: string): boolean {
    if (f === 'syslog') return this.syslog(line);
    if (f === 'exim') return this.exim(line);
    return this.exchange(line);
  }

  private sample(line: string): SampleLine {
    return { line: this.lineNo, text: own(cut(redact(cut(line, SAMPLE_CHARS + 200)).text, SAMPLE_CHARS)) };
  }

  /** Records the time of a line; false when it is outside --since/--until (the line is then ignored). */
  private inRange(ms: number): boolean {
    if (ms < this.since || ms > this.until) {
      this.outOfRange++;
      return false;
    }
    if (ms < this.firstMs) this.firstMs = ms;
    if (ms > this.lastMs) this.lastMs = ms;
    return true;
  }

  // ---- syslog: Postfix, Sendmail, Exim via syslog ----------------------------------------------

  private syslog(line: string): boolean {
    let ms: number;
    let p: number;
    if (this.stampKey.length > 0 && line.startsWith(this.stampKey) && line.charCodeAt(this.stampKey.length) === 32) {
      ms = this.stampMs;
      p = this.stampNext;
    } else {
      const c0 = line.charCodeAt(0);
      if (c0 >= 48 && c0 <= 57) {
        const st = readIso(line, 84 /* T */, 32);
        if (st === undefined) return false;
        ms = st.ms;
        p = st.next;
      } else {
        const month = syslogMonth(line);
        if (month < 0) return false;
        // A log crossing New Year: December then January.
        if (this.lastMonth >= 0 && month < this.lastMonth && this.lastMonth - month >= 6) this.year++;
        this.lastMonth = month;
        const st = readSyslog(line, month, this.year);
        if (st === undefined) return false;
        ms = st.ms;
        p = st.next;
        this.stampKey = own(line.slice(0, p - 1));
        this.stampMs = ms;
        this.stampNext = p;
      }
    }
    // host, then `program[pid]: ` or `program: `
    const hostEnd = line.indexOf(' ', p);
    if (hostEnd < 0) return false;
    const tagStart = hostEnd + 1;
    const colon = line.indexOf(': ', tagStart);
    if (colon < 0) {
      return false;
    }
    const sp = line.indexOf(' ', tagStart);
    if (sp >= 0 && sp < colon) {
      // Not a `tag:` but words: not a syslog program line.
      return false;
    }
    const body = colon + 2;
    let format = -1;
    if (line.startsWith('postfix', tagStart)) format = F_POSTFIX;
    else if (line.startsWith('sendmail', tagStart) || line.startsWith('sm-mta', tagStart)) format = F_SENDMAIL;
    else if (line.startsWith('exim', tagStart)) format = F_EXIM;
    if (format < 0) {
      this.otherLines++;
      return true;
    }
    this.formatCounts[format]! += 1;
    if (!this.inRange(ms)) return true;
    if (format === F_POSTFIX) {
      const bracket = line.indexOf('[', tagStart);
      const tagEnd = bracket >= 0 && bracket < colon ? bracket : colon;
      const slash = line.lastIndexOf('/', tagEnd);
      // The service name (`smtpd`, `postscreen`, …) is cut only for problem lines.
      this.serviceStart = slash > tagStart ? slash + 1 : tagEnd;
      this.serviceEnd = tagEnd;
      this.postfix(line, body, ms);
    } else if (format === F_SENDMAIL) {
      this.sendmail(line, body, ms);
    } else {
      this.eximBody(line, body, ms);
    }
    return true;
  }

  private serviceStart = 0;
  private serviceEnd = 0;

  private service(line: string): string {
    return line.slice(this.serviceStart, this.serviceEnd);
  }

  /** A Postfix queue ID (`2141F87ABB`, long form `4XyZ1b2c3dzHq`, or `NOQUEUE`) followed by `: `; the index after it, or -1. */
  private static queueIdEnd(line: string, from: number): number {
    let i = from;
    const max = Math.min(line.length, from + 20);
    let hexUpper = true;
    let digits = false;
    while (i < max) {
      const c = line.charCodeAt(i);
      if (!isAlnum(c)) break;
      if (c <= 57) digits = true;
      else if (c > 70) hexUpper = false;
      i++;
    }
    const n = i - from;
    if (n < 5 || line.charCodeAt(i) !== 58 || line.charCodeAt(i + 1) !== 32) return -1;
    // Short IDs are upper-case hex; long ones (enable_long_queue_ids) mix cases and digits. Words
    // such as `warning`, `fatal` or `statistics` are neither.
    return hexUpper || (n >= 12 && digits) || line.startsWith('NOQUEUE', from) ? i : -1;
  }

  private postfix(line: string, m: number, ms: number): void {
    const qEnd = Scanner.queueIdEnd(line, m);
    let qid: string | null = null;
    let b = m;
    if (qEnd >= 0) {
      qid = line.slice(m, qEnd);
      if (qid === 'NOQUEUE') qid = null;
      b = qEnd + 2;
    }
    if (qid !== null) {
      if (line.startsWith('to=<', b)) {
        this.postfixDelivery(line, qid, b, ms);
        return;
      }
      if (line.startsWith('removed', b) && line.length === b + 7) {
        this.queue.delete(qid);
        return;
      }
      if (line.startsWith('from=<', b)) {
        const from = between(line, 'from=<', '>', b);
        const q = this.message(qid, 'postfix', ms);
        if (from !== null && q.from === null) q.from = own(from);
        if (line.indexOf(', status=expired', b) >= 0) {
          q.outcome = 'expired';
          q.lastText = keepText(line.slice(b));
          this.count('expired', ms);
          this.problem(line, 'expired', `${this.service(line)}|expired`, ms, null, null, null);
        }
        return;
      }
      if (line.startsWith('client=', b)) {
        this.message(qid, 'postfix', ms);
        return;
      }
    }
    if (line.startsWith('reject: ', b) || line.startsWith('milter-reject: ', b)) {
      const semi = line.indexOf('; from=<', b);
      const reply = semi >= 0 ? line.slice(b, semi) : line.slice(b);
      // `RCPT from host[ip]: 554 …`: the client's name varies, the reply after it does not.
      const fromAt = reply.indexOf(' from ');
      const after = fromAt >= 0 ? reply.indexOf(': ', fromAt) : -1;
      const key = after >= 0 ? `${reply.slice(0, fromAt)}:${reply.slice(after + 1)}` : reply;
      const ip = fromAt >= 0 ? bracketIp(line, b + fromAt) : null;
      const to = semi >= 0 ? between(line, ' to=<', '>', semi) : null;
      if (ip !== null) this.ips.add(ip);
      const dom = to !== null ? domainOf(to) : null;
      if (dom !== null) this.domains.add(dom);
      this.count('rejected', ms);
      if (qid !== null) {
        const q = this.queue.get(qid);
        if (q !== undefined) {
          q.outcome = 'rejected';
          q.lastText = keepText(reply);
        }
      }
      this.problem(line, 'rejected', `${this.service(line)}|${key}`, ms, dom, null, ip);
      return;
    }
    if (line.startsWith('connect from ', b)) {
      const ip = bracketIp(line, b);
      if (ip !== null) this.ips.add(ip);
      return;
    }
    if (line.startsWith('warning: ', b)) {
      // `… from unknown[192.0.2.78] for service smtp`, `warning: unknown[192.0.2.90]: SASL LOGIN …`
      const ip = bracketIp(line, b);
      if (ip !== null) this.ips.add(ip);
      this.problem(line, null, `${this.service(line)}|${line.slice(b)}`, ms, null, null, ip);
      return;
    }
    if (qid === null && (line.startsWith('connect to ', b) || line.startsWith('host ', b))) {
      // A non-final MX that failed: logged without queue ID while the next MX is tried.
      this.problem(line, null, `${this.service(line)}|${line.slice(b)}`, ms, null, null, null);
    }
  }

  private postfixDelivery(line: string, qid: string, b: number, ms: number): void {
    const rEnd = line.indexOf('>', b + 4);
    const rcpt = rEnd >= 0 ? line.slice(b + 4, rEnd) : null;
    const st = line.indexOf(', status=', b);
    if (st < 0) return;
    const s = st + 9;
    let outcome: Outcome;
    if (line.startsWith('sent', s)) outcome = 'delivered';
    else if (line.startsWith('deferred', s)) outcome = 'deferred';
    else if (line.startsWith('bounced', s)) outcome = 'bounced';
    else if (line.startsWith('expired', s)) outcome = 'expired';
    else return; // deliverable / undeliverable (address probes), softbounce …
    let host: string | null = null;
    const rel = line.indexOf(', relay=', b);
    if (rel >= 0 && rel < st) {
      const v = rel + 8;
      const br = line.indexOf('[', v);
      const comma = line.indexOf(',', v);
      if (br >= 0 && (comma < 0 || br < comma)) host = line.slice(v, br).toLowerCase();
    }
    const dom = rcpt !== null ? domainOf(rcpt) : null;
    if (dom !== null) this.domains.add(dom);
    if (host !== null) this.hosts.add(host);
    const open = line.indexOf(' (', s);
    const text = open >= 0 ? line.slice(open + 2, line.charCodeAt(line.length - 1) === 41 ? line.length - 1 : line.length) : null;
    const q = this.message(qid, 'postfix', ms);
    q.attempts++;
    q.outcome = outcome;
    if (text !== null && outcome !== 'delivered') q.lastText = keepText(text);
    if (rcpt !== null && q.recipients.length < MAX_RECIPIENTS_KEPT && !q.recipients.includes(rcpt)) q.recipients.push(own(rcpt));
    this.count(outcome, ms);
    if (outcome === 'delivered') return;
    const dsnAt = line.indexOf(', dsn=', b);
    const dsn = dsnAt >= 0 && dsnAt < st ? line.slice(dsnAt + 6, st) : '';
    this.problem(line, outcome, `smtp|${dsn}|${outcome}|${text ?? ''}`, ms, dom, host, null);
  }

  private sendmail(line: string, m: number, ms: number): void {
    const qEnd = Scanner.queueIdEnd(line, m);
    const qid = qEnd >= 0 ? line.slice(m, qEnd) : null;
    const b = qEnd >= 0 ? qEnd + 2 : m;
    const stat = line.indexOf(', stat=', b);
    if (qid !== null && line.startsWith('to=', b) && stat >= 0) {
      const toEnd = line.indexOf(', ', b + 3);
      const to = line.slice(b + 3, toEnd >= 0 ? toEnd : line.length).replace(/^<|>$/g, '');
      const s = stat + 7;
      const text = line.slice(s);
      let outcome: Outcome;
      if (line.startsWith('Sent', s)) outcome = 'delivered';
      else if (line.startsWith('Deferred', s) || line.startsWith('queued', s)) outcome = 'deferred';
      else outcome = 'bounced';
      let host: string | null = null;
      const rel = line.indexOf(', relay=', b);
      if (rel >= 0 && rel < stat) {
        const v = rel + 8;
        const end = line.indexOf(' ', v);
        const comma = line.indexOf(',', v);
        const e = end >= 0 && (comma < 0 || end < comma) ? end : comma;
        host = line.slice(v, e >= 0 ? e : stat).replace(/\.$/, '').toLowerCase();
        if (host.startsWith('[') || host === '') host = null;
      }
      const dom = domainOf(to);
      if (dom !== null) this.domains.add(dom);
      if (host !== null) this.hosts.add(host);
      const q = this.message(qid, 'sendmail', ms);
      q.attempts++;
      q.outcome = outcome;
      q.lastText = keepText(text);
      if (to !== '' && q.recipients.length < MAX_RECIPIENTS_KEPT && !q.recipients.includes(to)) q.recipients.push(own(to));
      this.count(outcome, ms);
      // Sendmail logs no `removed`: a message delivered or returned is done.
      if (outcome !== 'deferred') this.queue.delete(qid);
      if (outcome === 'delivered') return;
      const dsn = between(line, ', dsn=', ',', b) ?? '';
      this.problem(line, outcome, `sendmail|${dsn}|${text}`, ms, dom, host, null);
      return;
    }
    if (qid !== null && line.startsWith('from=', b)) {
      const fEnd = line.indexOf(', ', b + 5);
      const q = this.message(qid, 'sendmail', ms);
      if (q.from === null) q.from = own(line.slice(b + 5, fEnd >= 0 ? fEnd : line.length).replace(/^<|>$/g, ''));
      const rel = line.indexOf(', relay=', b);
      const ip = rel >= 0 ? bracketIp(line, rel) : null;
      if (ip !== null) this.ips.add(ip);
      return;
    }
    const rej = line.indexOf(', reject=', b);
    if (line.startsWith('ruleset=', b) && rej >= 0) {
      const rel = line.indexOf(', relay=', b);
      const ip = rel >= 0 ? bracketIp(line, rel) : null;
      if (ip !== null) this.ips.add(ip);
      const arg = between(line, 'arg1=', ',', b);
      const dom = arg !== null ? domainOf(arg.replace(/^<|>$/g, '')) : null;
      this.count('rejected', ms);
      this.problem(line, 'rejected', `sendmail|${line.slice(rej + 9)}`, ms, dom, null, ip);
    }
  }

  // ---- Exim mainlog / rejectlog ------------------------------------------------------------------

  private exim(line: string): boolean {
    const c0 = line.charCodeAt(0);
    if (!(c0 >= 48 && c0 <= 57)) return false;
    let ms: number;
    let p: number;
    // Consecutive lines share their second: reuse the last stamp (`2026-11-25 10:41:07 `, no zone).
    if (line.charCodeAt(19) === 32 && this.eximStampKey.length === 19 && line.startsWith(this.eximStampKey)) {
      ms = this.eximStampMs;
      p = 20;
    } else {
      const st = readIso(line, 32, 32);
      if (st === undefined) return false;
      ms = st.ms;
      p = st.next;
      if (p === 20) {
        this.eximStampKey = own(line.slice(0, 19));
        this.eximStampMs = ms;
      }
    }
    this.formatCounts[F_EXIM]! += 1;
    if (!this.inRange(ms)) return true;
    if (line.charCodeAt(p) === 91 /* [ */) {
      const close = line.indexOf('] ', p);
      if (close > 0 && close - p < 12) p = close + 2;
    }
    this.eximBody(line, p, ms);
    return true;
  }

  /** Length of an Exim message ID at p (`1tGs0b-000Rst-9S`, 4.97+ `1rJkbA-00000000Qtq-1Ttp`), or 0. */
  private static eximIdLength(line: string, p: number): number {
    if (line.charCodeAt(p + 6) !== 45) return 0;
    let len = 0;
    if (line.charCodeAt(p + 13) === 45 && line.charCodeAt(p + 16) === 32) len = 16;
    else if (line.charCodeAt(p + 18) === 45 && line.charCodeAt(p + 23) === 32) len = 23;
    else return 0;
    for (let i = p; i < p + len; i++) {
      const c = line.charCodeAt(i);
      if (c !== 45 && !isAlnum(c)) return 0;
    }
    return len;
  }

  private eximBody(line: string, p: number, ms: number): void {
    const idLen = Scanner.eximIdLength(line, p);
    if (idLen > 0) {
      const id = line.slice(p, p + idLen);
      const f = p + idLen + 1;
      const flag = line.charCodeAt(f + 2) === 32 ? line.slice(f, f + 2) : '';
      switch (flag) {
        case '<=': {
          const sp = line.indexOf(' ', f + 3);
          const from = line.slice(f + 3, sp >= 0 ? sp : line.length);
          const q = this.message(id, 'exim', ms);
          if (q.from === null) q.from = from === '<>' ? '' : own(from);
          const h = line.indexOf(' H=', f);
          if (h >= 0) {
            const ip = bracketIp(line, h);
            if (ip !== null) this.ips.add(ip);
          }
          return;
        }
        case '=>':
        case '->':
        case '==':
        case '**': {
          const a = f + 3;
          const sp = line.indexOf(' ', a);
          const rcpt = line.slice(a, sp >= 0 ? sp : line.length);
          const outcome: Outcome = flag === '==' ? 'deferred' : flag === '**' ? 'bounced' : 'delivered';
          let host: string | null = null;
          const h = line.indexOf(' H=', a);
          if (h >= 0) {
            const e = line.indexOf(' ', h + 3);
            const name = line.slice(h + 3, e >= 0 ? e : line.length);
            if (name.charCodeAt(0) !== 91) host = name.toLowerCase();
          }
          const dom = domainOf(rcpt);
          if (dom !== null) this.domains.add(dom);
          if (host !== null) this.hosts.add(host);
          const q = this.message(id, 'exim', ms);
          q.attempts++;
          q.outcome = outcome;
          if (q.recipients.length < MAX_RECIPIENTS_KEPT && !q.recipients.includes(rcpt)) q.recipients.push(own(rcpt));
          this.count(outcome, ms);
          if (outcome === 'delivered') return;
          // The reason: after `H=host [ip]: ` when the remote host said it, else after the address.
          const colon = h >= 0 ? line.indexOf(': ', h) : -1;
          const text = colon >= 0 ? line.slice(colon + 2) : sp >= 0 ? line.slice(sp + 1) : '';
          q.lastText = keepText(text);
          this.problem(line, outcome, `exim|${outcome}|${sp >= 0 ? line.slice(sp + 1) : ''}`, ms, dom, host, null);
          return;
        }
        default:
          if (line.startsWith('Completed', f) && line.length <= f + 10) {
            this.queue.delete(id);
            return;
          }
          if (line.startsWith('H=', f) && line.indexOf(' rejected ', f) >= 0) this.eximReject(line, f, ms);
          return;
      }
    }
    if (line.indexOf(' rejected ', p) >= 0 || (line.startsWith('Connection from ', p) && line.indexOf(' refused', p) >= 0)) {
      this.eximReject(line, p, ms);
      return;
    }
    if (line.indexOf('error', p) >= 0 || line.indexOf('timeout', p) >= 0 || line.indexOf('failed', p) >= 0 || line.indexOf('refused', p) >= 0) {
      const ip = bracketIp(line, p);
      this.problem(line, null, `exim|${line.slice(p)}`, ms, null, null, ip);
    }
  }

  private eximReject(line: string, p: number, ms: number): void {
    const ip = bracketIp(line, p);
    if (ip !== null) this.ips.add(ip);
    // Key: the text from `rejected` / `refused` on; the client's names before it vary.
    let k = line.indexOf(' rejected ', p);
    if (k < 0) k = line.indexOf(' refused', p);
    const rcpt = between(line, 'rejected RCPT ', ':', p);
    const dom = rcpt !== null ? domainOf(rcpt.replace(/^<|>$/g, '')) : null;
    this.count('rejected', ms);
    this.problem(line, 'rejected', `exim|${line.slice(k >= 0 ? k : p)}`, ms, dom, null, ip);
  }

  // ---- Exchange message tracking (CSV) ---------------------------------------------------------

  private exchange(line: string): boolean {
    if (line.startsWith('#')) {
      if (line.startsWith('#Fields: ')) {
        const names = line.slice(9).split(',');
        this.exFields = new Map(names.map((n, i) => [n.trim().toLowerCase(), i] as const));
        // Message tracking has `event-id`; the SMTP protocol logs have `event` and `data`.
        this.exFormat = this.exFields.has('event-id') || !this.exFields.has('data') ? 'exchange-tracking' : 'exchange-protocol';
        this.exHeader = true;
        this.formatCounts[ALL_FORMATS.indexOf(this.exFormat)]! += 1;
        return true;
      }
      if (this.exFields !== null || this.exHeader || line.startsWith('#Software: Microsoft Exchange') || line.startsWith('#Log-type: ')) {
        if (line.startsWith('#Log-type: ')) this.exFormat = line.includes('Protocol') ? 'exchange-protocol' : 'exchange-tracking';
        this.exHeader = true;
        this.formatCounts[ALL_FORMATS.indexOf(this.exFormat)]! += 1;
        return true;
      }
      return false;
    }
    const fields = this.exFields;
    if (fields === null) return false;
    const st = readIso(line, 84, 44);
    if (st === undefined) return false;
    this.formatCounts[ALL_FORMATS.indexOf(this.exFormat)]! += 1;
    if (!this.inRange(st.ms)) return true;
    const cols = splitCsv(line);
    const col = (name: string): string => {
      const i = fields.get(name);
      return i === undefined ? '' : (cols[i] ?? '');
    };
    if (this.exFormat === 'exchange-protocol') {
      this.exchangeProtocol(line, col('event'), col('data'), col('remote-endpoint'), st.ms);
      return true;
    }
    const event = col('event-id').toUpperCase();
    const id = col('internal-message-id') || col('message-id');
    const rcpts = col('recipient-address').split(';').filter((r) => r !== '');
    const status = col('recipient-status');
    const serverHost = col('server-hostname');
    const clientIp = col('client-ip');
    if (event === 'RECEIVE') {
      if (id !== '') {
        const q = this.message(id, 'exchange-tracking', st.ms);
        const from = col('sender-address');
        if (q.from === null && from !== '') q.from = own(from);
      }
      if (clientIp !== '') this.ips.add(clientIp);
      return true;
    }
    const outcome: Outcome | null = event === 'SEND' || event === 'DELIVER' ? 'delivered' : event === 'DEFER' ? 'deferred' : event === 'FAIL' ? 'bounced' : null;
    if (outcome === null) return true;
    const n = Math.max(1, rcpts.length);
    const dom = rcpts[0] !== undefined ? domainOf(rcpts[0]) : null;
    for (const r of rcpts) {
      const d = domainOf(r);
      if (d !== null) this.domains.add(d);
    }
    if (event === 'SEND' && serverHost !== '') this.hosts.add(serverHost.toLowerCase());
    for (let i = 0; i < n; i++) this.count(outcome, st.ms);
    if (id !== '') {
      const q = this.message(id, 'exchange-tracking', st.ms);
      q.attempts++;
      q.outcome = outcome;
      if (status !== '') q.lastText = keepText(status);
      for (const r of rcpts) if (q.recipients.length < MAX_RECIPIENTS_KEPT && !q.recipients.includes(r)) q.recipients.push(own(r));
      if (outcome !== 'deferred') this.queue.delete(id);
    }
    if (outcome !== 'delivered') this.problem(status !== '' ? status : line, outcome, `exchange|${event}|${status || col('source-context')}`, st.ms, dom, null, null, line);
    return true;
  }

  /**
   * One row of an Exchange SMTP protocol log. Only error replies matter: `<` is what the remote
   * side said (Send log: our delivery deferred or bounced), `>` what Exchange answered (Receive log:
   * the client rejected).
   */
  private exchangeProtocol(line: string, event: string, data: string, remote: string, ms: number): void {
    const c = data.charCodeAt(0);
    if ((c !== 52 && c !== 53) || !/^[45]\d\d[ -]/.test(data)) return;
    const colon = remote.lastIndexOf(':');
    const ip = colon > 0 ? remote.slice(0, colon).replace(/^\[|\]$/g, '') : remote;
    if (event === '<') {
      const outcome: Outcome = c === 52 ? 'deferred' : 'bounced';
      if (ip !== '') this.hosts.add(ip);
      this.count(outcome, ms);
      this.problem(data, outcome, `exchange-send|${data}`, ms, null, ip === '' ? null : ip, null, line);
    } else if (event === '>') {
      if (ip !== '') this.ips.add(ip);
      this.count('rejected', ms);
      this.problem(data, 'rejected', `exchange-receive|${data}`, ms, null, null, ip === '' ? null : ip, line);
    }
  }

  // ---- counting ------------------------------------------------------------------------------

  private count(outcome: Outcome, ms: number): void {
    this.outcomeCounts[OUTCOME_INDEX[outcome]]! += 1;
    this.timeline.add(ms, outcome);
  }

  private message(id: string, format: LogFormat, ms: number): QueueState {
    let q = this.queue.get(id);
    if (q === undefined) {
      if (this.queue.size >= MAX_QUEUE_STATES) this.evict();
      q = { id: own(id), format, from: null, recipients: [], first: ms, last: ms, attempts: 0, outcome: null, lastText: null };
      this.queue.set(id, q);
      this.messages++;
    } else {
      q.last = ms;
    }
    return q;
  }

  /** Too many open messages (a log without `removed` lines): drop the settled ones, then the oldest. */
  private evict(): void {
    for (const [id, q] of this.queue) if (q.outcome !== null && q.outcome !== 'deferred') this.queue.delete(id);
    const target = (MAX_QUEUE_STATES * 3) >> 2;
    for (const id of this.queue.keys()) {
      if (this.queue.size <= target) break;
      this.queue.delete(id);
      this.queueEvicted++;
    }
  }

  /**
   * A problem line: classify it (once per distinct reply text) and count it in its group.
   * `subject` is what the classifier reads (the whole line, except for CSV rows); `sampleText` is
   * what samples show.
   */
  private problem(subject: string, outcome: Outcome | null, keyText: string, ms: number, dom: string | null, host: string | null, ip: string | null, sampleText = subject): void {
    const key = volatileFree(keyText);
    let hit = this.cache.get(key);
    if (hit === undefined) {
      hit = this.classifyLine(subject);
      if (this.cache.size >= MAX_CACHE) this.cache.clear();
      this.cache.set(own(key), hit);
    }
    const g = hit.group;
    if (g === null) {
      if (outcome !== null) {
        this.unclassified++;
        if (this.unclassifiedSamples.length < this.samplesPerGroup) this.unclassifiedSamples.push(this.sample(sampleText));
      }
      return;
    }
    g.count++;
    if (ms < g.first) g.first = ms;
    if (ms > g.last) g.last = ms;
    if (outcome !== null) g.outcomes[OUTCOME_INDEX[outcome]]! += 1;
    if (dom !== null) g.domains.add(dom);
    if (host !== null) g.hosts.add(host);
    if (ip !== null) g.ips.add(ip);
    if (g.samples.length < this.samplesPerGroup) g.samples.push(this.sample(sampleText));
    let captures: Readonly<Record<string, string>> | undefined = g.finding.captures;
    if (hit.re !== null) {
      hit.re.lastIndex = 0;
      const m = hit.re.exec(subject.length > MAX_MATCH_LENGTH ? subject.slice(0, MAX_MATCH_LENGTH) : subject);
      if (m?.groups) captures = m.groups;
    }
    for (const name in captures) {
      const v = captures[name];
      if (v === undefined) continue;
      let c = g.captures.get(name);
      if (c === undefined) {
        c = new TopCounter(200);
        g.captures.set(name, c);
      }
      c.add(v);
    }
  }

  private classifyLine(subject: string): CacheHit {
    this.classifications++;
    const best = classify(this.kb, own(redact(cut(subject, MAX_MATCH_LENGTH)).text)).findings[0];
    if (best === undefined) return { group: null, re: null };
    const causeKey = best.cause ?? `?${[...best.candidates].sort().join(',')}`;
    const key = `${best.entry}|${causeKey}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      group = {
        key, finding: best, count: 0, first: Infinity, last: -Infinity, outcomes: new Int32Array(5), captures: new Map(),
        hosts: new TopCounter(1000), domains: new TopCounter(1000), ips: new TopCounter(1000), samples: [],
      };
      this.groups.set(key, group);
    }
    return { group, re: Object.keys(best.captures).length > 0 && best.signature !== undefined ? this.signatureRe(best.signature) : null };
  }

  private signatureRe(id: string): RegExp | null {
    const known = this.signatureRes.get(id);
    if (known !== undefined) return known;
    let re: RegExp | null = null;
    for (const e of this.kb.entries) {
      const sig = e.signatures.find((s) => s.id === id);
      if (sig === undefined) continue;
      try {
        re = new RegExp(sig.pattern, [...(sig.flags ?? '')].filter((f) => f !== 'g' && f !== 'y').join(''));
      } catch (err) {
        // The classifier already skips an invalid pattern; captures then come from the first line.
        if (!(err instanceof SyntaxError)) throw err;
        re = null;
      }
      break;
    }
    this.signatureRes.set(id, re);
    return re;
  }

  // ---- the summary ---------------------------------------------------------------------------

  end(): ScanSummary {
    if (this.dropping) {
      this.dropping = false;
      this.lineNo++;
      this.skippedLong++;
    } else if (this.carry.length > 0) {
      const last = this.carry;
      this.carry = '';
      this.line(last);
    }
    const outcomes = { delivered: 0, deferred: 0, bounced: 0, rejected: 0, expired: 0 };
    for (const o of OUTCOMES) outcomes[o] = this.outcomeCounts[OUTCOME_INDEX[o]] ?? 0;
    const formats: Partial<Record<LogFormat, number>> = {};
    let format: LogFormat = 'unknown';
    let most = 0;
    for (const [i, f] of ALL_FORMATS.entries()) {
      const n = this.formatCounts[i] ?? 0;
      if (n > 0) formats[f] = n;
      if (f !== 'unknown' && n > most) {
        most = n;
        format = f;
      }
    }
    const groups = [...this.groups.values()]
      .filter((g) => g.count > 0)
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((g) => this.groupSummary(g));
    const deferred: QueueState[] = [];
    for (const q of this.queue.values()) if (q.outcome === 'deferred') deferred.push(q);
    deferred.sort((a, b) => a.first - b.first || (a.id < b.id ? -1 : 1));
    return {
      format,
      formats,
      lines: this.lineNo,
      chars: this.chars,
      unreadLines: this.unread,
      unreadSamples: this.unreadSamples,
      skippedLongLines: this.skippedLong,
      outOfRange: this.outOfRange,
      firstTime: iso(this.firstMs),
      lastTime: iso(this.lastMs),
      outcomes,
      timeline: this.timeline.finish(),
      groups,
      topRemoteHosts: this.hosts.top(this.topN),
      topRecipientDomains: this.domains.top(this.topN),
      topClientIps: this.ips.top(this.topN),
      queue: {
        messages: this.messages,
        stillDeferred: deferred.slice(0, STILL_DEFERRED_SHOWN).map((q) => this.queued(q)),
        stillDeferredCount: deferred.length,
        evicted: this.queueEvicted,
      },
      otherLines: this.otherLines,
      unclassified: { count: this.unclassified, samples: this.unclassifiedSamples },
      classifications: this.classifications,
    };
  }

  private groupSummary(g: GroupState): ProblemGroup {
    const f = g.finding;
    let outcome: Outcome | null = null;
    let most = 0;
    for (const o of OUTCOMES) {
      const n = g.outcomes[OUTCOME_INDEX[o]] ?? 0;
      if (n > most) {
        most = n;
        outcome = o;
      }
    }
    const captures: Record<string, string> = {};
    for (const [name, c] of [...g.captures].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const v = c.best();
      if (v !== undefined) captures[name] = v;
    }
    const reason: Reason = f.reason;
    return {
      entry: f.entry,
      cause: f.cause ?? null,
      candidates: f.candidates,
      reason,
      code: f.code ?? null,
      enhanced: f.enhanced ?? null,
      source: f.source ?? null,
      outcome,
      count: g.count,
      firstSeen: iso(g.first),
      lastSeen: iso(g.last),
      facts: f.facts,
      captures,
      topRemoteHosts: g.hosts.top(this.topN),
      topRecipientDomains: g.domains.top(this.topN),
      topClientIps: g.ips.top(this.topN),
      samples: g.samples,
      signature: f.signature ?? null,
    };
  }

  private queued(q: QueueState): QueuedMessage {
    const lifetime = this.options.queueLifetimeSeconds ?? DEFAULT_LIFETIME[q.format];
    return {
      queueId: q.id,
      from: q.from,
      recipients: q.recipients,
      firstSeen: iso(q.first),
      lastSeen: iso(q.last),
      attempts: q.attempts,
      outcome: q.outcome ?? 'deferred',
      lastText: q.lastText === null ? null : cut(redact(q.lastText).text, SAMPLE_CHARS),
      bouncesAt: lifetime === undefined || !Number.isFinite(q.first) ? null : iso(q.first + lifetime * 1000),
      format: q.format,
    };
  }
}

/** Splits one CSV row (RFC 4180 quoting, `""` inside quotes). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line.charCodeAt(i) === 34) {
      let v = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) {
          v += line.slice(j);
          j = line.length;
          break;
        }
        v += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 34) {
          v += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      out.push(v);
      const comma = line.indexOf(',', j);
      if (comma < 0) break;
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        out.push(line.slice(i));
        break;
      }
      out.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
  return out;
}

/**
 * A streaming scanner over a mail log (Postfix, Exim mainlog/rejectlog, Sendmail, Exchange message
 * tracking and SMTP protocol logs; the format is detected per line). Pure: no clock except the default year for syslog stamps, which
 * `options.year` replaces.
 */
export function createScanner(kb: ClassifiableKb, options: ScanOptions = {}): LogScanner {
  return new Scanner(kb, options);
}
