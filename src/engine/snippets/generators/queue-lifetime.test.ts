// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../products.ts';
import { snippetGenerator } from '../registry.ts';
import type { Lang, Snippet, SnippetParams } from '../types.ts';

function gen(product: ProductId, version?: string, params: SnippetParams = {}, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator('queue-lifetime');
  if (!g) throw new Error('queue-lifetime is not registered');
  return g.generate({ product, version, params, lang });
}

const code = (s: readonly Snippet[]): string => s.map((x) => x.code).join('\n');
const notes = (s: readonly Snippet[]): string => s.flatMap((x) => x.notes.map((n) => n.en)).join('\n');

describe('queue-lifetime', () => {
  it('is offered for Postfix, Exim and Sendmail only', () => {
    expect(snippetGenerator('queue-lifetime')?.products).toEqual(['postfix', 'exim', 'sendmail']);
    expect(gen('exchange', '2019')).toEqual([]);
    expect(gen('gmail')).toEqual([]);
  });

  it('Postfix: shows the lifetime and pacing, sets them with placeholders', () => {
    const c = code(gen('postfix', '3.7'));
    expect(c).toContain('postconf maximal_queue_lifetime bounce_queue_lifetime delay_warning_time minimal_backoff_time maximal_backoff_time queue_run_delay');
    expect(c).toContain("postconf -e 'maximal_queue_lifetime=<queue-lifetime>'");
    expect(c).toContain("postconf -e 'delay_warning_time=<warning-delay>'");
    expect(c).toContain('postfix reload');
    // no invented value on a command line
    expect(c.split('\n').filter((l) => l.startsWith('postconf -e')).join('\n')).not.toMatch(/=\d/);
  });

  it('Postfix: uses postqueue -j from 3.1 and falls back to postqueue -p before, with a note', () => {
    const modern = gen('postfix', '3.8');
    expect(code(modern)).toContain('postqueue -j');
    expect(notes(modern)).not.toContain('postqueue -j');
    const old = gen('postfix', '2.11');
    expect(code(old)).not.toContain('postqueue -j |');
    expect(code(old)).toContain('postqueue -p');
    expect(notes(old)).toContain('postqueue -j needs Postfix 3.1');
  });

  it('Postfix: an unknown version is gated as the oldest offered one', () => {
    const s = gen('postfix');
    expect(code(s)).toContain('postqueue -p');
    expect(notes(s)).toMatch(/unknown/i);
  });

  it('Exim: the default retry rule, delay_warning and a check', () => {
    const s = gen('exim', '4.96');
    expect(s.map((x) => x.language)).toEqual(['exim', 'shell']);
    const c = code(s);
    expect(c).toContain('F,2h,15m; G,16h,1h,1.5; F,4d,6h');
    expect(c).toContain('delay_warning = <warning-delay>');
    expect(c).toContain('exim -bP delay_warning');
    expect(c).toContain("exinext '<destination-domain>'");
  });

  it('Sendmail: Timeout.queuereturn / queuewarn macros and the rebuild', () => {
    const c = code(gen('sendmail', '8.17'));
    expect(c).toContain("define(`confTO_QUEUERETURN', `<queue-lifetime>')dnl");
    expect(c).toContain("define(`confTO_QUEUEWARN', `<warning-delay>')dnl");
    expect(c).toContain('m4 sendmail.mc > sendmail.cf');
  });

  it('comments are Chinese in zh', () => {
    for (const p of ['postfix', 'exim', 'sendmail'] as const) {
      expect(code(gen(p, undefined, {}, 'zh'))).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
