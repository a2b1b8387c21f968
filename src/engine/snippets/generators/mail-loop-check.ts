/** Why mail for a domain loops back to this server: its local domain classes, its own addresses (NAT), and the MX. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { eximCheck, eximGate, eximOpt } from '../mta-lines.ts';
import { postconfE, postfixCurrent, postfixGate, postfixReload } from '../postfix-shell.ts';
import { comment, lines, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

/** Placeholders: the looping domain and the public address the MX record points to. */
const DOMAIN = '<looping-domain>';
const PUBLIC_IP = '<public-ip>';

const C = {
  pfClasses: lt(
    'Local classes: a domain in none of them is sent out by SMTP to its MX; if that MX is this host, Postfix reports "loops back to myself".',
    '本地类别：不属于其中任何一类的域会按 SMTP 发往它的 MX；如果那台 MX 就是本机，Postfix 就会报 “loops back to myself”。',
  ),
  mx: lt('The MX hosts of the domain and their addresses:', '该域的 MX 主机及其地址：'),
  own: lt(
    'This host\'s own addresses as Postfix sees them (interfaces plus proxy_interfaces): the MX address must be one of them or a NAT address of this host.',
    '在 Postfix 看来属于本机的地址（网卡地址加上 proxy_interfaces）：MX 的地址应当是其中之一，或者是本机的 NAT 地址。',
  ),
  route: lt('How Postfix routes an address of the domain (relay=… in the log; nothing is sent):', 'Postfix 如何路由该域的地址（看日志中的 relay=…；不会真正发信）：'),
  pfNat: lt(
    'Behind NAT or a load balancer: list the public address(es) the MX points to, so the self-check recognises them\n(required when this host is a backup MX, or loops happen while the primary is down):',
    '位于 NAT 或负载均衡之后时：把 MX 指向的公网地址写进来，让自检能认出它们\n（本机充当备用 MX 时必须设置，否则主 MX 宕机期间会出现环路）：',
  ),
  pfHops: lt(
    'Received: headers allowed before "too many hops" (default 50). Raising it does not break a loop.',
    '出现 “too many hops” 之前允许的 Received: 头数量（默认 50）。调大它并不能消除环路。',
  ),
  exRoute: lt('How Exim routes an address of the domain ("MX record points to local host" = the self-check):', 'Exim 如何路由该域的地址（出现 “MX record points to local host” 即为自检触发）：'),
  exNat: lt(
    '=== main === Behind NAT: addresses Exim should treat as its own (the public address the MX points to):',
    '=== main === 位于 NAT 之后时：Exim 应视为本机的地址（MX 指向的那个公网地址）：',
  ),
  exHops: lt(
    'received_headers_max (default 30) limits the Received: headers before "Too many "Received" headers - suspected mail loop"; raising it does not break a loop.',
    'received_headers_max（默认 30）限制 Received: 头的数量，超过即报 “Too many \"Received\" headers - suspected mail loop”；调大它并不能消除环路。',
  ),
  smClass: lt('Host names Sendmail treats as local (class w); the domain must be listed if mail for it is delivered here:', 'Sendmail 视为本地的主机名（class w）；如果该域的邮件在本机投递，就必须列在其中：'),
  smAdd: lt('Add the domain to local-host-names and restart:', '把该域加入 local-host-names 并重启：'),
  smRoute: lt('How Sendmail resolves an address of the domain (mailer esmtp to this host = loop):', 'Sendmail 如何解析该域的地址（如果解析为 esmtp 且目标是本机，就会形成环路）：'),
};

const TITLE = lt('Check why mail loops back to this server', '检查邮件为何环回本机');

function mxLines(ctx: SnippetContext): (string | null)[] {
  return [comment('shell', ctx, C.mx), `dig +short MX '${DOMAIN}'`, `for h in $(dig +short MX '${DOMAIN}' | awk '{print $2}'); do echo "$h $(dig +short A "$h" | tr '\\n' ' ')"; done`];
}

function postfix(ctx: SnippetContext): SnippetDraft {
  const { g } = postfixGate(ctx);
  const s = 'shell' as const;
  const code = lines(
    comment(s, ctx, C.pfClasses),
    postfixCurrent(ctx, g, 'mydestination', 'virtual_alias_domains', 'virtual_mailbox_domains', 'relay_domains', 'transport_maps', 'best_mx_transport'),
    '',
    mxLines(ctx),
    comment(s, ctx, C.own),
    'ip -brief address',
    'postconf inet_interfaces proxy_interfaces',
    '',
    comment(s, ctx, C.route),
    `sendmail -bv 'postmaster@${DOMAIN}'`,
    '',
    comment(s, ctx, C.pfNat),
    postconfE(g, 'proxy_interfaces', PUBLIC_IP),
    comment(s, ctx, C.pfHops),
    g.has('hopcount_limit') ? 'postconf hopcount_limit' : null,
    '',
    postfixReload(ctx),
  );
  return { language: 'shell', title: TITLE, code, notes: g.notes };
}

function exim(ctx: SnippetContext): SnippetDraft[] {
  const g = eximGate(ctx);
  const check = lines(mxLines(ctx), comment('shell', ctx, C.exRoute), `exim -bt 'postmaster@${DOMAIN}'`);
  const conf = lines(
    comment('exim', ctx, C.exNat),
    eximOpt(g, 'hosts_treat_as_local', PUBLIC_IP),
    comment('exim', ctx, C.exHops),
  );
  return [
    { language: 'shell', title: TITLE, code: check, part: 'check' },
    { language: 'exim', title: lt('Exim: own NAT address and hop limit', 'Exim：本机 NAT 地址与跳数上限'), code: conf, notes: g.notes },
    { language: 'shell', title: lt('Check the Exim change', '检查 Exim 配置'), code: lines(eximCheck(ctx, g, 'hosts_treat_as_local', 'received_headers_max')), part: 'apply' },
  ];
}

function sendmail(ctx: SnippetContext): SnippetDraft {
  const s = 'shell' as const;
  const code = lines(
    comment(s, ctx, C.smClass),
    "echo '$=w' | sendmail -bt",
    '',
    mxLines(ctx),
    comment(s, ctx, C.smRoute),
    `echo '3,0 postmaster@${DOMAIN}' | sendmail -bt | tail -n 3`,
    '',
    comment(s, ctx, C.smAdd),
    `echo '${DOMAIN}' >> /etc/mail/local-host-names`,
    'systemctl restart sendmail',
  );
  return { language: 'shell', title: TITLE, code };
}

export const mailLoopCheck = defineByProduct('mail-loop-check', { postfix, exim, sendmail });
