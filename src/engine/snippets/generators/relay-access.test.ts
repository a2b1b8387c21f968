// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../products.ts';
import { snippetGenerator } from '../registry.ts';
import type { Lang, Snippet, SnippetParams } from '../types.ts';

function gen(product: ProductId, version?: string, params: SnippetParams = {}, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator('relay-access');
  if (!g) throw new Error('relay-access is not registered');
  return g.generate({ product, version, params, lang });
}

const code = (s: readonly Snippet[]): string => s.map((x) => x.code).join('\n');
const notes = (s: readonly Snippet[]): string => s.flatMap((x) => x.notes.map((n) => n.en)).join('\n');

describe('relay-access', () => {
  it('is offered for Postfix, Exim and Exchange only', () => {
    expect(snippetGenerator('relay-access')?.products).toEqual(['postfix', 'exim', 'exchange']);
    expect(gen('gmail')).toEqual([]);
    expect(gen('sendmail', '8.17')).toEqual([]);
  });

  it('Postfix: trusts exactly the given client and keeps loopback', () => {
    const c = code(gen('postfix', '3.7', { ip: '192.0.2.31', hostname: 'mx1.example.com' }));
    expect(c).toContain("postconf -e 'mynetworks=127.0.0.1/32 [::1]/128 192.0.2.31/32'");
    expect(c).toContain("postconf -e 'smtpd_relay_restrictions=permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination'");
    expect(c).toContain("postconf -P 'submission/inet/smtpd_sasl_auth_enable=yes'");
    expect(c).toContain('--server mx1.example.com');
    expect(c).not.toContain('0.0.0.0/0');
  });

  it('Postfix: IPv6 client in brackets with /128, placeholder when no IP', () => {
    expect(code(gen('postfix', '3.8', { ip: '2001:db8::25' }))).toContain('[2001:db8::25]/128');
    expect(code(gen('postfix', '3.8'))).toContain("mynetworks=127.0.0.1/32 [::1]/128 <client-ip>'");
  });

  it('Postfix: an odd value never reaches the shell line', () => {
    expect(code(gen('postfix', '3.7', { ip: "1.2.3.4'; rm -rf /" }))).toContain('<client-ip>');
  });

  it('Postfix: version gating — no smtpd_relay_restrictions before 2.10, no postconf -P before 2.11', () => {
    const old = gen('postfix', '2.9');
    expect(code(old)).not.toContain('smtpd_relay_restrictions=');
    expect(code(old)).not.toContain('postconf -P');
    expect(notes(old)).toMatch(/2\.10/);
    expect(code(gen('postfix', '2.11'))).toContain('postconf -P');
  });

  it('Exim: relay_from_hosts host list and an -bh replay', () => {
    const s = gen('exim', '4.96', { ip: '192.0.2.40' });
    expect(s.map((x) => x.language)).toEqual(['exim', 'shell']);
    expect(code(s)).toContain('hostlist relay_from_hosts = <; 127.0.0.1 ; ::1 ; 192.0.2.40');
    expect(code(s)).toContain("exim -bh '192.0.2.40'");
  });

  it('Exchange: dedicated Front End connector with the anonymous relay right', () => {
    const c = code(gen('exchange', '2019', { ip: '192.0.2.50' }));
    expect(c).toContain("New-ReceiveConnector -Name '<receive-connector>' -TransportRole FrontendTransport -Custom -Bindings <server-ip>:25 -RemoteIPRanges 192.0.2.50");
    expect(c).toContain("Set-ReceiveConnector -Identity '<receive-connector>' -PermissionGroups AnonymousUsers");
    expect(c).toContain("-ExtendedRights 'Ms-Exch-SMTP-Accept-Any-Recipient'");
  });

  it('comments are Chinese in zh', () => {
    for (const p of ['postfix', 'exim', 'exchange'] as const) {
      expect(code(gen(p, undefined, {}, 'zh'))).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
