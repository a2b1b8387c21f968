/** Reverse DNS (PTR) of the sending IP, forward-confirmed. */
import { PRODUCT_IDS } from '../../products.ts';
import { defineGenerator, type SnippetDraft } from '../build.ts';
import { comment, fill, isIpv4, lines, lt, shq } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  ptr: lt('1. Reverse lookup: which name does the IP point to? (empty output = no PTR record)', '1. 反向解析：该 IP 指向哪个主机名？（没有输出表示没有 PTR 记录）'),
  fwd: lt(
    '2. Forward-confirm: the name must resolve back to the same IP (receivers such as Gmail check both directions).',
    '2. 正向确认：该主机名必须能解析回同一个 IP（Gmail 等收件方会双向检查）。',
  ),
  fwdPtr: lt('Same check starting from whatever name the PTR returns:', '从 PTR 返回的主机名出发做同样的检查：'),
  helo: lt('3. The HELO/EHLO name your server sends should be this same name.', '3. 服务器发送的 HELO/EHLO 名称应当与这个主机名一致。'),
  fix: lt(
    'The PTR record is set by whoever owns the IP block (hosting provider / ISP), not in your own DNS zone.',
    'PTR 记录由 IP 地址段的所有者（托管商或运营商）设置，而不是在你自己的 DNS 区域里设置。',
  ),
};

const TITLE = lt('Check reverse DNS (PTR) of the sending IP', '检查发信 IP 的反向解析（PTR）');

const HELO: Partial<Record<string, string>> = {
  postfix: 'postconf -h smtp_helo_name myhostname',
  exim: 'exim -bP primary_hostname',
  sendmail: "grep -E '^Dj|^Cw' /etc/mail/sendmail.cf",
};

function shell(ctx: SnippetContext): string {
  const fl = fill(ctx.params);
  const s = 'shell' as const;
  const rr = fl.given.ip ? (isIpv4(fl.ip) ? ['A'] : ['AAAA']) : ['A', 'AAAA'];
  const helo = HELO[ctx.product];
  return lines(
    comment(s, ctx, C.ptr),
    `dig +short -x ${shq(fl.ip)}`,
    '',
    comment(s, ctx, C.fwd),
    rr.map((t) => `dig +short ${t} ${shq(fl.hostname)}`),
    comment(s, ctx, C.fwdPtr),
    `for name in $(dig +short -x ${shq(fl.ip)}); do echo "$name -> $(dig +short ${rr.join(' ')} "$name" | tr '\\n' ' ')"; done`,
    '',
    comment(s, ctx, C.helo),
    helo ?? null,
    comment(s, ctx, C.fix),
  );
}

function powershell(ctx: SnippetContext): string {
  const fl = fill(ctx.params);
  const p = 'powershell' as const;
  const rr = fl.given.ip ? (isIpv4(fl.ip) ? 'A' : 'AAAA') : 'A_AAAA';
  return lines(
    comment(p, ctx, C.ptr),
    `Resolve-DnsName -Name '${fl.ip}' -Type PTR`,
    '',
    comment(p, ctx, C.fwd),
    `Resolve-DnsName -Name '${fl.hostname}' -Type ${rr}`,
    '',
    comment(p, ctx, C.helo),
    'Get-SendConnector | Format-Table Identity, Fqdn',
    comment(p, ctx, C.fix),
  );
}

export const dnsPtrCheck = defineGenerator('dns-ptr-check', PRODUCT_IDS, (ctx): SnippetDraft[] =>
  ctx.product === 'exchange'
    ? [{ language: 'powershell', title: TITLE, code: powershell(ctx) }]
    : [{ language: 'shell', title: TITLE, code: shell(ctx) }],
);
