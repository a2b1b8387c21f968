// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fixtureText } from '@/testing/fixtures/classifier/read.ts';
import { BINARY_SAMPLE, checkInput, MAX_INPUT_BYTES, utf8Length } from './input.ts';

describe('checkInput', () => {
  it('accepts text, including CRLF, tabs, ANSI colours and Chinese', () => {
    expect(checkInput(fixtureText('swaks-gmail.txt'))).toMatchObject({ ok: true });
    expect(checkInput('a\r\nb\tc \u001b[31mred\u001b[0m 服务不可用')).toEqual({ ok: true, bytes: 35 });
    expect(checkInput('')).toEqual({ ok: true, bytes: 0 });
  });

  it('refuses NUL bytes anywhere', () => {
    expect(checkInput(`${'a'.repeat(BINARY_SAMPLE * 2)}\u0000`)).toEqual({ ok: false, code: 'INPUT_BINARY' });
  });

  it('refuses text that is mostly control characters or replacement characters', () => {
    const junk = Array.from({ length: 1000 }, (_, i) => String.fromCharCode(1 + (i % 8))).join('');
    expect(checkInput(junk)).toEqual({ ok: false, code: 'INPUT_BINARY' });
    expect(checkInput('\ufffd\ufffd\ufffdPNG\ufffd\ufffd')).toEqual({ ok: false, code: 'INPUT_BINARY' });
    expect(checkInput(`${'x'.repeat(90)}${'\u0002'.repeat(10)}`)).toMatchObject({ ok: true });
  });

  it('refuses more than 2 MiB of UTF-8, counting bytes not characters', () => {
    expect(MAX_INPUT_BYTES).toBe(2 * 1024 * 1024);
    expect(checkInput('a'.repeat(MAX_INPUT_BYTES))).toEqual({ ok: true, bytes: MAX_INPUT_BYTES });
    expect(checkInput('a'.repeat(MAX_INPUT_BYTES + 1))).toEqual({ ok: false, code: 'INPUT_TOO_LARGE', limit: MAX_INPUT_BYTES });
    const chinese = '服'.repeat(Math.floor(MAX_INPUT_BYTES / 3) + 1);
    expect(chinese.length).toBeLessThan(MAX_INPUT_BYTES);
    expect(checkInput(chinese)).toEqual({ ok: false, code: 'INPUT_TOO_LARGE', limit: MAX_INPUT_BYTES });
  });

  it('takes another limit', () => {
    expect(checkInput('abcdef', 5)).toEqual({ ok: false, code: 'INPUT_TOO_LARGE', limit: 5 });
  });
});

describe('utf8Length', () => {
  it.each([['', 0], ['abc', 3], ['é', 2], ['服', 3], ['😀', 4], ['\ud800', 3]])('%s', (s, n) => {
    expect(utf8Length(s)).toBe(n);
  });
});
