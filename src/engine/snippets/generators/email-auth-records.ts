/**
 * SPF, DKIM and DMARC records to publish for the sending domain, and (Postfix) DKIM signing with
 * OpenDKIM as a milter. Values the user did not give stay placeholders; nothing is invented.
 */
import { PRODUCT_IDS } from '../../products.ts';
import { defineGenerator, type SnippetDraft } from '../build.ts';
import { postconfE, postconfShow, postfixGate, postfixReload } from '../postfix-shell.ts';
import { CHOOSE, comment, fill, isIpv4, lines, lt, shq } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const P = {
  sendingIp: '<sending-ip>',
  providerInclude: '<provider-spf-domain>',
  publicKey: '<public-key-base64>',
  reportAddress: '<dmarc-report-address>',
} as const;

const C = {
  intro: lt(
    'TXT records for {domain}. Replace every <...> placeholder; publish them at your DNS host.',
    '{domain} 需要发布的 TXT 记录。请替换所有 <...> 占位符，然后在你的 DNS 托管商处发布。',
  ),
  spf: lt(
    'SPF: exactly ONE record per domain. List every IP that sends with this domain in MAIL FROM,\nand the include: your providers document (e.g. Microsoft 365, Google Workspace, your ESP).\nAt most 10 terms that need DNS lookups (include, a, mx, ptr, exists, redirect). End in ~all or -all, never +all.',
    'SPF：每个域名只能有一条记录。列出所有以该域名作为 MAIL FROM 发信的 IP，\n以及各服务商文档给出的 include:（例如 Microsoft 365、Google Workspace、你的 ESP）。\n需要 DNS 查询的项（include、a、mx、ptr、exists、redirect）最多 10 个。以 ~all 或 -all 结尾，切勿使用 +all。',
  ),
  dkim: lt(
    'DKIM: the public key of the selector your signer uses (the p= value from the key generator, without line breaks).',
    'DKIM：签名程序所用选择器的公钥（密钥生成工具给出的 p= 值，不要带换行）。',
  ),
  dmarc: lt(
    'DMARC: start with p=none and read the rua reports; move to quarantine or reject only when every source passes aligned.',
    'DMARC：先用 p=none 并阅读 rua 报告；等所有发信来源都对齐通过后，再改为 quarantine 或 reject。',
  ),
  genkey: lt(
    'Create a 2048-bit key for the selector (opendkim-tools). The .txt file holds the DNS record, the .private file the key:',
    '为该选择器生成 2048 位密钥（opendkim-tools 软件包）。.txt 文件是要发布的 DNS 记录，.private 文件是私钥：',
  ),
  conf: lt(
    'Lines for /etc/opendkim.conf (mode sv = sign and verify). Socket must match what Postfix connects to,\ne.g. inet:8891@localhost, or a unix socket inside /var/spool/postfix when smtpd runs chrooted.',
    '/etc/opendkim.conf 中的配置行（Mode sv 表示签名并验证）。Socket 必须与 Postfix 连接的地址一致，\n例如 inet:8891@localhost；smtpd 运行在 chroot 中时，unix 套接字要放在 /var/spool/postfix 之下。',
  ),
  milters: lt(
    'Connect Postfix to OpenDKIM for mail received over SMTP and for local submissions (sendmail command).\nIf milters are already listed, keep them and append this one, comma-separated. Postfix writes it as inet:localhost:8891 or unix:/path.',
    '让 Postfix 对经 SMTP 接收的邮件和本地提交（sendmail 命令）的邮件都调用 OpenDKIM。\n如果已经配置了其他 milter，请保留它们，并用逗号把这个追加在后面。Postfix 中的写法为 inet:localhost:8891 或 unix:/路径。',
  ),
  action: lt(
    'Accept mail unsigned rather than defer it when OpenDKIM is down (choose tempfail if unsigned mail must never leave):',
    'OpenDKIM 不可用时不延迟邮件，而是不签名直接放行（如果绝不允许未签名邮件发出，请改用 tempfail）：',
  ),
  check: lt('Check the record and the signer:', '检查记录和签名程序：'),
};

const TITLE = lt('SPF, DKIM and DMARC records to publish', '需要发布的 SPF、DKIM 和 DMARC 记录');
const TITLE_DKIM = lt('Sign outgoing mail with OpenDKIM (Postfix milter)', '用 OpenDKIM 为外发邮件签名（Postfix milter）');
const TITLE_CONF = lt('OpenDKIM settings', 'OpenDKIM 配置');

function records(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const d = CHOOSE.domain;
  const ip = fl.given.ip ? `${isIpv4(fl.ip) ? 'ip4' : 'ip6'}:${fl.ip}` : `ip4:${P.sendingIp}`;
  const code = lines(
    comment('dns', ctx, C.intro, { domain: d }),
    '',
    comment('dns', ctx, C.spf),
    `${d}.  IN TXT "v=spf1 ${ip} include:${P.providerInclude} -all"`,
    '',
    comment('dns', ctx, C.dkim),
    `${CHOOSE.selector}._domainkey.${d}.  IN TXT "v=DKIM1; k=rsa; p=${P.publicKey}"`,
    '',
    comment('dns', ctx, C.dmarc),
    `_dmarc.${d}.  IN TXT "v=DMARC1; p=none; rua=mailto:${P.reportAddress}"`,
  );
  return { language: 'dns', title: TITLE, code };
}

function postfixDkim(ctx: SnippetContext): SnippetDraft[] {
  const { g } = postfixGate(ctx);
  const s = 'shell' as const;
  const d = CHOOSE.domain;
  const sel = CHOOSE.selector;
  const keyDir = `/etc/opendkim/keys/${d}`;
  const conf = lines(
    comment('text', ctx, C.conf),
    `Domain            ${d}`,
    `Selector          ${sel}`,
    `KeyFile           ${keyDir}/${sel}.private`,
    'Socket            <opendkim-socket>',
    'Mode              sv',
    'Canonicalization  relaxed/simple',
  );
  const milter = CHOOSE.milterSocket;
  const sh = lines(
    comment(s, ctx, C.genkey),
    `mkdir -p ${shq(keyDir)}`,
    `opendkim-genkey -b 2048 -d ${shq(d)} -s ${shq(sel)} -D ${shq(keyDir)}`,
    `chown -R opendkim:opendkim ${shq(keyDir)}`,
    '',
    comment(s, ctx, C.milters),
    postconfShow(g, 'smtpd_milters', 'non_smtpd_milters', 'milter_default_action'),
    postconfE(g, 'smtpd_milters', milter),
    postconfE(g, 'non_smtpd_milters', milter),
    comment(s, ctx, C.action),
    postconfE(g, 'milter_default_action', 'accept'),
    '',
    'systemctl restart opendkim',
    postfixReload(ctx),
    '',
    comment(s, ctx, C.check),
    `dig +short TXT ${shq(`${sel}._domainkey.${d}`)}`,
    `opendkim-testkey -d ${shq(d)} -s ${shq(sel)} -vvv`,
  );
  return [
    { language: 'text', title: TITLE_CONF, code: conf, part: 'opendkim-conf' },
    { language: 'shell', title: TITLE_DKIM, code: sh, notes: g.notes, part: 'opendkim-milter' },
  ];
}

export const emailAuthRecords = defineGenerator('email-auth-records', PRODUCT_IDS, (ctx) => [
  records(ctx),
  ...(ctx.product === 'postfix' ? postfixDkim(ctx) : []),
]);
