// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../products.ts';
import { snippetGenerator } from '../registry.ts';
import type { Lang, Snippet, SnippetParams } from '../types.ts';

function gen(product: ProductId, version?: string, params: SnippetParams = {}, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator('mail-loop-check');
  if (!g) throw new Error('mail-loop-check is not registered');
  return g.generate({ product, version, params, lang });
}

const code = (s: readonly Snippet[]): string => s.map((x) => x.code).join('\n');
const notes = (s: readonly Snippet[]): string => s.flatMap((x) => x.notes.map((n) => n.en)).join('\n');

describe('mail-loop-check', () => {
  it('is offered for Postfix, Exim and Sendmail only', () => {
    expect(snippetGenerator('mail-loop-check')?.products).toEqual(['postfix', 'exim', 'sendmail']);
    expect(gen('microsoft365')).toEqual([]);
  });

  it('Postfix: domain classes, own addresses, MX, routing test and proxy_interfaces with placeholders', () => {
    const c = code(gen('postfix', '3.8'));
    expect(c).toContain('postconf mydestination virtual_alias_domains virtual_mailbox_domains relay_domains transport_maps best_mx_transport');
    expect(c).toContain("dig +short MX '<looping-domain>'");
    expect(c).toContain('postconf inet_interfaces proxy_interfaces');
    expect(c).toContain("sendmail -bv 'postmaster@<looping-domain>'");
    expect(c).toContain("postconf -e 'proxy_interfaces=<public-ip>'");
    expect(c).toContain('postconf hopcount_limit');
    expect(c).toContain('postfix reload');
    // no invented address
    expect(c).not.toMatch(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/);
  });

  it('Postfix: every parameter exists in the oldest offered version, so nothing is left out', () => {
    const s = gen('postfix', '2.11');
    expect(code(s)).toContain("postconf -e 'proxy_interfaces=<public-ip>'");
    expect(notes(s)).not.toMatch(/needs Postfix/);
  });

  it('Postfix: an unknown version gets the unknown-version note', () => {
    expect(notes(gen('postfix'))).toMatch(/No Postfix version was given/);
  });

  it('Exim: routing test, hosts_treat_as_local and a check of received_headers_max', () => {
    const s = gen('exim', '4.96');
    expect(s.map((x) => x.language)).toEqual(['shell', 'exim', 'shell']);
    const c = code(s);
    expect(c).toContain("exim -bt 'postmaster@<looping-domain>'");
    expect(c).toContain('hosts_treat_as_local = <public-ip>');
    expect(c).toContain('exim -bP hosts_treat_as_local received_headers_max');
  });

  it('Sendmail: class w, address resolution and local-host-names', () => {
    const c = code(gen('sendmail', '8.17'));
    expect(c).toContain("echo '$=w' | sendmail -bt");
    expect(c).toContain("echo '3,0 postmaster@<looping-domain>' | sendmail -bt");
    expect(c).toContain("echo '<looping-domain>' >> /etc/mail/local-host-names");
  });

  it('comments are Chinese in zh', () => {
    for (const p of ['postfix', 'exim', 'sendmail'] as const) {
      expect(code(gen(p, undefined, {}, 'zh'))).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
