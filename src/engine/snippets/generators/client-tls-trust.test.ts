// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../products.ts';
import { snippetGenerator } from '../registry.ts';
import type { Lang, Snippet, SnippetParams } from '../types.ts';

function gen(product: ProductId, version?: string, params: SnippetParams = {}, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator('client-tls-trust');
  if (!g) throw new Error('client-tls-trust is not registered');
  return g.generate({ product, version, params, lang });
}

const code = (s: readonly Snippet[]): string => s.map((x) => x.code).join('\n');

describe('client-tls-trust', () => {
  it('is offered for the client libraries and the Postfix smtp client only', () => {
    expect(snippetGenerator('client-tls-trust')?.products).toEqual(['nodemailer', 'python-smtplib', 'phpmailer', 'jakarta-mail', 'postfix']);
    expect(gen('exim', '4.96')).toEqual([]);
    expect(gen('gmail')).toEqual([]);
  });

  it('never switches verification off', () => {
    for (const p of ['nodemailer', 'python-smtplib', 'phpmailer', 'jakarta-mail', 'postfix'] as const) {
      const c = code(gen(p));
      expect(c, p).not.toMatch(/rejectUnauthorized:\s*false|CERT_NONE|verify_peer'\s*=>\s*false|check_hostname\s*=\s*False|ssl\.trust",\s*"\*"/);
    }
  });

  it('nodemailer: tls.ca from the CA file, host filled or left as a placeholder', () => {
    expect(code(gen('nodemailer', '6'))).toContain("ca: [fs.readFileSync('<ca-file>')]");
    expect(code(gen('nodemailer', '6'))).toContain("host: '<smtp-host>'");
    expect(code(gen('nodemailer', '6', { smtpHost: 'smtp.example.com' }))).toContain("host: 'smtp.example.com'");
  });

  it('Python: system roots plus the CA file', () => {
    const c = code(gen('python-smtplib', '3.12', { smtpHost: 'smtp.example.com' }));
    expect(c).toContain('context = ssl.create_default_context()');
    expect(c).toContain('context.load_verify_locations(cafile="<ca-file>")');
    expect(c).toContain('smtplib.SMTP("smtp.example.com", 587');
  });

  it('PHPMailer: cafile with both checks on', () => {
    const c = code(gen('phpmailer', '6.9'));
    expect(c).toContain("'cafile' => '<ca-file>'");
    expect(c).toContain("'verify_peer_name' => true");
  });

  it('Jakarta Mail: a copy of cacerts with the CA imported', () => {
    const c = code(gen('jakarta-mail', '2.1'));
    expect(c).toContain('cp "$JAVA_HOME/lib/security/cacerts" smtp-truststore.jks');
    expect(c).toContain("keytool -importcert -noprompt -alias smtp-private-ca -file '<ca-file>'");
    expect(c).toContain('-Djavax.net.ssl.trustStore=smtp-truststore.jks');
  });

  it('Postfix: smtp_tls_CAfile, tls_append_default_CA shown only where it exists', () => {
    const c = code(gen('postfix', '3.7', { destination: 'example.net' }));
    expect(c).toContain("postconf -e 'smtp_tls_CAfile=/etc/postfix/smtp-ca.pem'");
    expect(c).toContain('postconf smtp_tls_CAfile smtp_tls_CApath tls_append_default_CA');
    expect(c).toContain("-connect 'example.net:25'");
    expect(code(gen('postfix', '2.11'))).toContain('tls_append_default_CA');
    expect(code(gen('postfix', '3.7'))).toContain("-connect '<destination-domain>:25'");
  });

  it('zh comments are Chinese, en comments are not', () => {
    for (const p of ['nodemailer', 'python-smtplib', 'phpmailer', 'jakarta-mail', 'postfix'] as const) {
      expect(code(gen(p, undefined, {}, 'zh')), p).toMatch(/[\u4e00-\u9fff]/);
      expect(code(gen(p, undefined, {}, 'en')), p).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
