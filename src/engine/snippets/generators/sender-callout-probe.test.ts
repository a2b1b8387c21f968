// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../products.ts';
import { snippetGenerator } from '../registry.ts';
import type { Lang, Snippet } from '../types.ts';

function gen(product: ProductId, version?: string, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator('sender-callout-probe');
  if (!g) throw new Error('sender-callout-probe is not registered');
  return g.generate({ product, version, params: {}, lang });
}

const code = (s: readonly Snippet[]): string => s.map((x) => x.code).join('\n');

describe('sender-callout-probe', () => {
  it('is offered whatever the user sends with', () => {
    expect(gen('postfix', '3.7')).toHaveLength(1);
    expect(gen('exim', '4.96')).toHaveLength(1);
    expect(gen('nodemailer', '10')).toHaveLength(1);
    expect(gen('gmail')).toHaveLength(1);
  });

  it('probes with the null sender, for the sender and for postmaster@', () => {
    const c = code(gen('postfix', '3.7'));
    expect(c).toContain("sender='<envelope-sender>'");
    expect(c).toContain('swaks --server "$mx" --from \'\' --to "$sender" --quit-after RCPT');
    expect(c).toContain('swaks --server "$mx" --from \'\' --to "postmaster@$domain" --quit-after RCPT');
    expect(c).toContain('dig +short MX "$domain"');
  });

  it('comments are Chinese in zh', () => {
    expect(code(gen('exim', '4.96', 'zh'))).toMatch(/[\u4e00-\u9fff]/);
  });
});
