// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadKbOrThrow } from '@/engine/kb/load-kb.ts';
import { fixtureEntry, fixtureKb, FIXTURE_ENTRY_ID } from '@/testing/fixtures/classifier/fixture-kb.ts';
import { fixtureText, lineOf } from '@/testing/fixtures/classifier/read.ts';
import { classify, MAX_MATCH_LENGTH } from './classify.ts';
import type { Finding } from './types.ts';

const kb = fixtureKb();
const BARE = '421 4.7.0 Service not available, closing transmission channel';

function only(findings: readonly Finding[]): Finding {
  expect(findings).toHaveLength(1);
  const [f] = findings;
  if (!f) throw new Error('no finding');
  return f;
}

function bySignature(findings: readonly Finding[], id: string): Finding {
  const f = findings.find((x) => x.signature === id);
  if (!f) throw new Error(`no finding for ${id}: ${findings.map((x) => x.signature ?? `code:${x.code}`).join(', ')}`);
  return f;
}

describe('single lines', () => {
  it('proves a cause from a unique reply and reads code, enhanced and captures', () => {
    const f = only(classify(kb, '421 4.7.0 [TSS04] Messages from 203.0.113.5 temporarily deferred due to unexpected volume or user complaints').findings);
    expect(f).toMatchObject({
      entry: FIXTURE_ENTRY_ID, cause: 'yahoo-tss04', candidates: ['yahoo-tss04'], reason: 'badreputation',
      code: 421, enhanced: '4.7.0', source: 'yahoo', line: 1, signature: 'yahoo-tss04', count: 1,
      captures: { ip: '203.0.113.5' }, facts: { emitter: 'yahoo' }, emitterCheck: 'unknown',
    });
    expect(f.confidence).toBeGreaterThan(0.9);
  });

  it('reads a Postfix smtpd log line with its captures and facts', () => {
    const f = only(classify(kb, 'Mar  3 10:12:01 mx1 postfix/smtpd[2211]: warning: Connection concurrency limit exceeded: 51 from unknown[203.0.113.5] for service smtp').findings);
    expect(f.cause).toBe('postfix-count');
    expect(f.captures).toEqual({ n: '51', host: 'unknown', ip: '203.0.113.5', service: 'smtp' });
    expect(f.facts).toEqual({ role: 'emitting-server', emitter: 'postfix', product: 'postfix' });
    expect(f.code).toBe(421);
    expect(f.enhanced).toBe('4.7.0');
    expect(f.emitterCheck).toBe('consistent');
  });

  it('takes the enhanced code from the text when the signature does not give one', () => {
    const f = only(classify(kb, '421 4.7.0 Try again later, closing connection. (EHLO) a1si123 - gsmtp').findings);
    expect(f.signature).toBe('gmail-try-again');
    expect(f.enhanced).toBe('4.7.0');
    expect(f.matched).toBe('421 4.7.0 Try again later, closing connection');
  });

  it('finds nothing in text that is not SMTP', () => {
    const r = classify(kb, 'hello world\nthe build took 421 seconds\nwritten 421 bytes');
    expect(r.findings).toEqual([]);
    expect(r.lines).toBe(3);
  });

  it('names the entry that matched when several entries exist', () => {
    const f = only(classify(kb, '451 4.7.500 Server busy. Please try again later from [203.0.113.5]. (AS843)').findings);
    expect(f.entry).toBe('test/other-451');
  });
});

describe('the bare 421 line', () => {
  it('with a generic signature: candidates, no cause, confidence at most 0.3', () => {
    const f = only(classify(kb, BARE).findings);
    expect(f.cause).toBeUndefined();
    expect(f.candidates).toEqual(['generic-shutdown', 'generic-limit']);
    expect(f.confidence).toBeLessThanOrEqual(0.3);
    expect(f.code).toBe(421);
    expect(f.enhanced).toBe('4.7.0');
  });

  it('without any matching signature: candidates from the emitted texts using 421, confidence at most 0.3', () => {
    const raw = fixtureEntry();
    const sigs = raw.signatures;
    if (!Array.isArray(sigs)) throw new Error('fixture signatures');
    const noGeneric = loadKbOrThrow([{ ...raw, signatures: sigs.filter((s: { id?: string }) => s.id !== 'generic-421') }]);
    const f = only(classify(noGeneric, BARE).findings);
    expect(f.signature).toBeUndefined();
    expect(f.cause).toBeUndefined();
    expect(f.candidates).toContain('generic-shutdown');
    expect(f.candidates).toContain('generic-limit');
    // Texts that show 421 without an enhanced code cannot have produced "421 4.7.0 …".
    expect(f.candidates).not.toContain('yahoo-max-messages');
    expect(f.candidates).not.toContain('ses-throttle');
    expect(f.confidence).toBeLessThanOrEqual(0.3);
    expect(f.code).toBe(421);
    expect(f.enhanced).toBe('4.7.0');
  });

  it('a reply code alone is restricted to the hinted emitter', () => {
    const f = only(classify(kb, '421 4.7.0 Try again later, please. a1si123 - gsmtp').findings);
    expect(f.signature).toBeUndefined();
    expect(f.candidates).toEqual(['gmail-try-again']);
    expect(f.cause).toBeUndefined();
    expect(f.source).toBe('gmail');
    expect(f.confidence).toBeLessThanOrEqual(0.2);
  });

  it('without the hint, the same reply code stays open across emitters', () => {
    const f = only(classify(kb, '421 4.7.0 mx.example.net Error: too many errors').findings);
    expect(f.candidates).toEqual(expect.arrayContaining(['postfix-errors', 'gmail-try-again', 'generic-limit']));
    expect(f.candidates).not.toContain('gmail-unsolicited');
    // Open across emitters: well below the single-candidate 0.2 of the hinted case above.
    expect(f.confidence).toBeLessThanOrEqual(0.1);
  });
});

describe('client exceptions', () => {
  it('nodemailer: Invalid greeting, counted once per line it appears on, app-sender', () => {
    const text = fixtureText('nodemailer-error.txt');
    const r = classify(kb, text);
    const f = only(r.findings);
    expect(f).toMatchObject({ cause: 'gmail-try-again', code: 421, enhanced: '4.7.0', source: 'gmail', line: 1, count: 2, emitterCheck: 'consistent' });
    expect(f.facts).toEqual({ emitter: 'gmail', role: 'app-sender', product: 'nodemailer' });
    expect(r.facts).toEqual({ emitter: 'gmail', role: 'app-sender', product: 'nodemailer' });
  });

  it('nodemailer: Mail command failed', () => {
    const f = only(classify(kb, fixtureText('nodemailer-mail-yahoo.txt')).findings);
    expect(f).toMatchObject({ cause: 'yahoo-max-messages', code: 421, facts: { emitter: 'yahoo', role: 'app-sender', product: 'nodemailer' } });
  });

  it('Python smtplib: a reply inside SMTPSenderRefused matches the wire-form signature', () => {
    const text = fixtureText('python-traceback.txt');
    const f = only(classify(kb, text).findings);
    expect(f).toMatchObject({ cause: 'exchange-per-source', code: 421, enhanced: '4.3.2', line: lineOf(text, 'SMTPSenderRefused: (421'), source: 'exchange' });
    expect(f.facts).toMatchObject({ role: 'app-sender', product: 'python-smtplib' });
  });

  it('Python smtplib: SMTPServerDisconnected has no reply, but the context is still read', () => {
    const r = classify(kb, fixtureText('python-disconnected.txt'));
    expect(r.findings).toEqual([]);
    expect(r.facts).toEqual({ role: 'app-sender', product: 'python-smtplib' });
  });

  it('PHPMailer debug output: server lines, the greeting names the emitter', () => {
    const text = fixtureText('phpmailer-debug.txt');
    const f = only(classify(kb, text).findings);
    expect(f).toMatchObject({ cause: 'exim-per-host', line: lineOf(text, 'SERVER -> CLIENT: 421'), count: 2, emitterCheck: 'consistent' });
    expect(f.facts).toEqual({ emitter: 'exim', role: 'app-sender', product: 'phpmailer' });
  });

  it("PHPMailer's From-failed list form is read as the wire reply", () => {
    const f = only(classify(kb, fixtureText('phpmailer-from-failed.txt')).findings);
    expect(f).toMatchObject({ cause: 'exchange-per-source', code: 421, enhanced: '4.3.2', facts: { role: 'app-sender', product: 'phpmailer' } });
  });

  it('Jakarta Mail: SMTPSendFailedException with a 454', () => {
    const f = only(classify(kb, fixtureText('jakarta-stack.txt')).findings);
    expect(f).toMatchObject({ cause: 'ses-throttle', code: 454, captures: { limit: 'Maximum sending rate' }, facts: { role: 'app-sender', product: 'jakarta-mail', emitter: 'ses' } });
  });

  it('Jakarta Mail: bad greeting from an SES endpoint stays a low-confidence candidate finding', () => {
    const r = classify(kb, fixtureText('jakarta-greeting.txt'));
    const f = only(r.findings);
    expect(f.cause).toBeUndefined();
    expect(f.signature).toBe('generic-421');
    expect(f.confidence).toBeLessThanOrEqual(0.3);
    expect(f.source).toBe('ses');
    expect(r.hints.emitter).toBe('ses');
  });
});

describe('transcripts', () => {
  it('swaks: the multi-line 421 is one reply on its first line; client lines are never matched', () => {
    const text = fixtureText('swaks-gmail.txt');
    const r = classify(kb, text);
    const f = only(r.findings);
    expect(f).toMatchObject({ cause: 'gmail-unsolicited', code: 421, enhanced: '4.7.28', line: lineOf(text, '<** 421-4.7.28'), emitterCheck: 'consistent', source: 'gmail' });
    expect(f.text).toBe(
      '421 4.7.28 [203.0.113.5      15] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. Please visit https://support.google.com/mail/?p=UnsolicitedRateLimitError to review our Bulk Email Senders Guidelines. a1si1234567wrb.12 - gsmtp',
    );
    expect(r.hints.emitter).toBe('gmail');
  });

  it('openssl s_client: the reply after the handshake, not the byte counts', () => {
    const text = fixtureText('openssl-yahoo.txt');
    const r = classify(kb, text);
    const f = only(r.findings);
    expect(f).toMatchObject({ cause: 'yahoo-tss04', line: lineOf(text, '[TSS04]'), emitterCheck: 'consistent' });
    expect(r.hints.emitter).toBe('yahoo');
  });

  it('S:/C: prefixes', () => {
    const r = classify(kb, 'S: 220 mx.example.net ESMTP Postfix\nC: EHLO client.example.org\nS: 421 4.7.0 mx.example.net Error: too many connections from 203.0.113.5');
    const f = only(r.findings);
    expect(f).toMatchObject({ signature: 'postfix-too-many-reply', line: 3, candidates: ['postfix-count', 'postfix-rate'], emitterCheck: 'consistent' });
    expect(f.confidence).toBeLessThanOrEqual(0.3);
  });

  it('Sendmail bounce transcript markers (<<< / >>>)', () => {
    const f = only(classify(kb, '>>> RCPT To:<bob@example.net>\n<<< 421 4.3.2 Connection rate limit exceeded.').findings);
    expect(f).toMatchObject({ cause: 'sendmail-rate', line: 2 });
  });
});

describe('bounces', () => {
  it('DSN: the human-readable part and the folded Diagnostic-Code collapse into one finding', () => {
    const text = fixtureText('dsn-gmail.txt');
    const r = classify(kb, text);
    const f = only(r.findings);
    expect(f).toMatchObject({ cause: 'gmail-unsolicited', count: 2, line: lineOf(text, '<bob@gmail.com>: host'), code: 421, enhanced: '4.7.28' });
    expect(f.text).toContain('said: 421 4.7.28 [203.0.113.5      15] Our system has detected an unusual rate of unsolicited mail originating from your IP address.');
    expect(r.hints.emitter).toBe('gmail');
  });

  it('a Diagnostic-Code alone, folded with whitespace', () => {
    const text = 'Remote-MTA: dns; mta6.am0.yahoodns.net\nDiagnostic-Code: smtp; 421 4.7.0 [TSS04] Messages from 203.0.113.5\n temporarily deferred due to unexpected volume or user complaints - 4.16.55.1;\n see https://postmaster.yahooinc.com/error-codes\nStatus: 4.7.0';
    const f = only(classify(kb, text).findings);
    expect(f).toMatchObject({ cause: 'yahoo-tss04', line: 2, emitterCheck: 'consistent' });
  });
});

describe('logs', () => {
  it('Postfix smtpd: duplicates collapse with a count; client host names do not make Google the emitter', () => {
    const text = fixtureText('postfix-smtpd.log');
    const r = classify(kb, text);
    const f = only(r.findings);
    expect(f).toMatchObject({ cause: 'postfix-count', count: 2, line: lineOf(text, 'concurrency limit exceeded: 51'), captures: { ip: '203.0.113.5', n: '51' } });
    expect(r.hints).toMatchObject({ emitter: 'postfix', role: 'emitting-server', product: 'postfix', log: 'postfix' });
  });

  it('Postfix smtp (the sending side): refused to talk to me', () => {
    const text = fixtureText('postfix-smtp-sender.log');
    const r = classify(kb, text);
    const f = only(r.findings);
    expect(f).toMatchObject({ cause: 'postfix-sender-deferred', count: 3, line: 1, facts: { role: 'sending-server', product: 'postfix' }, captures: { host: 'mx.example.net', ip: '198.51.100.7' } });
    expect(f.source).toBeUndefined();
    expect(r.hints).toMatchObject({ role: 'sending-server', product: 'postfix', log: 'postfix', emitter: undefined });
  });

  it('Exim main log of the receiving server', () => {
    const text = fixtureText('exim-mainlog.log');
    const r = classify(kb, text);
    const f = only(r.findings);
    expect(f).toMatchObject({ signature: 'exim-per-host-log', cause: 'exim-per-host', count: 2, line: 2, captures: { ip: '203.0.113.5' } });
    expect(r.hints).toMatchObject({ emitter: 'exim', role: 'emitting-server', product: 'exim', log: 'exim' });
  });

  it('Exim main log of the sending server', () => {
    const r = classify(kb, fixtureText('exim-sender.log'));
    const f = only(r.findings);
    expect(f).toMatchObject({ cause: 'exim-per-host', line: 1, facts: { emitter: 'exim', role: 'sending-server', product: 'exim' } });
  });

  it('Sendmail syslog', () => {
    const r = classify(kb, fixtureText('sendmail-syslog.log'));
    const f = only(r.findings);
    expect(f).toMatchObject({ cause: 'sendmail-rate', count: 2, line: 1, enhanced: '4.3.2', facts: { emitter: 'sendmail', role: 'emitting-server', product: 'sendmail' } });
  });
});

describe('multi-line Gmail replies', () => {
  const split = [
    '421-4.7.28 [203.0.113.5      15] Our system has detected an unusual rate of',
    '421-4.7.28 unsolicited mail originating from your IP address. To protect our',
    '421 4.7.28 users from spam. a1si123 - gsmtp',
  ];
  const wire = '421 4.7.28 [203.0.113.5      15] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam. a1si123 - gsmtp';

  it.each([
    ['split over lines (LF)', split.join('\n'), wire],
    ['split over lines (CRLF)', split.join('\r\n'), wire],
    ['joined with spaces (Postfix log style)', split.join(' '), wire],
    ['joined with escaped newlines (JSON)', split.join('\\r\\n'), wire],
    ['nodemailer message with real newlines', `Error: Data command failed: ${split.join('\n')}`, `Error: Data command failed: ${wire}`],
    ['Python bytes repr', "smtplib.SMTPDataError: (421, b'4.7.28 [203.0.113.5      15] Our system has detected an unusual rate of\\n4.7.28 unsolicited mail originating from your IP address. To protect our\\n4.7.28 users from spam. a1si123 - gsmtp')", undefined],
  ])('%s', (_name, text, joined) => {
    const f = only(classify(kb, text).findings);
    expect(f).toMatchObject({ cause: 'gmail-unsolicited', line: 1, code: 421, enhanced: '4.7.28' });
    if (joined !== undefined) expect(f.text).toBe(joined);
    else expect(f.text).toContain('an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam.');
  });

  it('the line of a multi-line reply is its first physical line', () => {
    const f = only(classify(kb, ['noise', '', ...split].join('\n')).findings);
    expect(f.line).toBe(3);
  });
});

describe('ranking', () => {
  it('a signature that proves a cause beats one with candidates, whatever the line order', () => {
    const r = classify(kb, `${BARE}\n421 Too many concurrent SMTP connections from this IP address; please try again later.`);
    expect(r.findings.map((f) => f.signature)).toEqual(['exim-per-host', 'generic-421']);
    const [a, b] = r.findings;
    expect(a?.confidence).toBeGreaterThan(0.3);
    expect(b?.confidence).toBeLessThanOrEqual(0.3);
  });

  it('an emitter-consistent finding beats an inconsistent one', () => {
    const r = classify(kb, '421 Max message per connection reached, closing transmission channel\n421 4.7.0 Try again later, closing connection. a1si123 - gsmtp');
    expect(r.hints.emitter).toBe('gmail');
    const gmail = bySignature(r.findings, 'gmail-try-again');
    const yahoo = bySignature(r.findings, 'yahoo-max-messages');
    expect(gmail.emitterCheck).toBe('consistent');
    expect(yahoo.emitterCheck).toBe('inconsistent');
    expect(r.findings[0]).toBe(gmail);
    const alone = only(classify(kb, '421 Max message per connection reached, closing transmission channel').findings);
    expect(yahoo.confidence).toBeLessThan(alone.confidence);
  });

  it('higher specificity first among findings of the same kind', () => {
    const r = classify(kb, '421 4.7.0 Try again later, closing connection.\n421 4.3.2 The maximum number of concurrent server connections has exceeded a per-source limit, closing transmission channel');
    expect(r.findings.map((f) => f.signature)).toEqual(['exchange-per-source', 'gmail-try-again']);
  });

  it('a vaguer signature of the same entry on the same line is dropped when one proves a cause', () => {
    const r = classify(kb, 'Mar  3 10:20:11 relay1 postfix/smtp[3311]: 4F1A2B3C4D: host mx.example.net[198.51.100.7] refused to talk to me: 421 4.7.0 mx.example.net Error: too many connections from 203.0.113.5');
    expect(r.findings.map((f) => f.signature)).toEqual(['postfix-sender-refused']);
  });

  it('confidence stays within 0…1 and findings are sorted', () => {
    const text = ['postfix-smtpd.log', 'dsn-gmail.txt', 'swaks-gmail.txt', 'openssl-yahoo.txt', 'sendmail-syslog.log'].map(fixtureText).join('\n') + `\n${BARE}`;
    const r = classify(kb, text);
    expect(r.findings.length).toBeGreaterThan(4);
    for (const f of r.findings) {
      expect(f.confidence).toBeGreaterThanOrEqual(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      expect(f.count).toBeGreaterThanOrEqual(1);
    }
    const tiers = r.findings.map((f) => (f.cause ? 2 : f.signature ? 1 : 0));
    expect([...tiers].sort((x, y) => y - x)).toEqual(tiers);
  });
});

describe('hostile and large input', () => {
  it('binary input gives no findings and does not throw', () => {
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    expect(() => classify(kb, bytes)).not.toThrow();
  });

  it('a 2 MB line without newlines is handled quickly', () => {
    const text = `421-4.7.28 ${'a'.repeat(2_000_000)}`;
    const t0 = performance.now();
    const r = classify(kb, text);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.lines).toBe(1);
    expect(MAX_MATCH_LENGTH).toBeLessThan(text.length);
  });

  it('100 000 log lines classify in well under a few seconds and collapse to one finding', () => {
    const line = 'Mar  3 10:12:01 mx1 postfix/smtpd[2211]: warning: Connection concurrency limit exceeded: 51 from unknown[203.0.113.5] for service smtp';
    const noise = 'Mar  3 10:12:01 mx1 postfix/smtpd[2211]: connect from unknown[198.51.100.9]';
    const text = Array.from({ length: 100_000 }, (_, i) => (i % 10 === 0 ? line : noise)).join('\n');
    const t0 = performance.now();
    const r = classify(kb, text);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.lines).toBe(100_000);
    const f = only(r.findings);
    expect(f.count).toBe(10_000);
  });
});

describe('the source of a reply', () => {
  /** The fixture entry with `emitter` removed from the Sendmail reply signature. */
  function withoutSignatureEmitter(extraProduct?: string) {
    const raw = fixtureEntry();
    const sigs = (raw.signatures as Array<Record<string, unknown>>).map((s) => {
      if (s.id !== 'sendmail-rate') return s;
      const { emitter: _emitter, ...rest } = s;
      return rest;
    });
    const causes = (raw.causes as Array<Record<string, unknown>>).map((c) => {
      if (c.id !== 'sendmail-rate' || extraProduct === undefined) return c;
      const emitters = c.emitters as Array<Record<string, unknown>>;
      return { ...c, emitters: [...emitters, { ...emitters[0], product: extraProduct }] };
    });
    return loadKbOrThrow([{ ...raw, signatures: sigs, causes }]);
  }

  it('is the one product that emits the cause a reply proves, when the signature does not name it', () => {
    const f = classify(withoutSignatureEmitter(), '421 4.3.2 Connection rate limit exceeded.').findings[0];
    expect(f?.cause).toBe('sendmail-rate');
    expect(f?.source).toBe('sendmail');
  });

  it('stays unknown when several products emit that cause, or when only a client library adds one', () => {
    expect(classify(withoutSignatureEmitter('exim'), '421 4.3.2 Connection rate limit exceeded.').findings[0]?.source).toBeUndefined();
    expect(classify(withoutSignatureEmitter('nodemailer'), '421 4.3.2 Connection rate limit exceeded.').findings[0]?.source).toBe('sendmail');
  });
});

describe('the reply code of a finding', () => {
  const text = 'Too many concurrent SMTP connections from this IP address; please try again later';
  it("is the code the text carries, over the signature's own", () => {
    const f = classify(fixtureKb(), `550 ${text}`).findings[0];
    expect(f?.signature).toBe('exim-per-host');
    expect(f?.code).toBe(550);
  });
  it("is the signature's code when the text carries none", () => {
    expect(classify(fixtureKb(), text).findings[0]?.code).toBe(421);
  });
});
