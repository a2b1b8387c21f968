// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../products.ts';
import { snippetGenerator } from '../registry.ts';
import type { Lang, Snippet, SnippetParams } from '../types.ts';

function gen(product: ProductId, version?: string, params: SnippetParams = {}, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator('server-tls-cert');
  if (!g) throw new Error('server-tls-cert is not registered');
  return g.generate({ product, version, params, lang });
}

const code = (s: readonly Snippet[]): string => s.map((x) => x.code).join('\n');

describe('server-tls-cert', () => {
  it('is offered for Postfix, Exim and Sendmail only', () => {
    expect(snippetGenerator('server-tls-cert')?.products).toEqual(['postfix', 'exim', 'sendmail']);
    expect(gen('gmail')).toEqual([]);
  });

  it('Postfix 3.4 and later: one chain file, key first', () => {
    const c = code(gen('postfix', '3.8'));
    expect(c).toContain("postconf -e 'smtpd_tls_chain_files=<key-and-chain-file>'");
    expect(c).not.toContain('smtpd_tls_cert_file=');
    expect(c).toContain('postfix reload');
    expect(c).toContain("openssl s_client -starttls smtp -connect '<mail-host>:25'");
  });

  it('Postfix before 3.4: separate cert and key files', () => {
    const c = code(gen('postfix', '3.3'));
    expect(c).not.toContain('smtpd_tls_chain_files=');
    expect(c).toContain("postconf -e 'smtpd_tls_cert_file=<cert-file>'");
    expect(c).toContain("postconf -e 'smtpd_tls_key_file=<key-file>'");
  });

  it('checks that key and certificate match, with placeholders only', () => {
    const c = code(gen('postfix', '3.7'));
    expect(c).toContain("openssl x509 -in '<cert-file>' -noout -pubkey | openssl sha256");
    expect(c).toContain("openssl pkey -in '<key-file>' -pubout | openssl sha256");
    expect(c).not.toMatch(/\/etc\/ssl\//);
  });

  it('Exim: main options, group-readable key, config check', () => {
    const s = gen('exim', '4.96');
    expect(s.map((x) => x.language)).toEqual(['exim', 'shell']);
    const c = code(s);
    expect(c).toContain('tls_certificate = <cert-file>');
    expect(c).toContain('tls_privatekey = <key-file>');
    expect(c).toContain("chmod 0640 '<key-file>'");
    expect(c).toContain('exim -bV');
  });

  it('Sendmail: confSERVER_CERT / confSERVER_KEY and the rebuild', () => {
    const c = code(gen('sendmail', '8.17'));
    expect(c).toContain("define(`confSERVER_CERT', `<cert-file>')dnl");
    expect(c).toContain("define(`confSERVER_KEY', `<key-file>')dnl");
    expect(c).toContain("chmod 0600 '<key-file>'");
    expect(c).toContain('m4 sendmail.mc > sendmail.cf');
  });

  it('comments are Chinese in zh', () => {
    expect(code(gen('postfix', '3.7', {}, 'zh'))).toMatch(/[\u4e00-\u9fff]/);
    expect(code(gen('exim', '4.96', {}, 'zh'))).toMatch(/[\u4e00-\u9fff]/);
  });
});
