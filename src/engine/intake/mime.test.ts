// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binaryToBytes, bytesToBinary, decodeBase64, decodeEncodedWords, decodeQuotedPrintable, htmlToText, parseContentType,
  parseHeaderBlock, parseMessage, partText, utf8Binary, walkParts, type CharsetDecoder, type MimePart,
} from './mime.ts';
import { splitMbox } from './mbox.ts';

const decoder: CharsetDecoder = {
  decode(bytes, charset) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch (err) {
      return err instanceof RangeError ? undefined : undefined;
    }
  },
};

const bin = (s: string) => utf8Binary(s);

describe('transfer encodings', () => {
  it('decodes base64 leniently', () => {
    expect(decodeBase64('SGVs\r\nbG8=').bytes).toBe('Hello');
    expect(decodeBase64('SGVsbG8').bytes).toBe('Hello');
    const broken = decodeBase64('SGV*sbG8=');
    expect(broken.bytes).toBe('Hello');
    expect(broken.clean).toBe(false);
  });

  it('decodes quoted-printable with soft breaks and keeps bad escapes', () => {
    expect(decodeQuotedPrintable('caf=C3=A9 =\r\nnoir').bytes).toBe('caf\u00c3\u00a9 noir');
    const r = decodeQuotedPrintable('a=ZZb=');
    expect(r.bytes).toBe('a=ZZb');
    expect(r.clean).toBe(false);
  });
});

describe('headers', () => {
  it('unfolds continuation lines', () => {
    const h = parseHeaderBlock('Subject: one\r\n two\r\nX-A:b\r\n');
    expect(h).toEqual([{ name: 'subject', value: 'one two' }, { name: 'x-a', value: 'b' }]);
  });

  it('decodes RFC 2047 B and Q words in any charset, joining adjacent words', () => {
    const gb = bytesToBinary(Uint8Array.from([0xcf, 0xb5, 0xcd, 0xb3]));
    const b64 = btoa(gb);
    expect(decodeEncodedWords(`=?gb2312?B?${b64}?= =?UTF-8?Q?_ok=E2=9C=93?=`, decoder)).toBe('系统 ok✓');
    expect(decodeEncodedWords('plain =?iso-8859-1?q?caf=E9?= end', decoder)).toBe('plain café end');
    expect(decodeEncodedWords('=?x-unknown?B?SGk=?=', decoder)).toBe('Hi');
  });

  it('parses Content-Type parameters', () => {
    expect(parseContentType('Multipart/Report; report-type=delivery-status;\tboundary="a b;c"')).toEqual({
      mime: 'multipart/report', params: { 'report-type': 'delivery-status', boundary: 'a b;c' },
    });
    expect(parseContentType("text/plain; charset*=utf-8''gb2312").params.charset).toBe('gb2312');
    expect(parseContentType('garbage').mime).toBe('text/plain');
    expect(parseContentType('multipart/mixed; boundary*0="abc"; boundary*1="def"').params.boundary).toBe('abcdef');
  });
});

describe('parseMessage', () => {
  it('reads nested multiparts with preamble and epilogue', () => {
    const msg = bin([
      'From: a@example.com', 'Content-Type: multipart/mixed; boundary=outer', '', 'preamble', '--outer',
      'Content-Type: multipart/alternative; boundary="inner"', '', '--inner', 'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64', '', btoa(bin('你好')), '--inner--', '--outer', 'Content-Type: text/plain', '', 'second', '--outer--', 'epilogue',
    ].join('\r\n'));
    const p = parseMessage(msg);
    expect(p.problems).toEqual([]);
    const leaves: MimePart[] = [];
    walkParts(p.root, (x) => { if (x.parts.length === 0) leaves.push(x); });
    expect(leaves.map((x) => partText(x, decoder))).toEqual(['你好', 'second']);
  });

  it('decodes an ISO-8859-1 quoted-printable body', () => {
    const latin = parseMessage('Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable\n\nEmpf=E4nger unbekannt: m=FCller@example.de\n');
    expect(partText(latin.root, decoder)).toBe('Empfänger unbekannt: müller@example.de\n');
  });

  it('falls back to UTF-8 for an unknown charset and says so', () => {
    const p = parseMessage(`Content-Type: text/plain; charset=x-nonsense\n\n${bin('héllo')}`);
    const problems: string[] = [];
    expect(partText(p.root, decoder, problems as never)).toBe('héllo');
    expect(problems).toEqual(['unknown-charset']);
  });

  it('tolerates a missing final boundary and reports it', () => {
    const p = parseMessage('Content-Type: multipart/mixed; boundary=b\n\n--b\n\nfirst\n--b\n\nsecond, cut');
    expect(p.root.parts.map((x) => x.body)).toEqual(['first', 'second, cut']);
    expect(p.problems).toContain('missing-final-boundary');
  });

  it('caps the size', () => {
    const p = parseMessage(`Subject: x\n\n${'a'.repeat(100)}`, { maxBytes: 50, maxDepth: 4, maxParts: 10 });
    expect(p.problems).toContain('too-large');
  });

  it('caps the nesting depth', () => {
    let m = 'text';
    for (let i = 0; i < 30; i++) m = `Content-Type: multipart/mixed; boundary=b${i}\n\n--b${i}\n${m}\n--b${i}--\n`;
    const p = parseMessage(m);
    expect(p.problems).toContain('too-deep');
  });
});

describe('helpers', () => {
  it('round-trips bytes and binary strings', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_v, i) => i);
    expect(binaryToBytes(bytesToBinary(bytes))).toEqual(bytes);
  });

  it('flattens HTML', () => {
    expect(htmlToText('<style>p{}</style><p>a&amp;b</p><p>c<br>d</p>')).toBe(' a&b\n\nc\nd\n\n');
  });

  it('splits an mbox and unquotes >From', () => {
    const m = 'From a@b Mon Mar  3 10:00:00 2025\nSubject: 1\n\nbody\n>From here\n\nFrom c@d Mon Mar  3 11:00:00 2025\nSubject: 2\n\nx\n';
    const parts = splitMbox(m);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toContain('\nFrom here\n');
    expect(parts[1]).toBe('Subject: 2\n\nx\n');
  });
});

describe('properties', () => {
  it('never throws and terminates on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
      const p = parseMessage(bytesToBinary(bytes));
      expect(Array.isArray(p.problems)).toBe(true);
    }), { numRuns: 300 });
  });

  it('never throws on MIME-shaped strings', () => {
    const piece = fc.constantFrom(
      'Content-Type: multipart/mixed; boundary=x\n', 'Content-Type: message/rfc822\n', '--x\n', '--x--\n', '\n', 'Content-Transfer-Encoding: base64\n',
      'Content-Transfer-Encoding: quoted-printable\n', '=?utf-8?B?5L2g?=', '=\n', '=ZZ', 'Content-Type: text/plain; charset=gb2312\n', 'a: b\n', ' folded\n',
      '<style>', '<p>', '\r\n',
    );
    fc.assert(fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 20 })), { maxLength: 80 }), (pieces) => {
      const s = pieces.join('');
      const p = parseMessage(utf8Binary(s));
      walkParts(p.root, (x) => { partText(x, decoder); });
      decodeEncodedWords(utf8Binary(s), decoder);
      htmlToText(s);
      splitMbox(s);
    }), { numRuns: 500 });
  });

  it('is fast on a pathological HTML body', () => {
    const t0 = performance.now();
    htmlToText('<script '.repeat(60000));
    htmlToText('<'.repeat(200000));
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
