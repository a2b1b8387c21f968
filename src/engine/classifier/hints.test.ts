// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { HintCollector, hintFacts, hintsForLine, NO_HINTS, programTag } from './hints.ts';
import { logicalLines } from './tokenize.ts';

function hintsOf(text: string) {
  const c = new HintCollector();
  for (const l of logicalLines(text)) c.add(hintsForLine(l), l.line);
  return c.finish();
}

describe('programTag', () => {
  it.each([
    ['Mar  3 10:12:01 mx1 postfix/smtpd[2211]: warning: x', 'postfix/smtpd'],
    ['2025-03-03T10:12:01.123+00:00 mx1 postfix/submission/smtpd[12]: x', 'postfix/submission/smtpd'],
    ['Mar  3 10:12:01 mx2 sm-mta[4411]: 523ACx1F004411: x', 'sm-mta'],
    ['postfix-out/smtp[3]: 4F1A: to=<a@example.net>', 'postfix-out/smtp'],
  ])('%s', (line, tag) => {
    expect(programTag(line)).toBe(tag);
  });
  it('needs a pid', () => {
    expect(programTag('NOQUEUE: reject: RCPT from unknown[203.0.113.5]: 450 4.7.1 x')).toBeUndefined();
    expect(programTag('plain text')).toBeUndefined();
  });
});

describe('emitter from host names and markers', () => {
  it.each([
    ['421 4.7.0 Try again later, closing connection. a1si123 - gsmtp', 'gmail'],
    ['Remote-MTA: dns; gmail-smtp-in.l.google.com', 'gmail'],
    ['Remote-MTA: dns; mta7.am0.yahoodns.net', 'yahoo'],
    ['host mx-aol.mail.gm0.yahoodns.net[67.195.204.72] said: 421 x', 'yahoo'],
    ['see https://postmaster.yahooinc.com/error-codes', 'yahoo'],
    ['relay=example-com.mail.protection.outlook.com[52.101.0.1]:25', 'microsoft365'],
    ['Got bad greeting from SMTP host: smtp.office365.com, port: 587', 'microsoft365'],
    ['Got bad greeting from SMTP host: email-smtp.eu-west-1.amazonaws.com, port: 587', 'ses'],
    ['Received: from a48-93.smtp-out.amazonses.com', 'ses'],
    ['220 mx.example.net ESMTP Postfix (Debian/GNU)', 'postfix'],
    ['220 mx.example.net ESMTP Exim 4.96 Mon, 03 Mar 2025', 'exim'],
    ['220 mx.example.net ESMTP Sendmail 8.17.1.9/8.17.1.9; Mon, 3 Mar 2025', 'sendmail'],
    ['220 EX01.example.net Microsoft ESMTP MAIL Service ready at Mon, 3 Mar 2025', 'exchange'],
    ['220 BN8NAM12FT012.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready', 'microsoft365'],
  ])('%s → %s', (text, emitter) => {
    expect(hintsOf(text).emitter).toBe(emitter);
  });

  it('ignores addresses: the recipient domain is not the emitter', () => {
    expect(hintsOf('to=<bob@gmail.com>, from=<alice@yahoo.com>').emitter).toBeUndefined();
    expect(hintsOf('notgoogle.com and yahoo.company.example').emitter).toBeUndefined();
  });

  it('ignores host names of clients in a server’s own log', () => {
    const h = hintsOf('Mar  3 10:12:02 mx1 postfix/smtpd[2213]: connect from mail-yw1-f170.google.com[209.85.128.170]');
    expect(h.emitter).toBe('postfix');
  });

  it('the heavier evidence wins; a tie says nothing', () => {
    expect(hintsOf('Generating server: AM0PR01MB1234.eurprd01.prod.outlook.com\nRemote server returned \'421 4.7.0 Try again later - gsmtp\'').emitter).toBe('gmail');
    expect(hintsOf('mx.google.com\nmta7.am0.yahoodns.net').emitter).toBeUndefined();
  });
});

describe('role and product', () => {
  it.each([
    ['Mar  3 10:12:01 mx1 postfix/smtpd[2211]: warning: x', 'emitting-server', 'postfix', 'postfix'],
    ['Mar  3 10:12:01 mx1 postfix/postscreen[99]: NOQUEUE: reject: CONNECT from [203.0.113.5]:51234: too many connections', 'emitting-server', 'postfix', 'postfix'],
    ['Mar  3 10:12:01 relay postfix/smtp[3311]: 4F1A: host mx[198.51.100.7] said: 421 x', 'sending-server', 'postfix', 'postfix'],
    ['Mar  3 10:12:01 relay postfix/error[3320]: 4F1A: to=<a@example.net>, status=deferred (delivery temporarily suspended: x)', 'sending-server', 'postfix', 'postfix'],
    ['Mar  3 10:12:01 relay postfix/cleanup[1]: 4F1A: message-id=<x@example.net>', undefined, 'postfix', 'postfix'],
    ['2025-03-03 10:12:01 Connection from [203.0.113.5] refused: too many connections', 'emitting-server', 'exim', 'exim'],
    ['2025-03-03 10:12:01 1tJq3x-000Abc-9Z <= a@example.org H=mail.example.org [198.51.100.20] P=esmtps', 'emitting-server', 'exim', 'exim'],
    ['2025-03-03 10:12:01 1tJq3x-000Abc-9Z == a@example.net R=dnslookup T=remote_smtp defer (-44) H=mx [198.51.100.7]: SMTP error from remote mail server after initial connection: 421 x', 'sending-server', 'exim', 'exim'],
    ['Mar  3 10:12:01 mx2 exim[77]: 2025-03-03 10:12:01 Connection from [203.0.113.5] refused: too many connections', 'emitting-server', 'exim', 'exim'],
    ['Mar  3 10:12:01 mx2 sm-mta[4411]: 523A: ruleset=check_relay, reject=421 4.3.2 Connection rate limit exceeded.', 'emitting-server', 'sendmail', 'sendmail'],
    ['Mar  3 10:12:01 mx2 sendmail[4411]: 523A: to=<a@example.net>, mailer=esmtp, relay=mx.example.net. [198.51.100.7], dsn=4.0.0, stat=Deferred: 421 4.7.0 x', 'sending-server', 'sendmail', 'sendmail'],
    ['#Log-type: SMTP Receive Protocol Log', 'emitting-server', 'exchange', 'exchange'],
    ['#Log-type: SMTP Send Protocol Log', 'sending-server', 'exchange', 'exchange'],
    ['Log Name: Application Source: MSExchangeFrontEndTransport Event ID: 1021', 'emitting-server', 'exchange', 'exchange'],
    ['2025-03-03T10:12:01.123Z,EX01\\Default Frontend EX01,08DC3B2A1F4E5D6C,5,10.0.0.1:25,203.0.113.5:51234,>,421 4.3.2 The maximum number,', undefined, 'exchange', 'exchange'],
  ])('%s', (text, role, product, log) => {
    const h = hintsOf(text);
    expect(h.role).toBe(role);
    expect(h.product).toBe(product);
    expect(h.log).toBe(log);
  });

  it.each([
    ["Error: Invalid greeting. response=421 4.7.0 x", 'nodemailer'],
    ["  code: 'EENVELOPE',", 'nodemailer'],
    ['smtplib.SMTPServerDisconnected: Connection unexpectedly closed', 'python-smtplib'],
    ["reply: b'421 4.7.0 x\\r\\n'", 'python-smtplib'],
    ['2025-03-03 10:12:01\tCLIENT -> SERVER: EHLO app.example.com', 'phpmailer'],
    ['SMTP Error: Could not connect to SMTP host.', 'phpmailer'],
    ['com.sun.mail.smtp.SMTPSendFailedException: 421 4.7.0 x', 'jakarta-mail'],
    ['jakarta.mail.MessagingException: Got bad greeting from SMTP host: smtp.example.net, port: 25, response: 421 x', 'jakarta-mail'],
  ])('client library: %s', (text, product) => {
    const h = hintsOf(text);
    expect(h.product).toBe(product);
    expect(h.role).toBe('app-sender');
  });

  it('roles that disagree cancel out; evidence is kept', () => {
    const h = hintsOf('Mar  3 10:12:01 mx1 postfix/smtpd[1]: warning: x\nMar  3 10:12:01 mx1 postfix/smtp[2]: 4F1A: host mx[198.51.100.7] said: 421 x');
    expect(h.role).toBeUndefined();
    expect(h.product).toBe('postfix');
    expect(h.evidence.filter((e) => e.fact === 'role').map((e) => [e.value, e.line])).toEqual([['emitting-server', 1], ['sending-server', 2]]);
  });

  it('evidence is bounded', () => {
    const text = Array.from({ length: 200 }, (_, i) => `host${i}.google.com mta${i}.yahoodns.net x${i}.outlook.com`).join('\n');
    expect(hintsOf(text).evidence.length).toBeLessThanOrEqual(20);
  });

  it('nothing in, nothing out', () => {
    const [l] = logicalLines('hello');
    if (!l) throw new Error('no line');
    expect(hintsForLine(l)).toBe(NO_HINTS);
    expect(hintFacts(hintsOf('hello'))).toEqual({});
  });
});
