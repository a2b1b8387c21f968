// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../products.ts';
import { snippetGenerator } from '../registry.ts';
import type { Lang, Snippet, SnippetParams } from '../types.ts';

function gen(product: ProductId, version?: string, params: SnippetParams = {}, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator('sender-login-maps');
  if (!g) throw new Error('sender-login-maps is not registered');
  return g.generate({ product, version, params, lang });
}

const code = (s: readonly Snippet[]): string => s.map((x) => x.code).join('\n');
const notes = (s: readonly Snippet[]): string => s.flatMap((x) => x.notes.map((n) => n.en)).join('\n');

describe('sender-login-maps', () => {
  it('is offered for Postfix, Exchange and Microsoft 365 only', () => {
    expect(snippetGenerator('sender-login-maps')?.products).toEqual(['postfix', 'exchange', 'microsoft365']);
    expect(gen('exim', '4.96')).toEqual([]);
    expect(gen('gmail')).toEqual([]);
  });

  it('Postfix: builds the table, points smtpd_sender_login_maps at it and checks it on submission only', () => {
    const c = code(gen('postfix', '3.7', { hostname: 'smtp.example.com' }));
    expect(c).toContain("cat >> /etc/postfix/sender_login <<'EOF'");
    expect(c).toContain('<sender-address>    <sasl-login>');
    expect(c).toContain('postmap /etc/postfix/sender_login');
    expect(c).toContain("postconf -e 'smtpd_sender_login_maps=hash:/etc/postfix/sender_login'");
    expect(c).toContain("postconf -P 'submission/inet/smtpd_sender_restrictions=reject_known_sender_login_mismatch'");
    expect(c).toContain("postmap -q '<sender-address>' hash:/etc/postfix/sender_login");
    expect(c).toContain("--server 'smtp.example.com:587'");
    expect(c).toContain('postfix reload');
  });

  it('Postfix: placeholder host when none is given, and an odd host never reaches the shell', () => {
    expect(code(gen('postfix', '3.8'))).toContain("--server '<hostname>:587'");
    expect(code(gen('postfix', '3.8', { hostname: "x'; rm -rf /" }))).not.toContain('rm -rf');
  });

  it('Postfix: version gating — before 2.11 no reject_known_sender_login_mismatch and no postconf -P', () => {
    const old = gen('postfix', '2.10');
    expect(code(old)).not.toContain('=reject_known_sender_login_mismatch');
    expect(code(old)).not.toContain('postconf -P');
    expect(code(old)).toContain("postconf -e 'smtpd_sender_restrictions=reject_sender_login_mismatch'");
    expect(notes(old)).toMatch(/2\.11/);
    expect(code(gen('postfix', '2.11'))).toContain('reject_known_sender_login_mismatch');
  });

  it('Exchange: shows and grants the Send As right', () => {
    const c = code(gen('exchange', '2019'));
    expect(c).toContain("Get-ADPermission -Identity '<mailbox>'");
    expect(c).toContain("Add-ADPermission -Identity '<mailbox>' -User '<smtp-login>' -ExtendedRights 'Send As'");
  });

  it('Microsoft 365: uses the recipient-permission cmdlets', () => {
    const c = code(gen('microsoft365'));
    expect(c).toContain("Get-RecipientPermission -Identity '<sender-address>'");
    expect(c).toContain("Add-RecipientPermission -Identity '<sender-address>' -Trustee '<smtp-login>' -AccessRights SendAs -Confirm:$false");
  });

  it('comments are Chinese in zh', () => {
    for (const p of ['postfix', 'exchange', 'microsoft365'] as const) {
      expect(code(gen(p, undefined, {}, 'zh'))).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
