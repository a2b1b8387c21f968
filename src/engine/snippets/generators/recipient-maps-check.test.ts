// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../products.ts';
import { snippetGenerator } from '../registry.ts';
import type { Lang, Snippet, SnippetParams } from '../types.ts';

function gen(product: ProductId, version?: string, params: SnippetParams = {}, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator('recipient-maps-check');
  if (!g) throw new Error('recipient-maps-check is not registered');
  return g.generate({ product, version, params, lang });
}

const code = (s: readonly Snippet[]): string => s.map((x) => x.code).join('\n');

describe('recipient-maps-check', () => {
  it('is offered for Postfix and Exim only', () => {
    expect(snippetGenerator('recipient-maps-check')?.products).toEqual(['postfix', 'exim']);
    expect(gen('gmail')).toEqual([]);
  });

  it('Postfix: shows every recipient table, queries with postmap -q and uses placeholders', () => {
    const c = code(gen('postfix', '3.7'));
    expect(c).toContain(
      'postconf mydestination local_recipient_maps virtual_mailbox_domains virtual_mailbox_maps virtual_alias_domains virtual_alias_maps relay_domains relay_recipient_maps unknown_local_recipient_reject_code',
    );
    expect(c).toContain(`postmap -q '<rejected-address>' '<type:table>'; echo "exit=$?"`);
    expect(c).toContain("postmap '<type:table>'");
    expect(c).toContain("postconf -e 'unknown_local_recipient_reject_code=450'");
    expect(c).toContain("# postconf -e 'unknown_local_recipient_reject_code=550'");
    expect(c).toContain('postfix reload');
  });

  it('Postfix: every line outside the comments is a command, no invented address', () => {
    const c = code(gen('postfix', '3.8'));
    const cmds = c.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(cmds.every((l) => /^(postconf|postmap|postfix) /.test(l))).toBe(true);
    expect(c).not.toMatch(/@example\./);
  });

  it('Exim: tests the routing of the rejected address', () => {
    const s = gen('exim', '4.96');
    expect(s.map((x) => x.language)).toEqual(['shell']);
    expect(code(s)).toContain("exim -bt '<rejected-address>'");
  });

  it('comments are Chinese in zh', () => {
    expect(code(gen('postfix', '3.7', {}, 'zh'))).toMatch(/[\u4e00-\u9fff]/);
    expect(code(gen('exim', '4.96', {}, 'zh'))).toMatch(/[\u4e00-\u9fff]/);
  });
});
