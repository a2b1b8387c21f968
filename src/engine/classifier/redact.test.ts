// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fixtureText } from '@/testing/fixtures/classifier/read.ts';
import { REDACTED, redact } from './redact.ts';

describe('redact', () => {
  it('AUTH PLAIN in a swaks transcript; the EHLO AUTH line is left alone', () => {
    const text = fixtureText('auth-transcript.txt');
    const r = redact(text);
    expect(r.count).toBe(1);
    expect(r.text).toBe(text.replace('AGFsaWNlQGV4YW1wbGUuY29tAHMzY3JldA==', REDACTED));
    expect(r.text).toContain('<-  250-AUTH PLAIN LOGIN');
  });

  it('AUTH LOGIN in an openssl transcript: the base64 answers, CRLF kept', () => {
    const text = fixtureText('auth-login-openssl.txt');
    const r = redact(text);
    expect(r.count).toBe(2);
    expect(r.text).toBe(
      `AUTH LOGIN\r\n334 VXNlcm5hbWU6\r\n${REDACTED}\r\n334 UGFzc3dvcmQ6\r\n${REDACTED}\r\n235 2.7.0 Authentication successful\r\nMAIL FROM:<alice@example.com>\r\n250 2.1.0 Ok\r\n`,
    );
  });

  it('AUTH with an initial response, and the answers that follow under any marker', () => {
    expect(redact(' ~> AUTH LOGIN YWxpY2U=\n<~  334 UGFzc3dvcmQ6\n ~> czNjcmV0\n<~  235 2.7.0 ok\n ~> MAIL FROM:<a@example.com>')).toEqual({
      text: ` ~> AUTH LOGIN ${REDACTED}\n<~  334 UGFzc3dvcmQ6\n ~> ${REDACTED}\n<~  235 2.7.0 ok\n ~> MAIL FROM:<a@example.com>`,
      count: 2,
    });
    expect(redact('C: AUTH XOAUTH2 dXNlcj1hQGV4YW1wbGUuY29tAWF1dGg9QmVhcmVyIHlhMjkuYQEB').text).toBe(`C: AUTH XOAUTH2 ${REDACTED}`);
    expect(redact("send: 'AUTH PLAIN AGFAZXhhbXBsZS5jb20AcHc=\\r\\n'").text).toBe(`send: 'AUTH PLAIN ${REDACTED}\\r\\n'`);
    expect(redact('2025-03-03 10:12:01\tCLIENT -> SERVER: AUTH LOGIN\n2025-03-03 10:12:01\tSERVER -> CLIENT: 334 VXNlcm5hbWU6\n2025-03-03 10:12:01\tCLIENT -> SERVER: YWxpY2U=').text)
      .toBe(`2025-03-03 10:12:01\tCLIENT -> SERVER: AUTH LOGIN\n2025-03-03 10:12:01\tSERVER -> CLIENT: 334 VXNlcm5hbWU6\n2025-03-03 10:12:01\tCLIENT -> SERVER: ${REDACTED}`);
  });

  it('stops redacting when the exchange is over', () => {
    const r = redact('AUTH LOGIN\n334 VXNlcm5hbWU6\nYWxpY2U=\n535 5.7.8 Error: authentication failed\nQUIT');
    expect(r.text).toBe(`AUTH LOGIN\n334 VXNlcm5hbWU6\n${REDACTED}\n535 5.7.8 Error: authentication failed\nQUIT`);
  });

  it('does not take log words after AUTH for credentials', () => {
    const line = 'Mar  3 10:12:01 mx1 postfix/smtpd[2211]: lost connection after AUTH from unknown[203.0.113.5]';
    expect(redact(line)).toEqual({ text: line, count: 0 });
  });

  it('passwords in URLs', () => {
    expect(redact('SMTP_URL=smtp://alice%40example.com:s3cr%3Et@smtp.example.com:587/?pool=true')).toEqual({
      text: `SMTP_URL=smtp://alice%40example.com:${REDACTED}@smtp.example.com:587/?pool=true`,
      count: 1,
    });
    expect(redact('smtps://u:p@a.example.com and smtp://v:q@b.example.com').text).toBe(`smtps://u:${REDACTED}@a.example.com and smtp://v:${REDACTED}@b.example.com`);
    expect(redact('see https://support.google.com/mail/?p=UnsolicitedRateLimitError and smtp://user@host.example.com').count).toBe(0);
  });

  it('pass= and password: key-values, quoted or not', () => {
    expect(redact('connecting with user=alice pass=s3cret host=smtp.example.com').text).toBe(`connecting with user=alice pass=${REDACTED} host=smtp.example.com`);
    expect(redact("auth: { user: 'alice@example.com', pass: 'p@ss w0rd' }").text).toBe(`auth: { user: 'alice@example.com', pass: '${REDACTED}' }`);
    expect(redact('{"password": "hunter2", "user": "a"}').text).toBe(`{"password": "${REDACTED}", "user": "a"}`);
    expect(redact('PASSWORD=abc&next=1').text).toBe(`PASSWORD=${REDACTED}&next=1`);
    expect(redact('pass=***** bypass=x passed: 3').count).toBe(0);
  });

  it('leaves text without secrets unchanged', () => {
    for (const name of ['swaks-gmail.txt', 'dsn-gmail.txt', 'postfix-smtpd.log', 'nodemailer-error.txt', 'python-traceback.txt']) {
      const text = fixtureText(name);
      expect(redact(text), name).toEqual({ text, count: 0 });
    }
  });
});
