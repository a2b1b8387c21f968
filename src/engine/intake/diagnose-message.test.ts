// @vitest-environment node
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledKb } from '../../kb-data/kb.ts';
import { diagnoseMessage } from './diagnose-message.ts';
import { fromDeliveryStatus, fromHumanText } from './dsn.ts';
import type { CharsetDecoder } from './mime.ts';

const decoder: CharsetDecoder = {
  decode(bytes, charset) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch (err) {
      return err instanceof RangeError ? undefined : undefined;
    }
  },
};

const loaded = bundledKb();
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const kb = loaded.kb;
const fixture = (name: string) => readFileSync(new URL(`../../testing/fixtures/intake/${name}`, import.meta.url));
const run = (name: string) => diagnoseMessage(kb, fixture(name), decoder);

const USER_UNKNOWN = 'recipient/smtp-550-user-unknown';
const MAILBOX_FULL = 'recipient/smtp-552-mailbox-full';

describe('diagnoseMessage on bounce fixtures', () => {
  it('splits a Postfix RFC 3464 DSN into one finding per recipient', () => {
    const d = run('postfix-dsn-two-recipients.eml');
    expect(d.kind).toBe('message');
    expect(d.recipients.map((r) => [r.recipient, r.action, r.status, r.origin])).toEqual([
      ['bob@example.org', 'failed', '5.1.1', 'delivery-status'],
      ['carol@example.net', 'delayed', '4.2.2', 'delivery-status'],
    ]);
    // The folded Diagnostic-Code is unfolded and its `smtp;` type removed.
    expect(d.recipients[0]?.diagnosticCode).toBe('550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table');
    expect(d.recipients[0]?.remoteMta).toBe('mx1.example.org');
    expect(d.recipients[0]?.reportingMta).toBe('mail.example.com');
    expect(d.findings.map((f) => [f.recipient, f.entry, f.code, f.enhanced])).toEqual([
      ['bob@example.org', USER_UNKNOWN, 550, '5.1.1'],
      ['carol@example.net', MAILBOX_FULL, 452, '4.2.2'],
    ]);
  });

  it.each([
    ['exim-bounce.eml', 'dave@example.org', USER_UNKNOWN],
    ['sendmail-bounce.eml', 'erin@example.com', USER_UNKNOWN],
    ['qmail-bounce.eml', 'frank@example.org', USER_UNKNOWN],
    ['gmail-dsn.eml', 'grace@example.com', USER_UNKNOWN],
    ['exchange-ndr.eml', 'heidi@contoso.com', USER_UNKNOWN],
    ['exchange-html-only.eml', 'judy@example.org', MAILBOX_FULL],
    ['ses-bounce.eml', 'mallory@example.com', USER_UNKNOWN],
    ['yahoo-bounce.eml', 'niaj@yahoo.com', USER_UNKNOWN],
    ['qq-gb2312.eml', 'olivia@qq.com', USER_UNKNOWN],
    ['netease-utf8.eml', 'peggy@163.com', USER_UNKNOWN],
    ['aliyun-gbk.eml', 'quentin@example.cn', 'policy/chinese-enterprise-mail-rejections'],
    ['iso2022jp-bounce.eml', 'jiro@example.jp', USER_UNKNOWN],
  ])('%s → %s: %s', (file, recipient, entry) => {
    const d = run(file);
    expect(d.recipients.map((r) => r.recipient)).toEqual([recipient]);
    expect(d.findings).toHaveLength(1);
    expect(d.findings[0]).toMatchObject({ recipient, entry });
    expect(d.problems).toEqual([]);
  });

  it('keeps the original message of an Exim bounce out of the recipients', () => {
    expect(run('exim-bounce.eml').recipients).toHaveLength(1);
  });

  it('decodes the charsets of Chinese and Japanese bounces', () => {
    const qq = run('qq-gb2312.eml');
    expect(qq.subject).toBe('系统退信');
    expect(qq.recipients[0]?.diagnosticCode).toContain('收件人地址不存在');
    expect(run('netease-utf8.eml').subject).toBe('系统退信：邮件投递失败');
    expect(run('aliyun-gbk.eml').subject).toBe('退信通知');
    expect(run('iso2022jp-bounce.eml').subject).toBe('配信エラー');
  });

  it('reads quoted-printable text and base64 HTML', () => {
    expect(run('gmail-dsn.eml').recipients[0]?.diagnosticCode).toContain('https://support.google.com/mail/?p=NoSuchUser');
    expect(run('exchange-html-only.eml').recipients[0]?.diagnosticCode).toContain('552 5.2.2 Mailbox full');
  });

  it('returns what it could read of a truncated multipart, with the problem', () => {
    const d = run('truncated-multipart.eml');
    expect(d.problems).toContain('missing-final-boundary');
    expect(d.recipients.map((r) => r.recipient)).toEqual(['bob@example.org', 'carol@example.net']);
    expect(d.findings.map((f) => f.entry)).toEqual([USER_UNKNOWN, MAILBOX_FULL]);
  });
});

describe('diagnoseMessage on other input', () => {
  it('falls back to classify for a plain paste', () => {
    const d = diagnoseMessage(kb, '421 4.7.0 [TSS04] Messages from 203.0.113.5 temporarily deferred due to unexpected volume or user complaints\n', decoder);
    expect(d.kind).toBe('text');
    expect(d.findings[0]).toMatchObject({ entry: 'communication/smtp-421-service-not-available', recipient: undefined });
  });

  it('redacts credentials from decoded bodies before classifying', () => {
    const body = btoa('AUTH PLAIN AGFsaWNlAHNlY3JldA==\n535 5.7.8 Authentication credentials invalid\nsmtp://alice:hunter2@mail.example.com\n');
    const msg = `From: a@example.com\nTo: b@example.com\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n${body}\n`;
    const d = diagnoseMessage(kb, msg, decoder);
    expect(d.findings.length).toBeGreaterThan(0);
    const all = JSON.stringify(d);
    expect(all).not.toContain('hunter2');
    expect(all).not.toContain('AGFsaWNlAHNlY3JldA==');
  });

  it('redacts a secret in a recipient diagnostic', () => {
    const msg = 'From: a@example.com\nSubject: x\nContent-Type: text/plain\n\n<bob@example.org>: host mx said: 535 5.7.8 password=hunter2 rejected\n';
    const d = diagnoseMessage(kb, msg, decoder);
    expect(d.recipients[0]?.diagnosticCode).not.toContain('hunter2');
  });
});

describe('fromHumanText', () => {
  it('prefers the text with a reply code when a recipient is named twice', () => {
    const r = fromHumanText('bob@example.org\nThe address could not be found.\n\nbob@example.org\nRemote Server returned \'550 5.1.1 not found\'\n');
    expect(r).toHaveLength(1);
    expect(r[0]?.diagnosticCode).toBe("Remote Server returned '550 5.1.1 not found'");
  });
});

describe('properties', () => {
  it('never throws on arbitrary bytes and strings', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      const d = diagnoseMessage(kb, bytes, decoder);
      expect(Array.isArray(d.findings)).toBe(true);
    }), { numRuns: 150 });
    const piece = fc.constantFrom(
      'From: a@b.c\n', 'Subject: x\n', 'Content-Type: multipart/report; boundary=q\n', '--q\n', 'Content-Type: message/delivery-status\n',
      'Final-Recipient: rfc822; x@y.z\n', 'Diagnostic-Code: smtp; 550 5.1.1 no\n', 'Status: 5.1.1\n', '\n', '<x@y.z>:\n', '收件人：a@b.cn\n', '退信原因：550 x\n',
      "The response from the remote server was:\n", "Your message wasn't delivered to a@b.cn\n", '  bob@x.org\n', '    550 5.1.1 gone\n',
    );
    fc.assert(fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 12 })), { maxLength: 60 }), (pieces) => {
      diagnoseMessage(kb, pieces.join(''), decoder);
    }), { numRuns: 300 });
  });
});

describe('text-only bounces', () => {
  it('reads a Gmail explanation without a report part', () => {
    const r = fromHumanText("** Address not found **\n\nYour message wasn't delivered to zoe@example.com because the address couldn't be found.\n\nThe response from the remote server was:\n550 5.1.1 The email account that you tried to reach does not exist.\n");
    expect(r.map((x) => [x.recipient, x.status, x.diagnosticCode])).toEqual([['zoe@example.com', '5.1.1', '550 5.1.1 The email account that you tried to reach does not exist.']]);
  });

  it('reads the Postfix explanation, folded lines included', () => {
    const r = fromHumanText('This is the mail system at host a.example.\n\n<x@example.org>: host mx.example.org[192.0.2.1] said: 550 5.7.1\n    <x@example.org>: Relay access denied (in reply to RCPT TO command)\n\n<y@example.org>: connect to mx.example.org[192.0.2.1]:25: Connection refused\n');
    expect(r.map((x) => x.recipient)).toEqual(['x@example.org', 'y@example.org']);
    expect(r[0]?.diagnosticCode).toContain('Relay access denied');
    expect(r[0]?.remoteMta).toBe('mx.example.org');
  });

  it('marks binary input instead of classifying it', () => {
    const d = diagnoseMessage(kb, Uint8Array.from({ length: 500 }, (_v, i) => (i * 7) % 32), decoder);
    expect(d.problems).toEqual(['binary']);
    expect(d.findings).toEqual([]);
  });
});

describe('fromDeliveryStatus', () => {
  it('cuts a group that runs two recipients together', () => {
    const r = fromDeliveryStatus('Reporting-MTA: dns; a.example\n\nFinal-Recipient: rfc822; x@example.org\nAction: failed\nStatus: 5.1.1\nFinal-Recipient: rfc822;<y@example.org>\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: X-Postfix; mailbox full\n');
    expect(r.map((x) => [x.recipient, x.status, x.diagnosticType, x.diagnosticCode, x.reportingMta])).toEqual([
      ['x@example.org', '5.1.1', undefined, undefined, 'a.example'],
      ['y@example.org', '5.2.2', 'x-postfix', 'mailbox full', 'a.example'],
    ]);
  });
});

describe('Exim with several recipients', () => {
  it('gives each address its own text', () => {
    const r = fromHumanText('The following address(es) failed:\n\n  a@example.org\n    host mx.example.org [192.0.2.1]\n    SMTP error from remote mail server after RCPT TO:<a@example.org>:\n    550 5.1.1 unknown user\n  b@example.org\n    host mx.example.org [192.0.2.1]\n    SMTP error from remote mail server after end of data:\n    552 5.3.4 Message size exceeds fixed limit\n');
    expect(r.map((x) => [x.recipient, x.status])).toEqual([['a@example.org', '5.1.1'], ['b@example.org', '5.3.4']]);
  });
});
