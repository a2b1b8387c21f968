// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../products.ts';
import { snippetGenerator } from '../registry.ts';
import type { Lang, Snippet, SnippetParams } from '../types.ts';

function gen(product: ProductId, version?: string, params: SnippetParams = {}, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator('dnsbl-check');
  if (!g) throw new Error('dnsbl-check is not registered');
  return g.generate({ product, version, params, lang });
}

const code = (s: readonly Snippet[]): string => s.map((x) => x.code).join('\n');

describe('dnsbl-check', () => {
  it('gives every product the lookup, with a placeholder when no IP is known', () => {
    for (const p of ['gmail', 'exim', 'nodemailer', 'other'] as const) {
      const s = gen(p);
      expect(s).toHaveLength(1);
      expect(code(s)).toContain("IP='<client-ip>'");
      expect(code(s)).toContain('zen.spamhaus.org');
      expect(code(s)).toContain("echo 127 0 0 2 | awk");
    }
  });

  it('uses the IP from the paste and warns about public resolvers', () => {
    const c = code(gen('other', undefined, { ip: '203.0.113.5' }));
    expect(c).toContain("IP='203.0.113.5'");
    expect(c).toContain('127.255.255.x');
  });

  it('notes that IPv6 is not covered', () => {
    expect(code(gen('other', undefined, { ip: '2001:db8::25' }))).toContain('IPv4 only');
  });

  it('Postfix 3.7: receiver snippet with the [2..11] filter for reject_rbl_client and postscreen', () => {
    const s = gen('postfix', '3.7');
    expect(s).toHaveLength(2);
    const c = code(s);
    expect(c).toContain('reject_rbl_client zen.spamhaus.org=127.0.0.[2..11]');
    expect(c).toContain("postconf -e 'postscreen_dnsbl_sites=zen.spamhaus.org=127.0.0.[2..11]*<weight>'");
    expect(c).toContain('postconf smtpd_recipient_restrictions maps_rbl_reject_code postscreen_dnsbl_sites postscreen_dnsbl_threshold postscreen_dnsbl_action');
    expect(c).toContain('postfix reload');
  });

  it('Postfix before 2.8: no ranges and no postscreen', () => {
    const s = gen('postfix', '2.7');
    const c = code(s);
    expect(c).toContain('reject_rbl_client zen.spamhaus.org=<listing-code>');
    expect(c).not.toContain('[2..11]');
    expect(c).not.toContain('postscreen_dnsbl_sites=');
    expect(s[1]?.notes.length ?? 0).toBeGreaterThan(0);
  });

  it('writes Chinese comments for zh', () => {
    expect(code(gen('postfix', '3.8', {}, 'zh'))).toContain('公共解析器');
  });
});
