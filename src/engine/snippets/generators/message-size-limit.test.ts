// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../products.ts';
import { snippetGenerator } from '../registry.ts';
import type { Lang, Snippet, SnippetParams } from '../types.ts';

function gen(product: ProductId, version?: string, params: SnippetParams = {}, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator('message-size-limit');
  if (!g) throw new Error('message-size-limit is not registered');
  return g.generate({ product, version, params, lang });
}

const code = (s: readonly Snippet[]): string => s.map((x) => x.code).join('\n');

describe('message-size-limit', () => {
  it('is offered for the four MTAs only', () => {
    expect(snippetGenerator('message-size-limit')?.products).toEqual(['postfix', 'exim', 'sendmail', 'exchange']);
    expect(gen('gmail')).toEqual([]);
  });

  it('Postfix: raises message_size_limit together with the mailbox limits, with placeholders', () => {
    const c = code(gen('postfix', '3.7'));
    expect(c).toContain("postconf -e 'message_size_limit=<new-limit-bytes>'");
    expect(c).toContain("postconf -e 'mailbox_size_limit=<new-limit-bytes>'");
    expect(c).toContain("postconf -e 'virtual_mailbox_limit=<new-limit-bytes>'");
    expect(c).toContain('postconf message_size_limit mailbox_size_limit virtual_mailbox_limit');
    expect(c).toContain('postfix reload');
    // no invented value outside the comments
    expect(c.split('\n').filter((l) => !l.startsWith('#')).join('\n')).not.toMatch(/\b\d{7,}\b/);
  });

  it('Postfix: mentions the limit seen in the log when given', () => {
    expect(code(gen('postfix', '3.8', { limit: '10240000' }))).toContain('10240000 bytes');
  });

  it('Exim: main-section option and a check command', () => {
    const s = gen('exim', '4.96');
    expect(s.map((x) => x.language)).toEqual(['exim', 'shell']);
    expect(code(s)).toContain('message_size_limit = <new-limit>');
    expect(code(s)).toContain('exim -bP message_size_limit');
  });

  it('Sendmail: confMAX_MESSAGE_SIZE and the rebuild', () => {
    const c = code(gen('sendmail', '8.17'));
    expect(c).toContain("define(`confMAX_MESSAGE_SIZE', `<new-limit-bytes>')dnl");
    expect(c).toContain('m4 sendmail.mc > sendmail.cf');
  });

  it('Exchange: connector and organisation limits', () => {
    const c = code(gen('exchange', '2019'));
    expect(c).toContain("Set-ReceiveConnector -Identity '<receive-connector>' -MaxMessageSize <new-limit>");
    expect(c).toContain('Set-TransportConfig -MaxReceiveSize <new-limit> -MaxSendSize <new-limit>');
  });

  it('comments are Chinese in zh', () => {
    const c = code(gen('postfix', '3.7', {}, 'zh'));
    expect(c).toMatch(/[\u4e00-\u9fff]/);
  });
});
