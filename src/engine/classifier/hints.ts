/**
 * Context hints: what the text says about who emitted the reply (`emitter`), which side the user is
 * on (`role`) and which software the user runs (`product`), read from host names, log formats,
 * transcript markers and client-library exceptions. Hints are weaker than a signature: a signature's
 * own facts always win over them.
 */
import type { ProductId, Role } from '../products.ts';
import {
  CLIENT_LIBRARY_RE, EMITTER_MARKER_RE, EXCHANGE_MARKER_RE, EXCHANGE_PROTOCOL_ROW_RE, EXIM_MAINLOG_RE,
  EXIM_SENDER_RE, EXIM_SERVER_RE, GREETING_MTA_RE,
} from './patterns.ts';
import type { LogicalLine } from './tokenize.ts';
import { MAX_HINT_EVIDENCE, type HintEvidence, type Hints } from './types.ts';

export type LogMta = 'postfix' | 'exim' | 'sendmail' | 'exchange';

/** Hints read from one logical line. */
export interface LineHints {
  readonly emitter: ProductId | undefined;
  /** 3 = a provider's own marker (`gsmtp`) or the server's own log, 2 = a greeting banner, 1 = a host name. */
  readonly emitterWeight: number;
  readonly emitterMarker: string | undefined;
  readonly role: Role | undefined;
  readonly roleMarker: string | undefined;
  readonly product: ProductId | undefined;
  readonly productMarker: string | undefined;
  readonly log: LogMta | undefined;
}

export const NO_HINTS: LineHints = {
  emitter: undefined, emitterWeight: 0, emitterMarker: undefined,
  role: undefined, roleMarker: undefined,
  product: undefined, productMarker: undefined,
  log: undefined,
};

/** Postfix daemons that serve incoming mail: their lines come from the emitting server's own log. */
const POSTFIX_SERVER_DAEMONS: ReadonlySet<string> = new Set(['smtpd', 'postscreen', 'master', 'anvil', 'dnsblog', 'tlsproxy']);
/** Postfix daemons that deliver outgoing mail: their lines come from the sending server's log. */
const POSTFIX_SENDER_DAEMONS: ReadonlySet<string> = new Set(['smtp', 'lmtp', 'error']);
const EXIM_SENDER_FLAGS: ReadonlySet<string> = new Set(['=>', '->', '*>', '==', '**']);

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The syslog program tag of a line (`postfix/smtpd` in `… mx1 postfix/smtpd[2211]: …`), found by
 * scanning for the first `[pid]: `.
 */
export function programTag(line: string): string | undefined {
  let k = line.indexOf(']: ');
  for (let tries = 0; k > 0 && tries < 3 && k < 400; tries++) {
    let d = k - 1;
    while (d >= 0 && isDigitCode(line.charCodeAt(d))) d--;
    if (d < k - 1 && d >= 1 && line.charCodeAt(d) === 91) {
      let s = d - 1;
      while (s >= 0 && line.charCodeAt(s) !== 32 && line.charCodeAt(s) !== 9) s--;
      if (s + 1 < d) return line.slice(s + 1, d);
    }
    k = line.indexOf(']: ', k + 1);
  }
  return undefined;
}

function emitterOfMarker(marker: string): ProductId | undefined {
  const m = marker.toLowerCase();
  if (m === 'gsmtp' || m.startsWith('google')) return 'gmail';
  if (m.startsWith('yahoo') || m === 'aol.com') return 'yahoo';
  if (m === 'outlook.com' || m === 'office365') return 'microsoft365';
  if (m === 'amazonses.com' || m.startsWith('email-smtp.')) return 'ses';
  return undefined;
}

function libraryOf(groups: Record<string, string | undefined>): ProductId | undefined {
  if (groups.nodemailer !== undefined) return 'nodemailer';
  if (groups.python !== undefined) return 'python-smtplib';
  if (groups.phpmailer !== undefined) return 'phpmailer';
  if (groups.jakarta !== undefined) return 'jakarta-mail';
  return undefined;
}

interface Builder {
  emitter: ProductId | undefined;
  emitterWeight: number;
  emitterMarker: string | undefined;
  role: Role | undefined;
  roleMarker: string | undefined;
  product: ProductId | undefined;
  productMarker: string | undefined;
  log: LogMta | undefined;
}

/**
 * Keeps the heaviest emitter marker of a line. Exchange Online greets with the same banner as
 * Exchange Server, so an outlook.com / office365 host on the line makes it Microsoft 365.
 */
function offerEmitter(b: Builder, emitter: ProductId, weight: number, marker: string): void {
  if (b.emitter === 'microsoft365' && emitter === 'exchange') return;
  const m365OverExchange = b.emitter === 'exchange' && emitter === 'microsoft365';
  if (weight > b.emitterWeight || m365OverExchange) {
    b.emitter = emitter;
    b.emitterWeight = Math.max(weight, b.emitterWeight);
    b.emitterMarker = marker;
  }
}

/** Reads the log format, role and MTA of a line written by an MTA. */
function readLogFormat(b: Builder, text: string): void {
  const tag = programTag(text);
  if (tag !== undefined) {
    if (tag.startsWith('postfix')) {
      b.log = 'postfix';
      const slash = tag.lastIndexOf('/');
      const daemon = slash >= 0 ? tag.slice(slash + 1) : '';
      if (POSTFIX_SERVER_DAEMONS.has(daemon)) { b.role = 'emitting-server'; b.roleMarker = tag; }
      else if (POSTFIX_SENDER_DAEMONS.has(daemon)) { b.role = 'sending-server'; b.roleMarker = tag; }
    } else if (tag === 'exim' || tag === 'exim4') {
      b.log = 'exim';
    } else if (tag === 'sendmail' || tag === 'sm-mta' || tag === 'sm-msp-queue') {
      b.log = 'sendmail';
      if (text.includes(' stat=')) { b.role = 'sending-server'; b.roleMarker = 'stat='; }
      else { b.role = 'emitting-server'; b.roleMarker = tag; }
    }
    if (b.log !== undefined) { b.product = b.log; b.productMarker = tag; }
  }
  let flag: string | undefined;
  if (b.log === undefined) {
    const m = EXIM_MAINLOG_RE.exec(text);
    if (m && (m.groups?.msgid !== undefined || EXIM_SERVER_RE.test(text) || EXIM_SENDER_RE.test(text))) {
      b.log = 'exim';
      b.product = 'exim';
      b.productMarker = 'exim main log';
      flag = m.groups?.flag;
    }
  }
  if (b.log === 'exim') {
    if (EXIM_SENDER_RE.test(text) || (flag !== undefined && EXIM_SENDER_FLAGS.has(flag))) { b.role = 'sending-server'; b.roleMarker = flag ?? 'exim smtp transport'; }
    else if (flag === '<=' || EXIM_SERVER_RE.test(text)) { b.role = 'emitting-server'; b.roleMarker = flag ?? 'exim smtp_in'; }
    return;
  }
  if (b.log === undefined) {
    const x = EXCHANGE_MARKER_RE.exec(text);
    if (x) {
      b.log = 'exchange';
      b.product = 'exchange';
      b.productMarker = x[0];
      if (x.groups?.dir === 'Send') { b.role = 'sending-server'; b.roleMarker = x[0]; }
      else { b.role = 'emitting-server'; b.roleMarker = x[0]; }
    } else if (EXCHANGE_PROTOCOL_ROW_RE.test(text)) {
      b.log = 'exchange';
      b.product = 'exchange';
      b.productMarker = 'exchange protocol log';
    }
  }
  if (b.log === undefined) {
    // The bounce an Exim sender writes names the remote failure in Exim's words.
    const s = EXIM_SENDER_RE.exec(text);
    if (s && s[0] === 'SMTP error from remote mail server') { b.role = 'sending-server'; b.roleMarker = s[0]; }
  }
}

/** Hints from one logical line. Returns {@link NO_HINTS} (shared, no allocation) when there are none. */
export function hintsForLine(ll: LogicalLine): LineHints {
  const b: Builder = { ...NO_HINTS };
  const text = ll.text;
  if (ll.marker === 'phpmailer') { b.product = 'phpmailer'; b.productMarker = 'SERVER -> CLIENT'; b.role = 'app-sender'; b.roleMarker = b.productMarker; }
  else if (ll.marker === 'python-debug') { b.product = 'python-smtplib'; b.productMarker = 'reply: b\''; b.role = 'app-sender'; b.roleMarker = b.productMarker; }
  if (ll.dir === 'client' || ll.dir === 'meta') return b.product === undefined ? NO_HINTS : b;

  const lib = CLIENT_LIBRARY_RE.exec(text);
  if (lib) {
    const product = libraryOf(lib.groups ?? {});
    if (product !== undefined) { b.product = product; b.productMarker = lib[0]; b.role = 'app-sender'; b.roleMarker = lib[0]; }
  }
  if (b.product === undefined) readLogFormat(b, text);

  if (b.role === 'emitting-server' && b.log !== undefined) {
    // A server's own log: host names on the line are its clients, not the emitter.
    offerEmitter(b, b.log, 3, b.roleMarker ?? b.log);
  } else {
    EMITTER_MARKER_RE.lastIndex = 0;
    for (let m = EMITTER_MARKER_RE.exec(text); m; m = EMITTER_MARKER_RE.exec(text)) {
      const emitter = emitterOfMarker(m[0]);
      if (emitter !== undefined) offerEmitter(b, emitter, m[0].toLowerCase() === 'gsmtp' ? 3 : 1, m[0]);
    }
    if (ll.reply !== undefined || ll.dir === 'server') {
      const g = GREETING_MTA_RE.exec(text);
      if (g) {
        const mta = g.groups?.mta?.toLowerCase();
        const emitter: ProductId | undefined = g.groups?.exchange !== undefined ? 'exchange' : mta === 'postfix' || mta === 'exim' || mta === 'sendmail' ? mta : undefined;
        if (emitter !== undefined) offerEmitter(b, emitter, 2, g[0]);
      }
    }
  }
  return b.emitter === undefined && b.role === undefined && b.product === undefined && b.log === undefined ? NO_HINTS : b;
}

/** Accumulates line hints into the hints of the whole text. */
export class HintCollector {
  private readonly weights = new Map<ProductId, number>();
  private readonly roles = new Set<Role>();
  private readonly products = new Set<ProductId>();
  private readonly logs = new Set<LogMta>();
  private readonly evidence: HintEvidence[] = [];
  private readonly seen = new Set<string>();

  private note(fact: HintEvidence['fact'], value: string, line: number, marker: string | undefined): void {
    if (this.evidence.length >= MAX_HINT_EVIDENCE) return;
    const key = `${fact}\u0000${value}\u0000${marker ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.evidence.push({ fact, value, line, marker: marker ?? value });
  }

  add(h: LineHints, line: number): void {
    if (h === NO_HINTS) return;
    if (h.emitter !== undefined) {
      this.weights.set(h.emitter, (this.weights.get(h.emitter) ?? 0) + h.emitterWeight);
      this.note('emitter', h.emitter, line, h.emitterMarker);
    }
    if (h.role !== undefined) { this.roles.add(h.role); this.note('role', h.role, line, h.roleMarker); }
    if (h.product !== undefined) { this.products.add(h.product); this.note('product', h.product, line, h.productMarker); }
    if (h.log !== undefined) { this.logs.add(h.log); this.note('log', h.log, line, h.productMarker); }
  }

  /** The text's hints: the heaviest emitter (none on a tie), and role / product / log only when every line agrees. */
  finish(): Hints {
    let emitter: ProductId | undefined;
    let best = 0;
    let tie = false;
    for (const [e, w] of this.weights) {
      if (w > best) { emitter = e; best = w; tie = false; }
      else if (w === best) tie = true;
    }
    const only = <T>(set: ReadonlySet<T>): T | undefined => (set.size === 1 ? set.values().next().value : undefined);
    return {
      emitter: tie ? undefined : emitter,
      role: only(this.roles),
      product: only(this.products),
      log: only(this.logs),
      evidence: this.evidence,
    };
  }
}

/** The tree facts a set of hints settles. */
export function hintFacts(h: Pick<Hints, 'emitter' | 'role' | 'product'>): Record<string, string> {
  const facts: Record<string, string> = {};
  if (h.emitter !== undefined) facts.emitter = h.emitter;
  if (h.role !== undefined) facts.role = h.role;
  if (h.product !== undefined) facts.product = h.product;
  return facts;
}
