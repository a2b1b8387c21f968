// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../products.ts';
import { snippetGenerator } from '../registry.ts';
import type { Lang, Snippet, SnippetParams } from '../types.ts';

function gen(product: ProductId, version?: string, params: SnippetParams = {}, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator('deferred-destination-check');
  if (!g) throw new Error('deferred-destination-check is not registered');
  return g.generate({ product, version, params, lang });
}

const code = (s: readonly Snippet[]): string => s.map((x) => x.code).join('\n');
const notes = (s: readonly Snippet[]): string => s.flatMap((x) => x.notes.map((n) => n.en)).join('\n');

describe('deferred-destination-check', () => {
  it('is offered for Postfix, Exim and Sendmail only', () => {
    expect(snippetGenerator('deferred-destination-check')?.products).toEqual(['postfix', 'exim', 'sendmail']);
    expect(gen('ses')).toEqual([]);
  });

  it('Postfix: suspension settings, the first non-suspended failure and a single retry, with placeholders', () => {
    const c = code(gen('postfix', '3.8'));
    expect(c).toContain('postconf minimal_backoff_time default_destination_concurrency_failed_cohort_limit');
    expect(c).toContain("grep -v 'temporarily suspended'");
    expect(c).toContain('<destination-domain>');
    expect(c).toContain("postqueue -i '<queue-id>'");
    expect(c).not.toContain('postqueue -f');
    expect(c).not.toMatch(/example\.(com|net|org)/);
  });

  it('Postfix: postqueue -j from 3.1, postqueue -p with a note before', () => {
    expect(code(gen('postfix', '3.4'))).toContain('postqueue -j |');
    const old = gen('postfix', '2.11');
    expect(code(old)).not.toContain('postqueue -j |');
    expect(code(old)).toContain('postqueue -p');
    expect(notes(old)).toContain('postqueue -j needs Postfix 3.1');
  });

  it('Exim: queue summary, exinext and a single verbose delivery', () => {
    const c = code(gen('exim', '4.96'));
    expect(c).toContain('exiqsumm');
    expect(c).toContain("exinext '<destination-domain>'");
    expect(c).toContain("exim -v -M '<message-id>'");
  });

  it('Sendmail: mailq and a queue run for the destination only', () => {
    const c = code(gen('sendmail', '8.17'));
    expect(c).toContain('mailq');
    expect(c).toContain("sendmail -v -qR'<destination-domain>'");
  });

  it('comments are Chinese in zh', () => {
    for (const p of ['postfix', 'exim', 'sendmail'] as const) {
      expect(code(gen(p, undefined, {}, 'zh'))).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
