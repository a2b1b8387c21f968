// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../products.ts';
import { snippetGenerator } from '../registry.ts';
import type { Lang, Snippet, SnippetParams } from '../types.ts';

function gen(product: ProductId, version?: string, params: SnippetParams = {}, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator('client-split-by-domain');
  if (!g) throw new Error('client-split-by-domain is not registered');
  return g.generate({ product, version, params, lang });
}

const code = (s: readonly Snippet[]): string => s.map((x) => x.code).join('\n');
const notes = (s: readonly Snippet[]): string => s.flatMap((x) => x.notes.map((n) => n.en)).join('\n');

describe('client-split-by-domain', () => {
  it('is offered for the four client libraries only', () => {
    expect(snippetGenerator('client-split-by-domain')?.products).toEqual(['nodemailer', 'python-smtplib', 'phpmailer', 'jakarta-mail']);
    expect(gen('postfix', '3.8')).toEqual([]);
    expect(gen('gmail')).toEqual([]);
  });

  it('groups recipients by domain and sends one transaction per group', () => {
    expect(code(gen('nodemailer', '10'))).toContain('envelope: { from: envelopeFrom, to }');
    expect(code(gen('python-smtplib', '3.11'))).toContain('smtp.send_message(msg, from_addr=envelope_from, to_addrs=rcpts)');
    expect(code(gen('phpmailer', '6.9'))).toContain('foreach (byDomain($recipients) as $group)');
    expect(code(gen('jakarta-mail', '2.1'))).toContain('transport.sendMessage(message, group.toArray(new Address[0]))');
  });

  it('fills the MX host, and keeps a placeholder for a missing or odd value', () => {
    expect(code(gen('nodemailer', '10', { smtpHost: 'aspmx.l.google.com' }))).toContain("host: 'aspmx.l.google.com'");
    expect(code(gen('python-smtplib', '3.12', { smtpHost: 'gmail-smtp-in.l.google.com' }))).toContain('MX_HOST = "gmail-smtp-in.l.google.com"');
    expect(code(gen('phpmailer', '7.0'))).toContain("$mail->Host = '<smtp-host>';");
    expect(code(gen('jakarta-mail', '2.0', { smtpHost: 'mx"; rm -rf /' }))).toContain('"<smtp-host>"');
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
    expect(zh).toContain('# Google 的 MX 每次事务只接受一个域的收件人');
    expect(zh).toContain('# 按域名（最后一个 @ 之后的部分，不区分大小写）对地址分组。');
    expect(zh).not.toContain('Group the addresses by domain');
    expect(code(gen('nodemailer', '10', {}, 'zh'))).toContain('// 每次调用 sendMail 时信封里只放一个域的收件人');
  });
});
