// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../products.ts';
import { snippetGenerator } from '../registry.ts';
import type { Lang, Snippet, SnippetParams } from '../types.ts';

function gen(product: ProductId, version?: string, params: SnippetParams = {}, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator('email-auth-records');
  if (!g) throw new Error('email-auth-records is not registered');
  return g.generate({ product, version, params, lang });
}

const code = (s: readonly Snippet[]): string => s.map((x) => x.code).join('\n');

describe('email-auth-records', () => {
  it('writes the three TXT records with placeholders for any product', () => {
    const s = gen('gmail');
    expect(s.map((x) => x.language)).toEqual(['dns']);
    const c = code(s);
    expect(c).toContain('<your-domain>.  IN TXT "v=spf1 ip4:<sending-ip> include:<provider-spf-domain> -all"');
    expect(c).toContain('<dkim-selector>._domainkey.<your-domain>.  IN TXT "v=DKIM1; k=rsa; p=<public-key-base64>"');
    expect(c).toContain('_dmarc.<your-domain>.  IN TXT "v=DMARC1; p=none; rua=mailto:<dmarc-report-address>"');
    expect(c).not.toContain('+all"');
  });

  it('uses the sending IP when given, ip6: for IPv6, and ignores junk', () => {
    expect(code(gen('other', undefined, { ip: '203.0.113.5' }))).toContain('v=spf1 ip4:203.0.113.5 ');
    expect(code(gen('other', undefined, { ip: '2001:db8::25' }))).toContain('v=spf1 ip6:2001:db8::25 ');
    expect(code(gen('other', undefined, { ip: '1.2.3.4; rm -rf /' }))).toContain('v=spf1 ip4:<sending-ip> ');
  });

  it('Postfix: OpenDKIM key, conf and milter lines, with placeholders', () => {
    const s = gen('postfix', '3.7');
    expect(s.map((x) => x.id)).toEqual(['email-auth-records/postfix', 'email-auth-records/postfix/opendkim-conf', 'email-auth-records/postfix/opendkim-milter']);
    const c = code(s);
    expect(c).toContain("opendkim-genkey -b 2048 -d '<your-domain>' -s '<dkim-selector>' -D '/etc/opendkim/keys/<your-domain>'");
    expect(c).toContain('KeyFile           /etc/opendkim/keys/<your-domain>/<dkim-selector>.private');
    expect(c).toContain("postconf -e 'smtpd_milters=<milter-socket>'");
    expect(c).toContain("postconf -e 'non_smtpd_milters=<milter-socket>'");
    expect(c).toContain("postconf -e 'milter_default_action=accept'");
    expect(c).toContain('postfix reload');
    expect(c).toContain("opendkim-testkey -d '<your-domain>' -s '<dkim-selector>' -vvv");
  });

  it('other MTAs get only the DNS records', () => {
    expect(gen('exim', '4.96').map((x) => x.language)).toEqual(['dns']);
    expect(gen('exchange', '2019').map((x) => x.language)).toEqual(['dns']);
  });

  it('comments are Chinese in zh', () => {
    const c = code(gen('postfix', '3.8', {}, 'zh'));
    expect(c).toMatch(/[\u4e00-\u9fff]/);
    expect(c).toContain('; SPF：');
  });
});
