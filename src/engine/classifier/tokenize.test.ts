// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { forEachLogicalLine, logicalLines, MAX_LOGICAL_LENGTH, stripMarker } from './tokenize.ts';

const texts = (text: string): string[] => logicalLines(text).map((l) => l.text);

describe('stripMarker', () => {
  it.each([
    ['<-  220 mx ESMTP', '220 mx ESMTP', 'server', 'swaks'],
    [' -> EHLO a', 'EHLO a', 'client', 'swaks'],
    ['<~  250 ok', '250 ok', 'server', 'swaks'],
    [' ~> QUIT', 'QUIT', 'client', 'swaks'],
    ['<** 421 4.7.0 x', '421 4.7.0 x', 'server', 'swaks'],
    ['<<< 421 4.3.2 x', '421 4.3.2 x', 'server', 'transcript'],
    ['>>> DATA', 'DATA', 'client', 'transcript'],
    ['S: 421 x', '421 x', 'server', 'prefix'],
    ['C: MAIL FROM:<a@example.com>', 'MAIL FROM:<a@example.com>', 'client', 'prefix'],
    ['2025-03-03 10:12:01\tSERVER -> CLIENT: 421 x', '421 x', 'server', 'phpmailer'],
    ['2025-03-03 10:12:01\tCLIENT -> SERVER: EHLO a', 'EHLO a', 'client', 'phpmailer'],
    ["reply: b'421-4.7.0 x\\r\\n'", '421-4.7.0 x', 'server', 'python-debug'],
    ["10:12:01.123456 send: 'mail FROM:<a@example.com>\\r\\n'", 'mail FROM:<a@example.com>', 'client', 'python-debug'],
  ])('%s', (raw, body, dir, marker) => {
    expect(stripMarker(raw)).toEqual({ body, dir, marker });
  });

  it('leaves other lines alone', () => {
    expect(stripMarker('Subject: x')).toEqual({ body: 'Subject: x', dir: undefined, marker: undefined });
    expect(stripMarker('-> not a marker? yes it is')).toMatchObject({ dir: 'client' });
    expect(stripMarker('->x')).toMatchObject({ dir: undefined });
    expect(stripMarker("reply: retcode (421); Msg: b'x'")).toMatchObject({ dir: 'meta' });
  });
});

describe('logical lines', () => {
  it('counts physical lines, ignores a final newline, skips blank lines', () => {
    expect(forEachLogicalLine('', () => undefined)).toBe(0);
    expect(forEachLogicalLine('a\n', () => undefined)).toBe(1);
    expect(forEachLogicalLine('a\n\nb', () => undefined)).toBe(3);
    expect(logicalLines('a\n\nb').map((l) => l.line)).toEqual([1, 3]);
  });

  it('accepts CRLF and bare CR line endings', () => {
    expect(texts('a\r\nb\r\n')).toEqual(['a', 'b']);
    expect(texts('a\rb')).toEqual(['a', 'b']);
  });

  it('joins a multi-line reply and records first and last line', () => {
    const [l] = logicalLines('421-4.7.0 a\n421-4.7.0 b\n421 4.7.0 c\n250 next');
    expect(l).toMatchObject({ text: '421 4.7.0 a b c', line: 1, lastLine: 3, reply: { code: 421, enhanced: '4.7.0', sep: ' ' } });
    expect(texts('421-4.7.0 a\n421-4.7.0 b\n421 4.7.0 c\n250 next')).toEqual(['421 4.7.0 a b c', '250 next']);
  });

  it('a multi-line reply cut short is flushed as it is', () => {
    expect(texts('421-4.7.0 a\nsomething else')).toEqual(['421 4.7.0 a', 'something else']);
  });

  it('does not join a different code', () => {
    expect(texts('250-a\n421 b')).toEqual(['250 a', '421 b']);
  });

  it('folds DSN header continuations, not stack frames', () => {
    expect(texts('Diagnostic-Code: smtp; 421 4.7.0 a\n    b\n\tc\nStatus: 4.7.0')).toEqual(['Diagnostic-Code: smtp; 421 4.7.0 a b c', 'Status: 4.7.0']);
    expect(texts('Error: Mail command failed: 421 x\n    at SMTPConnection._formatError (index.js:1:1)')).toEqual([
      'Error: Mail command failed: 421 x',
      '    at SMTPConnection._formatError (index.js:1:1)',
    ]);
  });

  it('folds the indented lines of a Postfix bounce', () => {
    expect(texts('<a@example.net>: host mx[198.51.100.7] said: 421\n    4.7.0 busy (in reply to RCPT TO command)')).toEqual([
      '<a@example.net>: host mx[198.51.100.7] said: 421 4.7.0 busy (in reply to RCPT TO command)',
    ]);
  });

  it('joins the reply an Exim bounce puts under its "SMTP error" line', () => {
    expect(texts('  SMTP error from remote mail server after RCPT TO:<a@example.net>:\n  421 4.7.0 busy')).toEqual([
      '  SMTP error from remote mail server after RCPT TO:<a@example.net>: 421 4.7.0 busy',
    ]);
  });

  it('client lines carry no reply', () => {
    const [l] = logicalLines(' -> 421 4.7.0 looks like a reply');
    expect(l).toMatchObject({ dir: 'client', reply: undefined });
  });

  it('a pathological multi-line reply is cut into bounded logical lines', () => {
    const many = Array.from({ length: 20000 }, () => '250-xxxxxxxxxx').join('\n');
    const lines = logicalLines(many);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.text.length).toBeLessThanOrEqual(MAX_LOGICAL_LENGTH);
  });
});
