// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../products.ts';
import { snippetGenerator } from '../registry.ts';
import type { Lang, Snippet, SnippetParams } from '../types.ts';

function gen(product: ProductId, version?: string, params: SnippetParams = {}, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator('access-rule-check');
  if (!g) throw new Error('access-rule-check is not registered');
  return g.generate({ product, version, params, lang });
}

const code = (s: readonly Snippet[]): string => s.map((x) => x.code).join('\n');

describe('access-rule-check', () => {
  it('is offered for Postfix, Exim and Sendmail only', () => {
    expect(snippetGenerator('access-rule-check')?.products).toEqual(['postfix', 'exim', 'sendmail']);
    expect(gen('exchange', '2019')).toEqual([]);
    expect(gen('gmail')).toEqual([]);
  });

  it('Postfix: lists the restrictions and queries every table with the client IP filled in', () => {
    const c = code(gen('postfix', '3.7', { ip: '203.0.113.5' }));
    expect(c).toContain('postconf smtpd_client_restrictions smtpd_helo_restrictions smtpd_sender_restrictions smtpd_relay_restrictions smtpd_recipient_restrictions');
    expect(c).toContain("KEYS='203.0.113.5 <client-hostname> <helo-name> <sender-address> <sender-domain> <recipient-address>'");
    expect(c).toContain('postmap -q "$k" "$t"');
    expect(c).toContain("postconf -P | grep -E '_restrictions='");
  });

  it('Postfix: version gating — no smtpd_relay_restrictions before 2.10, no postconf -P before 2.11', () => {
    const c = code(gen('postfix', '2.9'));
    expect(c).not.toContain('smtpd_relay_restrictions');
    expect(c).not.toContain('postconf -P');
    expect(code(gen('postfix', '2.11'))).toContain('postconf -P');
  });

  it('Postfix: an odd IP never reaches the shell line', () => {
    expect(code(gen('postfix', '3.8', { ip: "1.2.3.4'; rm -rf /" }))).not.toContain('rm -rf');
  });

  it('Exim: replays the session with -bh for the client', () => {
    const c = code(gen('exim', '4.96', { ip: '198.51.100.9' }));
    expect(c).toContain('exim -bV');
    expect(c).toContain("| exim -bh '198.51.100.9'");
  });

  it('Sendmail: looks the keys up in the access map and rebuilds it', () => {
    const c = code(gen('sendmail', '8.17', { ip: '198.51.100.9' }));
    expect(c).toContain('/map access Connect:198.51.100.9');
    expect(c).toContain('/map access From:<sender-address>');
    expect(c).toContain('| sendmail -bt');
    expect(c).toContain('makemap hash /etc/mail/access < /etc/mail/access');
  });

  it('comments are Chinese in zh', () => {
    for (const p of ['postfix', 'exim', 'sendmail'] as const) {
      expect(code(gen(p, undefined, {}, 'zh'))).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
