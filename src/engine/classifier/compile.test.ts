// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { examplesOf } from '@/testing/examples-of.ts';
import { fixtureKb } from '@/testing/fixtures/classifier/fixture-kb.ts';
import { candidatesForCode, compileKb, markLiterals, requiredLiteral } from './compile.ts';

describe('requiredLiteral', () => {
  it.each([
    ['warning: Connection concurrency limit exceeded: (?<n>\\d+) from', '', 'warning: Connection concurrency limit exceeded: '],
    ['\\b421[ -]4\\.7\\.0 Try again later', '', '4.7.0 Try again later'],
    ['\\[TSS04\\] Messages from (?<ip>\\S+)', '', '[TSS04] Messages from '],
    ['Service not available,? closing transmission channel', 'i', ' closing transmission channel'],
    ['abcd?e', '', 'abc'],
    ['abc+de', '', 'abc'],
    ['abc{0,3}defg', '', 'defg'],
    ['ab(?:cdef)?gh', '', undefined],
    ['xyz{2}w', '', 'xyz'],
    ['(?:foo|bar)bazz', '', 'bazz'],
    ['foo|barbaz', '', undefined],
    ['[abc]+defg', '', 'defg'],
    ['\\x41BCD', '', 'BCD'],
    ['\\u0041BCDE', '', 'BCDE'],
    ['(?<x>a)\\k<x>bcd', '', 'bcd'],
    ['ab\\dcd', '', undefined],
    ['Éclair tart', 'i', 'clair tart'],
    ['Service', 'iu', undefined],
    ['a{b}cd', '', 'a{b}cd'],
    ['(?:aligned(?:\\s|\\\\n)(?:421-4\\.\\d\\.\\d{1,2}\\s)?with)', '', 'aligned'],
    ['(?:abcd', '', undefined],
    ['(?<host>abcd)ef', '', 'abcd'],
    ['(?:abcd)+x', '', 'abcd'],
    ['(?:abcd)*x', '', undefined],
    ['(?:abcd){0,2}x', '', undefined],
    ['(?=abcd)xy', '', undefined],
    ['(?<!abcd)xy', '', undefined],
    ['x(abc|de)y', '', undefined],
    ['(?:x(?:abcde|f)yz)', '', undefined],
    ['(?:x(?:abcde)yz)', '', 'abcde'],
  ])('%s /%s → %s', (pattern, flags, literal) => {
    expect(requiredLiteral(pattern, flags)).toBe(literal === undefined ? undefined : flags.includes('i') ? literal.toLowerCase() : literal);
  });

  it('the literal index finds every fixture signature in its examples (the pre-filter never hides a match)', () => {
    const compiled = compileKb(fixtureKb());
    expect(compiled.invalid).toEqual([]);
    const stamp = new Uint32Array(compiled.signatures.length);
    let gen = 0;
    for (const cs of compiled.signatures) {
      for (const ex of examplesOf(fixtureKb(), cs)) {
        gen++;
        markLiterals(compiled, ex, stamp, gen);
        expect(cs.literal === undefined || stamp[cs.index] === gen, `${cs.sig.id}: ${ex}`).toBe(true);
        // And in any case variant of it, for a caseless signature.
        gen++;
        markLiterals(compiled, ex.toUpperCase(), stamp, gen);
        if (cs.caseless) expect(stamp[cs.index], `${cs.sig.id} upper-cased`).toBe(gen);
      }
    }
    expect(compiled.signatures.filter((c) => c.literal !== undefined).length).toBeGreaterThan(10);
  });

  it('the literal index marks only signatures whose literal occurs', () => {
    const compiled = compileKb(fixtureKb());
    const stamp = new Uint32Array(compiled.signatures.length);
    markLiterals(compiled, 'xx [TSS04] Messages from 203.0.113.5 temporarily deferred due to unexpected volume or user complaints yy', stamp, 1);
    const marked = compiled.signatures.filter((cs) => stamp[cs.index] === 1).map((cs) => cs.sig.id);
    expect(marked).toEqual(['yahoo-tss04']);
    markLiterals(compiled, '', stamp, 2);
    markLiterals(compiled, 'S', stamp, 2);
    expect(compiled.signatures.filter((cs) => stamp[cs.index] === 2)).toEqual([]);
  });

  it('is compiled once per knowledge base', () => {
    const kb = fixtureKb();
    expect(compileKb(kb)).toBe(compileKb(kb));
  });
});

describe('candidatesForCode', () => {
  const ce = compileKb(fixtureKb()).entries[0];
  if (!ce) throw new Error('no entry');

  it('lists causes whose texts use the code, in knowledge-base order', () => {
    expect(candidatesForCode(ce, 454, undefined, undefined)).toEqual(['ses-throttle']);
    expect(candidatesForCode(ce, 599, undefined, undefined)).toEqual([]);
  });

  it('restricts to the hinted emitter when it has texts with that code', () => {
    expect(candidatesForCode(ce, 421, undefined, 'yahoo')).toEqual(['yahoo-max-messages']);
    expect(candidatesForCode(ce, 421, '4.7.0', 'yahoo')).toEqual(['yahoo-tss04']);
    expect(candidatesForCode(ce, 421, undefined, 'jakarta-mail')).toContain('generic-limit');
  });

  it('narrows by enhanced code', () => {
    expect(candidatesForCode(ce, 421, '4.3.2', undefined)).toEqual(['exchange-per-source', 'generic-shutdown', 'generic-limit', 'postfix-sender-deferred', 'sendmail-rate']);
    expect(candidatesForCode(ce, 421, undefined, undefined)).toEqual(['yahoo-max-messages', 'generic-shutdown', 'generic-limit', 'postfix-sender-deferred', 'exim-per-host']);
  });
});

describe('findings from a bare reply code', () => {
  it('prefer the entry the code is typical of, and fewer causes, in their confidence', async () => {
    const { codeConfidence } = await import('./rank.ts');
    expect(codeConfidence(1)).toBe(0.2);
    expect(codeConfidence(4)).toBeLessThan(codeConfidence(1));
    expect(codeConfidence(4, 1)).toBeGreaterThan(codeConfidence(1, 0.1));
    expect(codeConfidence(0)).toBe(0.05);
    expect(codeConfidence(100, 0)).toBe(0.05);
  });
});
