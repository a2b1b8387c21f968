// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../products.ts';
import { snippetGenerator } from '../registry.ts';
import type { Lang, Snippet, SnippetParams } from '../types.ts';

function gen(product: ProductId, version?: string, params: SnippetParams = {}, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator('client-envelope-address');
  if (!g) throw new Error('client-envelope-address is not registered');
  return g.generate({ product, version, params, lang });
}

const code = (s: readonly Snippet[]): string => s.map((x) => x.code).join('\n');
const notes = (s: readonly Snippet[]): string => s.flatMap((x) => x.notes.map((n) => n.en)).join('\n');

describe('client-envelope-address', () => {
  it('is offered for the four client libraries only', () => {
    expect(snippetGenerator('client-envelope-address')?.products).toEqual(['nodemailer', 'python-smtplib', 'phpmailer', 'jakarta-mail']);
    expect(gen('postfix', '3.8')).toEqual([]);
    expect(gen('exim', '4.96')).toEqual([]);
  });

  it('passes bare, checked addresses as the envelope and keeps names in the headers', () => {
    expect(code(gen('nodemailer', '10'))).toContain('const envelope = { from: bareAddress(envelopeFrom), to: recipients.map(bareAddress) };');
    expect(code(gen('python-smtplib', '3.11'))).toContain('smtp.send_message(msg, from_addr=bare_address(envelope_from), to_addrs=rcpts)');
    expect(code(gen('python-smtplib', '3.11'))).toContain('for _, address in getaddresses(recipients)');
    expect(code(gen('phpmailer', '6.9'))).toContain('$mail->Sender = bareAddress($from);');
    expect(code(gen('jakarta-mail', '2.1'))).toContain('p.put("mail.smtp.from", parseStrict(envelopeFrom)[0].getAddress());');
  });

  it('strips line breaks before parsing, in every language', () => {
    expect(code(gen('nodemailer', '10'))).toContain("replace(/[\\r\\n\\t]+/g, ' ')");
    expect(code(gen('python-smtplib', '3.12'))).toContain('" ".join(str(value).split())');
    expect(code(gen('phpmailer', '7.0'))).toContain("preg_replace('/[\\r\\n\\t]+/', ' ', $value)");
    expect(code(gen('jakarta-mail', '2.0'))).toContain('replaceAll("[\\\\r\\\\n\\\\t]+", " ")');
  });

  it('fills the SMTP host, and keeps a placeholder for a missing or odd value', () => {
    expect(code(gen('nodemailer', '10', { smtpHost: 'smtp.example.com' }))).toContain("host: 'smtp.example.com'");
    expect(code(gen('python-smtplib', '3.12', { smtpHost: 'smtp.example.com' }))).toContain('smtplib.SMTP("smtp.example.com", 587, timeout=60)');
    expect(code(gen('phpmailer', '7.0'))).toContain("$mail->Host = '<smtp-host>';");
    expect(code(gen('jakarta-mail', '2.0', { smtpHost: 'smtp"; rm -rf /' }))).toContain('p.put("mail.smtp.host", "<smtp-host>");');
  });

  it('version gating: the same code for every version, and a note only when the version is unknown', () => {
    for (const [product, versions] of [
      ['nodemailer', ['6', '10']],
      ['python-smtplib', ['3.9', '3.13']],
      ['phpmailer', ['6.2', '7.0']],
      ['jakarta-mail', ['2.0', '2.1']],
    ] as const) {
      expect(code(gen(product, versions[0]))).toBe(code(gen(product, versions[1])));
      expect(notes(gen(product, versions[1]))).toBe('');
      expect(notes(gen(product))).not.toBe('');
    }
  });

  it('writes its comments in Chinese when asked', () => {
    const zh = code(gen('python-smtplib', '3.11', {}, 'zh'));
    expect(zh).toContain('# 信封（MAIL FROM / RCPT TO）每条命令只能放一个纯地址');
    expect(zh).not.toContain('The envelope (MAIL FROM / RCPT TO) takes one bare address');
    expect(code(gen('nodemailer', '10', {}, 'zh'))).toContain('// 信封使用纯地址；邮件头保留显示名。');
    expect(code(gen('phpmailer', '6.9', {}, 'zh'))).toContain('Sender 是信封发件人（MAIL FROM）');
    expect(code(gen('jakarta-mail', '2.1', {}, 'zh'))).toContain('mail.smtp.from 是信封发件人（MAIL FROM）');
  });
});
