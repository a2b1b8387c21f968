/** Outbound TLS: opportunistic everywhere, required for one destination. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { exchangeGate, exchangeSet, eximDestinationTransport, eximGate, eximOpt } from '../mta-lines.ts';
import { postconfE, postfixCurrent, postfixGate } from '../postfix-shell.ts';
import { CHOOSE, comment, fill, lines, lt, shq } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  may: lt(
    'Use STARTTLS whenever the receiver offers it (opportunistic TLS; "may"). Default: empty before Postfix 3.11, may from 3.11.',
    '只要对方支持就使用 STARTTLS（机会性 TLS，"may"）。默认值：Postfix 3.11 之前为空，3.11 起为 may。',
  ),
  policy: lt(
    'Require TLS ("encrypt") only for the destination that demands it, through the TLS policy table:',
    '只对要求加密的目标强制 TLS（"encrypt"），通过 TLS 策略表设置：',
  ),
  policyMap: lt('If smtp_tls_policy_maps already names a table, add the line to that table instead.', '如果 smtp_tls_policy_maps 已指定了别的表，把这一行加到那个表里。'),
  test: lt('Apply, then watch the next delivery to the destination:', '使配置生效，然后观察下一次向该目标的投递：'),
  exRouters: lt(
    '=== routers === In the routers section, before your dnslookup router: mail for the destination uses a TLS-only transport.',
    '=== routers === 放在路由器段中、dnslookup 路由器之前：发往该目标的邮件使用只允许 TLS 的传输。',
  ),
  exRequire: lt('Every host this transport delivers to must accept TLS (hosts_require_tls, default unset):', '该传输投递的所有主机都必须支持 TLS（hosts_require_tls，默认未设置）：'),
  exClear: lt(
    'tls_tempfail_tryclear (default true) retries in clear text after a TLS failure with hosts that do not require TLS;\nfalse makes this transport never fall back.',
    'tls_tempfail_tryclear（默认 true）在 TLS 失败后，对不要求 TLS 的主机改用明文重试；\n设为 false 后该传输永不回退到明文。',
  ),
  exCheck: lt('Check the configuration and show the route to the destination:', '检查配置语法并查看发往该目标的路由：'),
  xShow: lt('Current TLS settings of the Send connectors:', '发送连接器当前的 TLS 设置：'),
  xSet: lt('Require TLS on the Send connector that serves the destination:', '在负责该目标的发送连接器上强制 TLS：'),
};

const TITLE = lt('Require TLS for outbound delivery', '出站投递强制使用 TLS');

function postfix(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const { g } = postfixGate(ctx);
  const s = 'shell' as const;
  const code = lines(
    postfixCurrent(ctx, g, 'smtp_tls_security_level', 'smtp_tls_policy_maps'),
    '',
    comment(s, ctx, C.may),
    postconfE(g, 'smtp_tls_security_level', 'may'),
    '',
    comment(s, ctx, C.policy),
    comment(s, ctx, C.policyMap),
    `printf '%s\\t%s\\n' ${shq(fl.destination)} 'encrypt' >> /etc/postfix/tls_policy`,
    'postmap /etc/postfix/tls_policy',
    postconfE(g, 'smtp_tls_policy_maps', 'hash:/etc/postfix/tls_policy'),
    '',
    comment(s, ctx, C.test),
    'postfix reload',
    `grep -E 'TLS connection established to' /var/log/mail.log | grep -F ${shq(fl.destination)} | tail -n 5`,
  );
  return { language: 'shell', title: TITLE, code, notes: g.notes };
}

function exim(ctx: SnippetContext): SnippetDraft[] {
  const fl = fill(ctx.params);
  const g = eximGate(ctx);
  const e = 'exim' as const;
  const conf = lines(
    eximDestinationTransport(ctx, 'tls', fl.destination, C.exRouters, [
      comment(e, ctx, C.exRequire, {}, '  '),
      eximOpt(g, 'hosts_require_tls', '*', '  '),
      comment(e, ctx, C.exClear, {}, '  '),
      eximOpt(g, 'tls_tempfail_tryclear', 'false', '  '),
    ]),
  );
  const s = 'shell' as const;
  const check = lines(comment(s, ctx, C.exCheck), 'exim -bV', `exim -bt ${shq(`postmaster@${fl.destination}`)}`);
  return [
    { language: 'exim', title: TITLE, code: conf, notes: g.notes },
    { language: 'shell', title: lt('Check the Exim change', '检查 Exim 配置'), code: check, part: 'check' },
  ];
}

function exchange(ctx: SnippetContext): SnippetDraft {
  const g = exchangeGate(ctx);
  const p = 'powershell' as const;
  const code = lines(
    comment(p, ctx, C.xShow),
    'Get-SendConnector | Format-Table Identity, AddressSpaces, RequireTLS, TlsAuthLevel',
    '',
    comment(p, ctx, C.xSet),
    exchangeSet(g, 'Set-SendConnector', CHOOSE.sendConnector, { RequireTLS: '$true' }),
  );
  return { language: 'powershell', title: TITLE, code, notes: g.notes };
}

export const senderRequireTls = defineByProduct('sender-require-tls', { postfix, exim, exchange });
