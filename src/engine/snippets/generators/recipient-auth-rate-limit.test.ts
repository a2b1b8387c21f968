// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../products.ts';
import { snippetGenerator } from '../registry.ts';
import type { Lang, Snippet, SnippetParams } from '../types.ts';

function gen(product: ProductId, version?: string, params: SnippetParams = {}, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator('recipient-auth-rate-limit');
  if (!g) throw new Error('recipient-auth-rate-limit is not registered');
  return g.generate({ product, version, params, lang });
}

const code = (s: readonly Snippet[]): string => s.map((x) => x.code).join('\n');
const notes = (s: readonly Snippet[]): string => s.flatMap((x) => x.notes.map((n) => n.en)).join('\n');

describe('recipient-auth-rate-limit', () => {
  it('is offered for Postfix and Exim only', () => {
    expect(snippetGenerator('recipient-auth-rate-limit')?.products).toEqual(['postfix', 'exim']);
    expect(gen('gmail')).toEqual([]);
    expect(gen('sendmail', '8.17')).toEqual([]);
  });

  it('Postfix 3.8: recipient and AUTH limits, the exemption and the IPv6 prefix, with placeholders', () => {
    const c = code(gen('postfix', '3.8'));
    expect(c).toContain("postconf -e 'smtpd_client_recipient_rate_limit=<new-limit>'");
    expect(c).toContain("postconf -e 'smtpd_client_auth_rate_limit=<new-limit>'");
    expect(c).toContain("postconf -e 'smtpd_client_event_limit_exceptions=$mynetworks <client-ip>'");
    expect(c).toContain("postconf -e 'smtpd_client_ipv6_prefix_length=<prefix-length>'");
    expect(c).toContain('postfix reload');
  });

  it('Postfix 3.0: no AUTH limit (3.1+) and no prefix length (3.8+), and a note says why', () => {
    const s = gen('postfix', '3.0');
    const c = code(s);
    expect(c).toContain('smtpd_client_recipient_rate_limit=<new-limit>');
    expect(c).not.toContain('smtpd_client_auth_rate_limit=');
    expect(c).not.toContain('smtpd_client_ipv6_prefix_length');
    expect(notes(s)).toMatch(/smtpd_client_auth_rate_limit[\s\S]*3\.1/);
  });

  it('Postfix: fills the client IP (IPv6 in brackets) and the logged limit', () => {
    const c = code(gen('postfix', '3.7', { ip: '2001:db8::25', limit: '100' }));
    expect(c).toContain('$mynetworks [2001:db8::25]');
    expect(c).toContain('100');
  });

  it('Exim: a per_rcpt defer for the RCPT ACL, without a bare accept, and a check', () => {
    const s = gen('exim', '4.96', { ip: '192.0.2.10' });
    expect(s.map((x) => x.language)).toEqual(['exim', 'shell']);
    const c = code(s);
    expect(c).toContain('defer   ratelimit   = <new-limit> / 1h / per_rcpt');
    expect(c).toContain('192.0.2.10');
    expect(c).not.toMatch(/^\s*accept\s*$/m);
    expect(c).toContain("exim -bh '192.0.2.10'");
  });

  it('comments are Chinese in zh', () => {
    expect(code(gen('postfix', '3.8', {}, 'zh'))).toMatch(/[\u4e00-\u9fff]/);
    expect(code(gen('exim', '4.96', {}, 'zh'))).toMatch(/[\u4e00-\u9fff]/);
  });
});
