// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadKbOrThrow } from '@/engine/index.ts';
import { summarizeKb } from '@/engine/kb/summary.ts';
import { miniEntry } from '@/testing/fixtures/mini-entry.ts';
import { queryTerms, searchEntries } from './search.ts';

function kb() {
  const a = miniEntry();
  const base = miniEntry();
  const causes = (base.causes as Array<Record<string, unknown>>).map((c) => ({
    ...c,
    emitters: [{ product: 'gmail', texts: [{ reply: '550 5.1.1 The email account that you tried to reach does not exist', code: 550, enhanced: '5.1.1', sources: ['s1'] }] }],
  }));
  const b = { ...base, id: 'test/other', codes: [550], enhanced: ['5.1.1'], title: { en: 'User unknown', zh: '收件人不存在' }, summary: { en: 'No such user', zh: '没有这个用户' }, reason: 'userunknown', causes };
  return summarizeKb(loadKbOrThrow([a, b]));
}

describe('searchEntries', () => {
  it('lists everything for an empty query', () => {
    expect(searchEntries(kb(), '').map((h) => h.entry.id)).toEqual(['test/mini', 'test/other']);
  });
  it('finds by reply code and by enhanced code', () => {
    expect(searchEntries(kb(), '550').map((h) => h.entry.id)).toEqual(['test/other']);
    expect(searchEntries(kb(), '4.7.0').map((h) => h.entry.id)).toEqual(['test/mini']);
  });
  it('finds by words in either language, by product and by reason', () => {
    expect(searchEntries(kb(), '收件人').map((h) => h.entry.id)).toEqual(['test/other']);
    expect(searchEntries(kb(), 'does not exist').map((h) => h.entry.id)).toEqual(['test/other']);
    expect(searchEntries(kb(), '"too many connections" 421').map((h) => h.entry.id)).toEqual(['test/mini']);
    expect(searchEntries(kb(), 'gmail').map((h) => h.entry.id)).toEqual(['test/other']);
    expect(searchEntries(kb(), 'userunknown').map((h) => h.entry.id)).toEqual(['test/other']);
  });
  it('requires every term', () => {
    expect(searchEntries(kb(), '421 收件人')).toEqual([]);
  });
  it('keeps quoted phrases whole', () => {
    expect(queryTerms('421 "Service not available" x')).toEqual(['421', 'service not available', 'x']);
  });
});

describe('ranking words', () => {
  it("puts an entry whose title has the word before one that only mentions it in a cause's title", () => {
    const a = miniEntry();
    const causes = (a.causes as Array<Record<string, unknown>>).map((c, i) => (i === 0 ? { ...c, title: { en: 'User unknown at the relay', zh: '中继处用户不存在' } } : c));
    // The id sorts first, so only the weighting can put test/other ahead.
    const early = { ...a, id: 'test/aaa', title: { en: 'Early', zh: '早' }, causes };
    const b = { ...a, id: 'test/other', title: { en: 'User unknown', zh: '收件人不存在' } };
    const index = summarizeKb(loadKbOrThrow([early, b]));
    expect(searchEntries(index, 'unknown').map((h) => h.entry.id)).toEqual(['test/other', 'test/aaa']);
  });
});
