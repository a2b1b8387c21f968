/**
 * Synthetic mail logs for the benchmark (and for anyone who needs a big realistic log).
 *
 * A rewrite in TypeScript of the shared `gen-maillog.py`: same idea (mostly ordinary traffic, a few
 * per cent of the failures a troubleshooter must find, in the shapes Postfix and Exim really log
 * them), same CLI flags, but its own deterministic PRNG, so the output differs from the Python one.
 * For a given (format, lines, seed) the output is byte-for-byte the same on every machine.
 *
 * Everything here is lazy: `mailLogLines` yields one line at a time and `mailLogChunks` batches them
 * into ~64 KB strings, so a caller that writes each chunk before asking for the next never holds more
 * than one chunk in memory, whatever the line count.
 */

export type MailLogFormat = 'postfix' | 'exim';
export const MAIL_LOG_FORMATS: readonly MailLogFormat[] = ['postfix', 'exim'];

/**
 * Small, fast 32-bit PRNG (SFC32), seeded through SplitMix32 so that nearby seeds give unrelated
 * streams. Not for cryptography; only for reproducible test data.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const mix = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Next unsigned 32-bit integer. */
  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** `n` characters drawn from `alphabet`. */
  chars(alphabet: string, n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(this.float() * alphabet.length)];
    return out;
  }
}

const HEX_UPPER = '0123456789ABCDEF';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const MONTH = 'Nov';
const YEAR = 2026;
const OUR_IP = '192.0.2.1';
const OUR_HOST = 'mx1';
const OUR_FQDN = 'mx1.example.com';

interface Remote {
  readonly host: string;
  readonly ip: string;
  /** Domain of the recipients who live behind this MX. */
  readonly domain: string;
}

const REMOTES: readonly Remote[] = [
  { host: 'gmail-smtp-in.l.google.com', ip: '142.250.153.26', domain: 'gmail.com' },
  { host: 'contoso-com.mail.protection.outlook.com', ip: '52.101.68.12', domain: 'contoso.com' },
  { host: 'mta6.am0.yahoodns.net', ip: '67.195.228.94', domain: 'yahoo.com' },
  { host: 'mx.example.org', ip: '203.0.113.25', domain: 'example.org' },
  { host: 'mail.example.net', ip: '198.51.100.40', domain: 'example.net' },
  { host: 'mxbiz1.qq.com', ip: '203.0.113.80', domain: 'qq.com' },
];

interface Failure {
  readonly kind: 'deferred' | 'bounced';
  readonly dsn: string;
  /** The remote reply; `{ip}` is our address, `{rcpt}` the recipient. */
  readonly reply: string;
  readonly after: 'RCPT TO' | 'MAIL FROM' | 'end of DATA' | 'DATA';
}

/** Remote replies, written after the shapes the big providers use (wording is ours). */
const FAILURES: readonly Failure[] = [
  {
    kind: 'deferred', dsn: '4.7.28', after: 'end of DATA',
    reply: '421-4.7.28 [{ip}      15] Our system has detected an unusual rate of 421-4.7.28 unsolicited mail originating from your IP address. To protect our 421-4.7.28 users from spam, mail sent from your IP address has been 421 4.7.28 temporarily rate limited. - gsmtp',
  },
  { kind: 'deferred', dsn: '4.7.0', after: 'MAIL FROM', reply: '421 4.7.0 [TSS04] Messages from {ip} temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes' },
  { kind: 'deferred', dsn: '4.3.2', after: 'RCPT TO', reply: '421 4.3.2 Service not available, closing transmission channel' },
  { kind: 'deferred', dsn: '4.2.0', after: 'RCPT TO', reply: '450 4.2.0 <{rcpt}>: Recipient address rejected: Greylisted, please try again in 300 seconds' },
  { kind: 'deferred', dsn: '4.7.1', after: 'RCPT TO', reply: '451 4.7.1 Service unavailable - try again later' },
  { kind: 'deferred', dsn: '4.7.500', after: 'MAIL FROM', reply: '451 4.7.500 Server busy. Please try again later from [{ip}]. (S77719) [AM4PEPF00027A5F.eurprd04.prod.outlook.com]' },
  { kind: 'deferred', dsn: '4.2.2', after: 'RCPT TO', reply: '452 4.2.2 The recipient\'s inbox is out of storage space. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp - gsmtp' },
  { kind: 'bounced', dsn: '5.1.1', after: 'RCPT TO', reply: '550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown in virtual mailbox table' },
  { kind: 'bounced', dsn: '5.7.26', after: 'end of DATA', reply: '550-5.7.26 Unauthenticated email from example.com is not accepted due to 550-5.7.26 domain\'s DMARC policy. Please contact the administrator of 550 5.7.26 example.com domain if this was a legitimate mail. - gsmtp' },
  { kind: 'bounced', dsn: '5.7.1', after: 'RCPT TO', reply: '554 5.7.1 Service unavailable; Client host [{ip}] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/{ip}' },
  { kind: 'bounced', dsn: '5.7.708', after: 'MAIL FROM', reply: '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. [DB5PEPF00014B8E.eurprd02.prod.outlook.com]' },
  { kind: 'bounced', dsn: '5.4.5', after: 'DATA', reply: '550 5.4.5 Daily user sending limit exceeded. - gsmtp' },
];

interface Client {
  readonly name: string;
  /** Address prefix; a last octet is appended. */
  readonly net: string;
}

const CLIENTS: readonly Client[] = [
  { name: 'unknown', net: '192.0.2.' },
  { name: 'app1.example.com', net: '198.51.100.' },
  { name: 'relay.partner.example', net: '203.0.113.' },
  { name: 'crm.example.com', net: '198.51.100.' },
];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Second `t` of the month → `Nov  3 07:05:09` (syslog) and `2026-11-03 07:05:09` (Exim). */
function clock(t: number): { syslog: string; iso: string } {
  const day = 1 + (Math.floor(t / 86400) % 30);
  const s = t % 86400;
  const hms = `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
  return {
    syslog: `${MONTH} ${day < 10 ? ` ${day}` : day} ${hms}`,
    iso: `${YEAR}-11-${pad2(day)} ${hms}`,
  };
}

function fill(template: string, rcpt: string): string {
  return template.replaceAll('{ip}', OUR_IP).replaceAll('{rcpt}', rcpt);
}

/** One event of Postfix traffic: the lines it logs, in order. */
function postfixEvent(rng: Rng, t: number, out: string[]): void {
  const ts = `${clock(t).syslog} ${OUR_HOST}`;
  const pid = rng.int(1200, 64000);
  const client = rng.pick(CLIENTS);
  const cip = client.net + rng.int(2, 254);
  const peer = `${client.name}[${cip}]`;
  const roll = rng.float();
  if (roll < 0.025) {
    out.push(`${ts} postfix/smtpd[${pid}]: warning: Connection concurrency limit exceeded: ${rng.int(51, 90)} from ${peer} for service smtp`);
    out.push(`${ts} postfix/smtpd[${pid}]: disconnect from ${peer} commands=0/0`);
    return;
  }
  if (roll < 0.035) {
    out.push(`${ts} postfix/anvil[${rng.int(300, 900)}]: statistics: max connection rate ${rng.int(61, 240)}/60s for (smtp:${cip}) at ${clock(t).syslog}`);
    out.push(`${ts} postfix/smtpd[${pid}]: warning: Connection rate limit exceeded: ${rng.int(61, 240)} from ${peer} for service smtp`);
    return;
  }
  if (roll < 0.055) {
    const rcpt = `user${rng.int(1, 999)}@example.net`;
    const helo = client.name === 'unknown' ? `[${cip}]` : client.name;
    out.push(`${ts} postfix/smtpd[${pid}]: connect from ${peer}`);
    out.push(`${ts} postfix/smtpd[${pid}]: NOQUEUE: reject: RCPT from ${peer}: 554 5.7.1 <${rcpt}>: Relay access denied; from=<news@${client.name === 'unknown' ? 'spam.example' : client.name}> to=<${rcpt}> proto=ESMTP helo=<${helo}>`);
    out.push(`${ts} postfix/smtpd[${pid}]: disconnect from ${peer} ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4`);
    return;
  }
  if (roll < 0.06) {
    out.push(`${ts} postfix/smtpd[${pid}]: warning: TLS library problem: error:0A000126:SSL routines::unexpected eof while reading:../ssl/record/rec_layer_s3.c:308:`);
    out.push(`${ts} postfix/smtpd[${pid}]: lost connection after STARTTLS from ${peer}`);
    return;
  }

  // An accepted message, relayed on to a remote MX.
  const qid = rng.chars(HEX_UPPER, 10);
  const remote = rng.pick(REMOTES);
  const rcpt = `user${rng.int(1, 9999)}@${remote.domain}`;
  const smtpPid = pid + rng.int(1, 40);
  out.push(`${ts} postfix/smtpd[${pid}]: connect from ${peer}`);
  out.push(`${ts} postfix/smtpd[${pid}]: ${qid}: client=${peer}${client.name === 'unknown' ? '' : `, sasl_method=PLAIN, sasl_username=app${rng.int(1, 9)}`}`);
  out.push(`${ts} postfix/cleanup[${pid + 1}]: ${qid}: message-id=<${t}.${pid}@${client.name === 'unknown' ? 'client.example' : client.name}>`);
  out.push(`${ts} postfix/qmgr[812]: ${qid}: from=<sender${rng.int(1, 60)}@example.com>, size=${rng.int(900, 120000)}, nrcpt=1 (queue active)`);
  out.push(`${ts} postfix/smtpd[${pid}]: disconnect from ${peer} ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5`);
  const delay = 0.1 + rng.float() * 4;
  const delays = `0.0${rng.int(1, 9)}/0/0.${rng.int(1, 9)}/0.${rng.int(1, 9)}`;
  const failRoll = rng.float();
  if (failRoll < 0.015) {
    out.push(`${ts} postfix/smtp[${smtpPid}]: ${qid}: to=<${rcpt}>, relay=none, delay=${(30 + delay).toFixed(0)}, delays=0.02/0/30/0, dsn=4.4.1, status=deferred (connect to ${remote.host}[${remote.ip}]:25: Connection timed out)`);
    return; // stays in the queue
  }
  if (failRoll < 0.02) {
    out.push(`${ts} postfix/smtp[${smtpPid}]: ${qid}: to=<${rcpt}>, relay=none, delay=${delay.toFixed(1)}, delays=0.02/0/${delay.toFixed(1)}/0, dsn=4.4.3, status=deferred (Host or domain name not found. Name service error for name=${remote.domain} type=MX: Host not found, try again)`);
    return;
  }
  if (failRoll < 0.08) {
    const f = rng.pick(FAILURES);
    const after = f.after === 'end of DATA' ? 'end of DATA command' : `${f.after} command`;
    out.push(`${ts} postfix/smtp[${smtpPid}]: ${qid}: to=<${rcpt}>, relay=${remote.host}[${remote.ip}]:25, delay=${delay.toFixed(1)}, delays=${delays}, dsn=${f.dsn}, status=${f.kind} (host ${remote.host}[${remote.ip}] said: ${fill(f.reply, rcpt)} (in reply to ${after}))`);
    if (f.kind === 'deferred') return;
    const nqid = rng.chars(HEX_UPPER, 10);
    out.push(`${ts} postfix/bounce[${smtpPid + 3}]: ${qid}: sender non-delivery notification: ${nqid}`);
    out.push(`${ts} postfix/qmgr[812]: ${qid}: removed`);
    return;
  }
  out.push(`${ts} postfix/smtp[${smtpPid}]: ${qid}: to=<${rcpt}>, relay=${remote.host}[${remote.ip}]:25, delay=${delay.toFixed(2)}, delays=${delays}, dsn=2.0.0, status=sent (250 2.0.0 OK  ${1_764_000_000 + t} ${rng.chars(BASE62, 12)} - gsmtp)`);
  out.push(`${ts} postfix/qmgr[812]: ${qid}: removed`);
}

/** Exim message id in the classic (4.96) form: 6-6-2 base-62 characters. */
function eximId(rng: Rng): string {
  return `${rng.chars(BASE62, 6)}-${rng.chars(BASE62, 6)}-${rng.chars(BASE62, 2)}`;
}

/** One event of Exim mainlog traffic. */
function eximEvent(rng: Rng, t: number, out: string[]): void {
  const ts = clock(t).iso;
  const client = rng.pick(CLIENTS);
  const cip = client.net + rng.int(2, 254);
  const roll = rng.float();
  if (roll < 0.025) {
    out.push(`${ts} Connection from [${cip}] refused: too many connections from that IP address`);
    return;
  }
  if (roll < 0.035) {
    out.push(`${ts} Connection from [${cip}] refused: too many connections`);
    return;
  }
  if (roll < 0.055) {
    const rcpt = `user${rng.int(1, 999)}@example.net`;
    out.push(`${ts} H=(${client.name === 'unknown' ? 'localhost' : client.name}) [${cip}]:${rng.int(30000, 65000)} F=<news@spam.example> rejected RCPT <${rcpt}>: relay not permitted`);
    return;
  }
  if (roll < 0.06) {
    out.push(`${ts} TLS error on connection from (${client.name}) [${cip}] (SSL_accept): error:0A000418:SSL routines::tlsv1 alert unknown ca`);
    return;
  }

  const id = eximId(rng);
  const remote = rng.pick(REMOTES);
  const rcpt = `user${rng.int(1, 9999)}@${remote.domain}`;
  const helo = client.name === 'unknown' ? `(localhost) ` : '';
  const auth = client.name === 'unknown' ? '' : ` A=plain:app${rng.int(1, 9)}`;
  out.push(`${ts} ${id} <= sender${rng.int(1, 60)}@example.com H=${client.name === 'unknown' ? '' : client.name + ' '}${helo}[${cip}] P=esmtpsa X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no${auth} S=${rng.int(900, 120000)} id=${t}.${rng.int(1000, 99999)}@${client.name === 'unknown' ? 'client.example' : client.name}`);
  const failRoll = rng.float();
  if (failRoll < 0.015) {
    out.push(`${ts} ${id} == ${rcpt} R=dnslookup T=remote_smtp defer (110) H=${remote.host} [${remote.ip}]: Connection timed out`);
    return; // still on the queue
  }
  if (failRoll < 0.08) {
    const f = rng.pick(FAILURES);
    const after = f.after === 'end of DATA' ? 'end of data' : f.after === 'DATA' ? 'DATA' : `${f.after}:<${f.after === 'RCPT TO' ? rcpt : 'sender@example.com'}>`;
    const text = `SMTP error from remote mail server after ${after}: ${fill(f.reply, rcpt)}`;
    if (f.kind === 'deferred') {
      out.push(`${ts} ${id} == ${rcpt} R=dnslookup T=remote_smtp defer (-44) H=${remote.host} [${remote.ip}]: ${text}`);
      return;
    }
    out.push(`${ts} ${id} ** ${rcpt} R=dnslookup T=remote_smtp H=${remote.host} [${remote.ip}]: ${text}`);
    const bounceId = eximId(rng);
    out.push(`${ts} ${bounceId} <= <> R=${id} U=Debian-exim P=local S=${rng.int(2000, 9000)}`);
    out.push(`${ts} ${id} Completed`);
    return;
  }
  out.push(`${ts} ${id} => ${rcpt} R=dnslookup T=remote_smtp H=${remote.host} [${remote.ip}] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C="250 2.0.0 OK ${rng.chars(BASE62, 10)} - gsmtp"`);
  out.push(`${ts} ${id} Completed`);
}

/** Exactly `lines` log lines (no newline) for the given format and seed, one at a time. */
export function* mailLogLines(format: MailLogFormat, lines: number, seed: number): Generator<string, void, undefined> {
  const rng = new Rng(seed);
  const event = format === 'postfix' ? postfixEvent : eximEvent;
  const batch: string[] = [];
  let t = 0;
  let left = lines;
  while (left > 0) {
    t += rng.int(0, 2);
    batch.length = 0;
    event(rng, t, batch);
    for (const line of batch) {
      if (left === 0) break;
      left--;
      yield line;
    }
  }
}

/**
 * The same lines joined into chunks of about `chunkChars` characters, each ending with a newline.
 * Pull one, write it, then pull the next: memory stays at one chunk.
 */
export function* mailLogChunks(format: MailLogFormat, lines: number, seed: number, chunkChars = 64 * 1024): Generator<string, void, undefined> {
  let chunk = '';
  for (const line of mailLogLines(format, lines, seed)) {
    chunk += line + '\n';
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** `OUR_FQDN` is where the generated traffic is relayed from (used by the DSN writer too). */
export const GENERATOR_HOST = { fqdn: OUR_FQDN, ip: OUR_IP } as const;
export const GENERATOR_FAILURES = FAILURES;
export const GENERATOR_REMOTES = REMOTES;
