/**
 * DNS blocklist check: is the sending IP listed (and is the answer real or a query error)?
 * For Postfix, also the receiver-side settings that only count real listing codes.
 */
import { PRODUCT_IDS } from '../../products.ts';
import { defineGenerator, type SnippetDraft } from '../build.ts';
import { postconfE, postfixCurrent, postfixGate, postfixReload } from '../postfix-shell.ts';
import { comment, fill, isIpv4, lines, lt, shq } from '../text.ts';
import type { SnippetContext } from '../types.ts';

/** Zones queried by the check. zen combines Spamhaus SBL, CSS, XBL, DROP and PBL. */
const IP_ZONES = ['zen.spamhaus.org', 'bl.spamcop.net'] as const;

/** Spamhaus zen answers that mean "listed" (127.0.0.N, N = 2 ... 11); 127.255.255.x are query errors. */
const ZEN_FILTER = '127.0.0.[2..11]';

const C = {
  resolver: lt(
    'Run this on a host with its own recursive resolver. Through a large public resolver Spamhaus answers 127.255.255.x, an error code, not a listing.',
    '请在自带递归解析器的主机上运行。通过大型公共解析器查询时，Spamhaus 返回 127.255.255.x，这是错误码而不是收录。',
  ),
  reverse: lt('The IP, its four numbers reversed:', 'IP 地址及其倒序写法：'),
  v6: lt(
    'IPv6 addresses are queried nibble by nibble (ip6.arpa order); this check covers IPv4 only.',
    'IPv6 地址要按半字节倒序（ip6.arpa 顺序）查询；本检查只覆盖 IPv4。',
  ),
  query: lt(
    'Query each list. No output = not listed. zen answers 127.0.0.N: N = 2-3 SBL/CSS, 4-7 XBL, 9 DROP, 10-11 PBL.',
    '逐个查询名单。没有输出 = 未收录。zen 返回 127.0.0.N：N = 2-3 为 SBL/CSS，4-7 为 XBL，9 为 DROP，10-11 为 PBL。',
  ),
  txt: lt('The TXT record names the listing and its lookup page:', 'TXT 记录给出收录详情及查询页面：'),
  test: lt(
    'Sanity check of the resolver: Spamhaus\' permanent test entry must answer with 127.0.0.x codes, not 127.255.255.x.',
    '检查解析器是否正常：Spamhaus 的常驻测试条目应返回 127.0.0.x 代码，而不是 127.255.255.x。',
  ),
  receiver: lt(
    'Receiving side: count only real listing codes, so that an error answer never rejects mail.',
    '收件方：只把真正的收录代码算作命中，这样错误应答永远不会导致拒收。',
  ),
  restriction: lt(
    'In smtpd_recipient_restrictions, write the DNSBL step with a reply filter (keep the rest of the list as it is):',
    '在 smtpd_recipient_restrictions 中，给 DNSBL 这一步加上应答过滤（列表其余部分保持不变）：',
  ),
  noRange: lt(
    'This Postfix version has no [..] ranges in the reply filter (Postfix 2.8 and later); write one reject_rbl_client line per listing code.',
    '该 Postfix 版本的应答过滤不支持 [..] 范围写法（Postfix 2.8 起才支持）；请为每个收录代码各写一行 reject_rbl_client。',
  ),
  postscreen: lt('postscreen: the same filter, with a weight (default threshold 1):', 'postscreen：同样的过滤条件，外加权重（默认阈值为 1）：'),
  dqs: lt(
    'With a Spamhaus DQS key, use the zone names Spamhaus gives you for your key instead of zen.spamhaus.org.',
    '如果有 Spamhaus DQS 密钥，请改用 Spamhaus 为该密钥提供的区域名，代替 zen.spamhaus.org。',
  ),
};

const TITLE = lt('Check the sending IP against DNS blocklists', '检查发信 IP 是否在 DNS 黑名单中');
const TITLE_RECEIVER = lt('Postfix: count only real DNSBL listing codes', 'Postfix：只把真正的 DNSBL 收录代码算作命中');

function lookup(ctx: SnippetContext): string {
  const fl = fill(ctx.params);
  const s = 'shell' as const;
  const v6 = fl.given.ip && !isIpv4(fl.ip);
  return lines(
    comment(s, ctx, C.resolver),
    v6 ? comment(s, ctx, C.v6) : null,
    comment(s, ctx, C.reverse),
    `IP=${shq(fl.ip)}`,
    `REV=$(printf '%s' "$IP" | awk -F. '{print $4"."$3"."$2"."$1}')`,
    '',
    comment(s, ctx, C.query),
    `for zone in ${IP_ZONES.join(' ')}; do printf '%-20s %s\\n' "$zone" "$(dig +short "$REV.$zone" A | tr '\\n' ' ')"; done`,
    comment(s, ctx, C.txt),
    `dig +short "$REV.zen.spamhaus.org" TXT`,
    '',
    comment(s, ctx, C.test),
    `dig +short "$(echo 127 0 0 2 | awk '{print $4"."$3"."$2"."$1}').zen.spamhaus.org" A`,
  );
}

function postfixReceiver(ctx: SnippetContext): SnippetDraft {
  const { g, f } = postfixGate(ctx);
  const s = 'shell' as const;
  const ranges = f.has('rbl reply filter ranges');
  const filter = ranges ? ZEN_FILTER : '<listing-code>';
  const code = lines(
    comment(s, ctx, C.receiver),
    postfixCurrent(ctx, g, 'smtpd_recipient_restrictions', 'maps_rbl_reject_code', 'postscreen_dnsbl_sites', 'postscreen_dnsbl_threshold', 'postscreen_dnsbl_action'),
    '',
    comment(s, ctx, C.restriction),
    `#   reject_rbl_client zen.spamhaus.org=${filter}`,
    ranges ? null : comment(s, ctx, C.noRange),
    f.has('postscreen') ? comment(s, ctx, C.postscreen) : null,
    postconfE(g, 'postscreen_dnsbl_sites', `zen.spamhaus.org=${filter}*<weight>`),
    comment(s, ctx, C.dqs),
    '',
    postfixReload(ctx),
  );
  return { language: 'shell', title: TITLE_RECEIVER, code, notes: [...g.notes, ...f.notes], part: 'receiver' };
}

export const dnsblCheck = defineGenerator('dnsbl-check', PRODUCT_IDS, (ctx): SnippetDraft[] => {
  const out: SnippetDraft[] = [{ language: 'shell', title: TITLE, code: lookup(ctx) }];
  if (ctx.product === 'postfix') out.push(postfixReceiver(ctx));
  return out;
});
