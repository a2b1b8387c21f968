/** SPF, DKIM and DMARC records of the sending domain. */
import { PRODUCT_IDS } from '../../products.ts';
import { defineGenerator, type SnippetDraft } from '../build.ts';
import { CHOOSE, comment, fill, lines, lt, shq } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  domain: lt(
    'Replace {domain} with the domain in your From address, and {selector} with the s= value of the DKIM-Signature header.',
    '把 {domain} 换成发件人地址（From）中的域名，把 {selector} 换成 DKIM-Signature 头中 s= 的值。',
  ),
  spf: lt('SPF: exactly one TXT record starting with "v=spf1"; it must cover the sending IP {ip}.', 'SPF：必须有且只有一条以 "v=spf1" 开头的 TXT 记录，并且要包含发信 IP {ip}。'),
  heloSpf: lt('SPF of the HELO name (checked when the envelope sender is empty, e.g. bounces):', 'HELO 名称的 SPF（信封发件人为空时检查，例如退信）：'),
  dkim: lt('DKIM: the public key ("v=DKIM1; ... p=...") published under the selector:', 'DKIM：发布在该选择器下的公钥（"v=DKIM1; ... p=..."）：'),
  dmarc: lt('DMARC: the policy ("v=DMARC1; p=none|quarantine|reject; ..."):', 'DMARC：策略记录（"v=DMARC1; p=none|quarantine|reject; ..."）：'),
};

const TITLE = lt('Check SPF, DKIM and DMARC records', '检查 SPF、DKIM 和 DMARC 记录');

/** How each language asks for a name's TXT records, and keeps only the SPF one. */
const LOOKUP = {
  shell: { txt: (name: string) => `dig +short TXT ${shq(name)}`, spfOnly: ` | grep -i 'v=spf1'` },
  powershell: { txt: (name: string) => `Resolve-DnsName -Name '${name}' -Type TXT`, spfOnly: ` | Where-Object { $_.Strings -match 'v=spf1' }` },
} as const;

function draft(ctx: SnippetContext, language: keyof typeof LOOKUP): SnippetDraft {
  const fl = fill(ctx.params);
  const { txt, spfOnly } = LOOKUP[language];
  const d = CHOOSE.domain;
  const code = lines(
    comment(language, ctx, C.domain, { domain: d, selector: CHOOSE.selector }),
    '',
    comment(language, ctx, C.spf, { ip: fl.ip }),
    txt(d) + spfOnly,
    comment(language, ctx, C.heloSpf),
    txt(fl.hostname),
    '',
    comment(language, ctx, C.dkim),
    txt(`${CHOOSE.selector}._domainkey.${d}`),
    '',
    comment(language, ctx, C.dmarc),
    txt(`_dmarc.${d}`),
  );
  return { language, title: TITLE, code };
}

export const dnsAuthCheck = defineGenerator('dns-auth-check', PRODUCT_IDS, (ctx) => [draft(ctx, ctx.product === 'exchange' ? 'powershell' : 'shell')]);
