// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dotnetReply, enhancedEnd, findReply, joinContinuations, needsJoin, wireVariant } from './reply.ts';

describe('findReply', () => {
  it.each([
    ['421 4.7.0 Try again later', 421, '4.7.0', 0, ' '],
    ['421-4.7.28 first part', 421, '4.7.28', 0, '-'],
    ['421 Service not available', 421, undefined, 0, ' '],
    ['  421 4.7.0 indented', 421, '4.7.0', 2, ' '],
    ['host mx[198.51.100.7] said: 421 4.7.0 x (in reply to RCPT TO command)', 421, '4.7.0', 28, ' '],
    ['Diagnostic-Code: smtp; 421 4.4.2 timeout', 421, '4.4.2', 23, ' '],
    ['Error: Invalid greeting. response=421 4.7.0 x', 421, '4.7.0', 34, ' '],
    ["smtplib.SMTPSenderRefused: (421, b'4.7.0 x', 'a@example.com')", 421, '4.7.0', 28, ','],
    ["{'bob@example.net': (452, '4.5.3 Too many recipients')}", 452, '4.5.3', 21, ','],
    ['MAIL FROM command failed,Try again later,421,4.7.0', 421, '4.7.0', 41, ','],
    ["  response: '454 Throttling failure: Maximum sending rate exceeded',", 454, undefined, 13, ' '],
    ['relay=[203.0.113.5], reject=421 4.3.2 Connection rate limit exceeded.', 421, '4.3.2', 28, ' '],
    ["Remote server returned '421 4.4.2 connection dropped'", 421, '4.4.2', 24, ' '],
    ['responseCode: 421', 421, undefined, 14, ''],
  ])('%s', (text, code, enhanced, index, sep) => {
    expect(findReply(text)).toEqual({ code, enhanced, index, sep });
  });

  it.each([
    'SSL handshake has read 5321 bytes and written 421 bytes',
    'the build took 421 seconds',
    'Mar  3 10:12:01 mx1 postfix/smtpd[421]: connect from unknown[203.0.113.5]',
    'client 203.0.113.5 port 25',
    '2024-03-03 10:12:01',
    'delay=421.5, dsn=4.7.0',
    'port 587 and 465',
    '  File "/usr/lib/python3.11/smtplib.py", line 421, in ehlo',
    'responseCode: 421,',
    'a 6211 b',
  ])('no reply in %s', (text) => {
    expect(findReply(text)).toBeUndefined();
  });

  it('an enhanced code must end where it ends', () => {
    expect(findReply('421 4.7.28.1 x')?.enhanced).toBeUndefined();
    expect(findReply('421 4.7.2800 x')?.enhanced).toBeUndefined();
    expect(enhancedEnd('5.7.606 x', 0)).toBe(7);
    expect(enhancedEnd('6.1.1', 0)).toBe(-1);
  });

  it('starts where asked', () => {
    expect(findReply('250 ok 421 no', 4)).toBeUndefined();
    expect(findReply('250 ok: 421 no', 4)?.code).toBe(421);
  });
});

describe('joinContinuations', () => {
  const join = (text: string): string => {
    const r = findReply(text);
    if (!r) throw new Error('no reply');
    return needsJoin(text, r) ? joinContinuations(text, r) : text;
  };

  it('joins a space-joined multi-line reply and keeps what surrounds it', () => {
    expect(join('said: 421-4.7.28 a 421-4.7.28 b 421 4.7.28 c - gsmtp (in reply to end of DATA command)'))
      .toBe('said: 421 4.7.28 a b c - gsmtp (in reply to end of DATA command)');
  });

  it('handles replies without enhanced codes and escaped CRLFs', () => {
    expect(join('250-mx.example.net\\r\\n250-PIPELINING\\r\\n250 SMTPUTF8')).toBe('250 mx.example.net PIPELINING SMTPUTF8');
  });

  it('drops the doubled blank of an indented continuation', () => {
    expect(join('421-4.7.28 visit 421-4.7.28  https://support.google.com/x to 421 4.7.28 review')).toBe('421 4.7.28 visit https://support.google.com/x to review');
  });

  it('stops at the last line', () => {
    expect(join('421-4.7.0 a 421 4.7.0 b and then 421 more')).toBe('421 4.7.0 a b and then 421 more');
  });

  it("Python's escaped newlines with repeated enhanced codes", () => {
    expect(join("(421, b'4.7.28 a\\n4.7.28 b\\n4.7.28 c')")).toBe("(421, b'4.7.28 a b c')");
  });

  it('a single-line reply is left alone', () => {
    expect(join('421 4.7.0 a 421-b')).toBe('421 4.7.0 a 421-b');
  });
});

describe('wireVariant', () => {
  const variant = (text: string): string | undefined => {
    const r = findReply(text);
    return r ? wireVariant(text, r) : undefined;
  };
  it('Python tuple', () => {
    expect(variant("smtplib.SMTPSenderRefused: (421, b'4.7.0 Try again later, closing connection.', 'a@example.com')")).toBe('421 4.7.0 Try again later, closing connection.');
    expect(variant("(421, \"4.7.0 it's busy\")")).toBe("421 4.7.0 it's busy");
  });
  it('PHPMailer list', () => {
    expect(variant('The following From address failed: a@example.com : MAIL FROM command failed,Try again later, closing connection.,421,4.7.0')).toBe('421 4.7.0 Try again later, closing connection.');
    expect(variant('x : RCPT TO command failed,Too many,421,')).toBe('421 Too many');
  });
  it('nothing for a wire-form reply', () => {
    expect(variant('said: 421 4.7.0 x')).toBeUndefined();
  });
});

describe("PHPMailer's labelled error text", () => {
  const at = (text: string) => {
    const r = findReply(text);
    if (!r) throw new Error(`no reply in ${text}`);
    return wireVariant(text, r);
  };

  it('rebuilds the reply from Detail:, SMTP code: and Additional SMTP info:', () => {
    expect(at('SMTP Error: data not accepted.SMTP server error: DATA END command failed Detail: Daily user sending limit exceeded. SMTP code: 550 Additional SMTP info: 5.4.5'))
      .toBe('550 5.4.5 Daily user sending limit exceeded.');
  });

  it('keeps the words after the refused address, and works without the enhanced code', () => {
    expect(at('SMTP Error: The following recipients failed: bob@example.net: <bob@example.net>: Recipient address rejected: Access denied SMTP code: 554'))
      .toBe('554 <bob@example.net>: Recipient address rejected: Access denied');
  });

  it('leaves other texts alone', () => {
    expect(at('host mx.example.net said: 550 5.1.1 no such user')).toBeUndefined();
    expect(at('SMTP code: 550')).toBeUndefined();
  });
});

describe(".NET's SmtpException message", () => {
  it('turns the sentence for the code back into the code', () => {
    expect(dotnetReply('System.Net.Mail.SmtpException: Service not available, closing transmission channel. The server response was: 4.7.0 Try again later, closing connection. (MAIL) a1si1 - gsmtp'))
      .toEqual({ variant: '421 4.7.0 Try again later, closing connection. (MAIL) a1si1 - gsmtp', reply: { code: 421, enhanced: '4.7.0', index: 83, sep: ' ' } });
    expect(dotnetReply('SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.0 Authentication Required.')?.variant)
      .toBe('530 5.7.0 Authentication Required.');
    expect(dotnetReply('Service not available, closing transmission channel. The server response was: Too many concurrent SMTP connections; please try again later.')?.variant)
      .toBe('421 Too many concurrent SMTP connections; please try again later.');
  });

  it('reads "Mailbox unavailable." as 450 or 550 from the enhanced code, and not at all without one', () => {
    expect(dotnetReply('Mailbox unavailable. The server response was: 5.7.1 Unable to relay')?.variant).toBe('550 5.7.1 Unable to relay');
    expect(dotnetReply('Mailbox unavailable. The server response was: 4.2.1 Try later')?.variant).toBe('450 4.2.1 Try later');
    expect(dotnetReply('Mailbox unavailable. The server response was: Unable to relay')).toBeUndefined();
  });

  it('leaves other texts alone', () => {
    expect(dotnetReply('The server response was: 5.7.1 no sentence before it')).toBeUndefined();
    expect(dotnetReply('Service not available, closing transmission channel.')).toBeUndefined();
  });
});

describe('numbers in key=value log fields', () => {
  it('are not replies when the key is a size, a delay or a count', () => {
    expect(findReply('action=pass, reason=triplet found, delay=446, client_name=a.example')).toBeUndefined();
    expect(findReply('from=<a@example.com>, size=452, nrcpt=1 (queue active)')).toBeUndefined();
  });
  it('still are after other keys', () => {
    expect(findReply('Invalid greeting. response=421 4.7.0 Try again later')?.code).toBe(421);
  });
});

describe('durations', () => {
  it('are not replies', () => {
    expect(findReply('queued_as: 0F1E2D3C4B, size: 512774, 410 ms')).toBeUndefined();
    expect(findReply('retry in: 450 s')).toBeUndefined();
  });
  it('do not hide a reply whose text starts with an s-word', () => {
    expect(findReply('said: 450 service unavailable')?.code).toBe(450);
  });
});
