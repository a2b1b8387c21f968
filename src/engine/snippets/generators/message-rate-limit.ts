/** Per-client message-rate limits on the receiving server. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { exchangeGate, exchangeSet, eximGate, eximOpt } from '../mta-lines.ts';
import { anvilSnippet, exemptClient, setLimit } from '../postfix-anvil.ts';
import { postfixGate } from '../postfix-shell.ts';
import { CHOOSE, comment, fill, lines, loggedLimit, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  exShow: lt('Current message rate settings of every Receive connector:', '所有接收连接器当前的邮件速率设置：'),
  exSet: lt(
    'Messages per minute one source may submit (default: unlimited on Mailbox servers, 600 on Edge).\nMessageRateSource: IPAddress (per sending host), User (per MAIL FROM sender), All, or None.',
    '单个来源每分钟可提交的邮件数（默认：邮箱服务器为 unlimited，边缘服务器为 600）。\nMessageRateSource：IPAddress（按发送主机）、User（按 MAIL FROM 发件人）、All 或 None。',
  ),
  pfRate: lt(
    'MAIL FROM requests one client may send per anvil_rate_time_unit (default 60s); 0 = no limit (the default).\nOver the limit Postfix answers "450 4.7.1 Error: too much mail from ...".',
    '单个客户端在 anvil_rate_time_unit（默认 60s）内允许的 MAIL FROM 请求数；0 表示不限制（默认值）。\n超过后 Postfix 回复 "450 4.7.1 Error: too much mail from ..."。',
  ),
  pfExempt: lt('Exempt a trusted client (keep $mynetworks):', '豁免可信客户端（保留 $mynetworks）：'),
  exMain: lt(
    '=== main === Main configuration section. If acl_smtp_mail is already set (the Debian configuration sets it),\nput the statement below at the top of that ACL instead.',
    '=== main === 主配置段。如果已经设置了 acl_smtp_mail（Debian 的配置已设置），\n请把下面的语句放到那个 ACL 的开头。',
  ),
  exAcl: lt('=== acl === In the ACL section (after "begin acl").', '=== acl === 放在 ACL 段中（"begin acl" 之后）。'),
  exWhy: lt(
    'per_mail counts messages per client IP over a smoothing period of 1h; leaky (the default) stops counting\nwhile the client is over the limit, so it gets through again once it slows down.',
    'per_mail 以 1h 为平滑周期按客户端 IP 统计邮件数；默认的 leaky 模式在客户端超限期间不再累计，\n客户端放慢速度后即可恢复发送。',
  ),
  exCheck: lt('Check the configuration (Debian: update-exim4.conf first, command exim4):', '检查配置语法（Debian：先运行 update-exim4.conf，命令名为 exim4）：'),
};

const TITLE = lt('Per-client message rate limit', '单客户端邮件速率限制');

function exchange(ctx: SnippetContext): SnippetDraft {
  const g = exchangeGate(ctx);
  const p = 'powershell' as const;
  const code = lines(
    loggedLimit(p, ctx),
    comment(p, ctx, C.exShow),
    'Get-ReceiveConnector | Format-Table Identity, MessageRateLimit, MessageRateSource',
    '',
    comment(p, ctx, C.exSet),
    exchangeSet(g, 'Set-ReceiveConnector', CHOOSE.receiveConnector, { MessageRateLimit: CHOOSE.newLimit, MessageRateSource: 'IPAddress' }),
  );
  return { language: 'powershell', title: TITLE, code, notes: g.notes };
}

function postfix(ctx: SnippetContext): SnippetDraft {
  const { g } = postfixGate(ctx);
  const limit = 'smtpd_client_message_rate_limit';
  return anvilSnippet(ctx, g, TITLE, [limit, 'anvil_rate_time_unit', 'smtpd_client_event_limit_exceptions'], [
    ...setLimit(ctx, g, limit, C.pfRate),
    ...exemptClient(ctx, g, C.pfExempt),
  ]);
}

function exim(ctx: SnippetContext): SnippetDraft[] {
  const fl = fill(ctx.params);
  const g = eximGate(ctx);
  g.has('ratelimit');
  const e = 'exim' as const;
  const conf = lines(
    comment(e, ctx, C.exMain),
    eximOpt(g, 'acl_smtp_mail', 'acl_check_mail'),
    '',
    comment(e, ctx, C.exAcl),
    'acl_check_mail:',
    loggedLimit(e, ctx, '  '),
    comment(e, ctx, C.exWhy, {}, '  '),
    `  defer   ratelimit   = ${CHOOSE.newLimit} / 1h / per_mail`,
    `          !hosts      = <; 127.0.0.1 ; ::1 ; ${fl.ip}`,
    '          message     = Sending rate too high ($sender_rate per $sender_rate_period); try again later',
    '  accept',
  );
  const s = 'shell' as const;
  const check = lines(comment(s, ctx, C.exCheck), 'exim -bV');
  return [
    { language: 'exim', title: TITLE, code: conf, notes: g.notes },
    { language: 'shell', title: lt('Check the Exim change', '检查 Exim 配置'), code: check, part: 'check' },
  ];
}

export const messageRateLimit = defineByProduct('message-rate-limit', { exchange, postfix, exim });
