// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../products.ts';
import { snippetGenerator } from '../registry.ts';
import type { Lang, Snippet, SnippetParams } from '../types.ts';

function gen(product: ProductId, version?: string, params: SnippetParams = {}, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator('smarthost-auth');
  if (!g) throw new Error('smarthost-auth is not registered');
  return g.generate({ product, version, params, lang });
}

const code = (s: readonly Snippet[]): string => s.map((x) => x.code).join('\n');
const notes = (s: readonly Snippet[]): string => s.flatMap((x) => x.notes.map((n) => n.en)).join('\n');

describe('smarthost-auth', () => {
  it('is offered for Postfix, Exim and Sendmail only', () => {
    expect(snippetGenerator('smarthost-auth')?.products).toEqual(['postfix', 'exim', 'sendmail']);
    expect(gen('gmail')).toEqual([]);
    expect(gen('exchange', '2019')).toEqual([]);
  });

  it('Postfix: relayhost on 587, TLS required, SASL with PLAIN allowed, password table and HELO', () => {
    const c = code(gen('postfix', '3.7'));
    expect(c).toContain("postconf -e 'relayhost=[<smtp-host>]:587'");
    expect(c).toContain("postconf -e 'smtp_tls_security_level=encrypt'");
    expect(c).toContain("postconf -e 'smtp_sasl_auth_enable=yes'");
    expect(c).toContain("postconf -e 'smtp_sasl_password_maps=hash:/etc/postfix/sasl_passwd'");
    expect(c).toContain("postconf -e 'smtp_sasl_security_options=noanonymous'");
    expect(c).toContain("postconf -e 'smtp_sasl_tls_security_options=noanonymous'");
    expect(c).toContain("printf '%s %s\\n' '[<smtp-host>]:587' '<username>:<password>' > /etc/postfix/sasl_passwd");
    expect(c).toContain('chmod 600 /etc/postfix/sasl_passwd');
    expect(c).toContain('postmap hash:/etc/postfix/sasl_passwd');
    expect(c).toContain("postconf -e 'smtp_helo_name=<hostname>'");
    expect(c).toContain("# postconf -e 'smtp_address_preference=ipv4'");
    expect(c).toContain('postfix reload');
  });

  it('Postfix: fills the relay host and HELO name from the user, never the password', () => {
    const c = code(gen('postfix', '3.8', { smtpHost: 'smtp-relay.gmail.com', hostname: 'mx1.example.com' }));
    expect(c).toContain("postconf -e 'relayhost=[smtp-relay.gmail.com]:587'");
    expect(c).toContain("postconf -e 'smtp_helo_name=mx1.example.com'");
    expect(c).toContain('<username>:<password>');
  });

  it('Postfix: rejects a host name that is not one and keeps the placeholder', () => {
    const c = code(gen('postfix', '3.8', { smtpHost: "relay.example.com'; rm -rf /" }));
    expect(c).toContain("postconf -e 'relayhost=[<smtp-host>]:587'");
  });

  it('Postfix 2.3: leaves out smtp_address_preference (2.8) and says so', () => {
    const s = gen('postfix', '2.3');
    expect(code(s)).not.toContain('smtp_address_preference');
    expect(code(s)).toContain("postconf -e 'smtp_sasl_tls_security_options=noanonymous'");
    expect(notes(s)).toContain('2.8');
  });

  it('Exim: manualroute router, smtp transport with TLS and AUTH required, PLAIN client authenticator', () => {
    const s = gen('exim', '4.96', { smtpHost: 'smtp-relay.gmail.com', hostname: 'mx1.example.com' });
    expect(s.map((x) => x.language)).toEqual(['exim', 'shell']);
    const c = code(s);
    expect(c).toContain('  driver = manualroute');
    expect(c).toContain('  route_list = * smtp-relay.gmail.com byname');
    expect(c).toContain('  port = 587');
    expect(c).toContain('  hosts_require_tls = *');
    expect(c).toContain('  hosts_require_auth = *');
    expect(c).toContain('  helo_data = mx1.example.com');
    expect(c).toContain('  client_send = ^<username>^<password>');
    expect(c).toContain('exim -bV');
  });

  it('Sendmail: SMART_HOST in brackets, port 587, authinfo map and TLS_Srv rule', () => {
    const s = gen('sendmail', '8.17');
    const c = code(s);
    expect(c).toContain("define(`SMART_HOST', `[<smtp-host>]')dnl");
    expect(c).toContain("define(`RELAY_MAILER_ARGS', `TCP $h 587')dnl");
    expect(c).toContain("define(`ESMTP_MAILER_ARGS', `TCP $h 587')dnl");
    expect(c).toContain("FEATURE(`authinfo', `hash /etc/mail/authinfo')dnl");
    expect(c).toContain('AuthInfo:%s "U:%s" "P:%s" "M:PLAIN"');
    expect(c).toContain('TLS_Srv:%s\\tENCR:128');
    expect(c).toContain('m4 sendmail.mc > sendmail.cf');
  });

  it('comments are Chinese in zh', () => {
    for (const p of ['postfix', 'exim', 'sendmail'] as const) {
      const c = code(gen(p, undefined, {}, 'zh'));
      expect(c).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
