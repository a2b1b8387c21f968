// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../products.ts';
import { snippetGenerator } from '../registry.ts';
import type { Lang, Snippet, SnippetParams } from '../types.ts';

function gen(product: ProductId, version?: string, params: SnippetParams = {}, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator('ses-identity-check');
  if (!g) throw new Error('ses-identity-check is not registered');
  return g.generate({ product, version, params, lang });
}

const code = (s: readonly Snippet[]): string => s.map((x) => x.code).join('\n');

describe('ses-identity-check', () => {
  it('is offered whatever the user sends with', () => {
    expect(gen('ses')).toHaveLength(1);
    expect(gen('postfix', '3.7')).toHaveLength(1);
    expect(gen('nodemailer', '10')).toHaveLength(1);
  });

  it('fills the Region into every command and ARN', () => {
    const c = code(gen('ses', undefined, { region: 'eu-west-1' }));
    expect(c).toContain("aws sesv2 get-email-identity --region 'eu-west-1' --email-identity '<your-domain>'");
    expect(c).toContain("aws sesv2 get-account --region 'eu-west-1' --query '[ProductionAccessEnabled,SendingEnabled,EnforcementStatus]'");
    expect(c).toContain("--resource-arns 'arn:aws:ses:eu-west-1:<account-id>:identity/<your-domain>'");
    expect(c).toContain('"arn:aws:ses:eu-west-1:<account-id>:configuration-set/<configuration-set>"');
    expect(c).toContain('.dkim.amazonses.com.');
  });

  it('keeps placeholders when no Region is given, and rejects an odd one', () => {
    expect(code(gen('ses'))).toContain("--region '<region>'");
    expect(code(gen('ses', undefined, { region: 'eu west; halt' }))).not.toContain('halt');
  });

  it('comments are Chinese in zh', () => {
    expect(code(gen('ses', undefined, {}, 'zh'))).toMatch(/[\u4e00-\u9fff]/);
  });
});
