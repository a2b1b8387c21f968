/** Per-client recipient-rate and AUTH-rate limits on the receiving server (not connections, not messages). */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { eximGate } from '../mta-lines.ts';
import { anvilSnippet, exemptClient, setLimit } from '../postfix-anvil.ts';
import { postconfE, postfixGate } from '../postfix-shell.ts';
import { CHOOSE, comment, fill, lines, loggedLimit, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  pfRcpt: lt(
    'RCPT TO addresses one client may send per anvil_rate_time_unit (default 60s); 0 = no limit (the default).\nOver the limit Postfix answers "450 4.7.1 Error: too many recipients from ...". postconf(5): for abuse, not for shaping normal traffic.',
    '单个客户端在 anvil_rate_time_unit（默认 60s）内允许发送的 RCPT TO 地址数；0 表示不限制（默认值）。\n超过后 Postfix 回复 "450 4.7.1 Error: too many recipients from ..."。postconf(5) 提醒：用于防滥用，不要用来调节正常流量。',
  ),
  pfAuth: lt(
    'AUTH commands one client may send per anvil_rate_time_unit, successful or not; 0 = no limit (the default).\nOver the limit Postfix answers "450 4.7.1 Error: too many AUTH commands from ...".',
    '单个客户端在 anvil_rate_time_unit 内允许发送的 AUTH 命令数（无论成功与否）；0 表示不限制（默认值）。\n超过后 Postfix 回复 "450 4.7.1 Error: too many AUTH commands from ..."。',
  ),
  pfExempt: lt('Exempt a trusted client from all smtpd_client_* limits (keep $mynetworks; IPv6 in [brackets]):', '让可信客户端不受所有 smtpd_client_* 限制（保留 $mynetworks；IPv6 地址写在 [方括号] 中）：'),
  pfPrefix: lt(
    'IPv6 clients share one counter per /84 by default. A longer prefix (up to 128) counts them separately.',
    '默认情况下，同一个 /84 内的 IPv6 客户端共用一个计数器。前缀越长（最长 128），统计得越细。',
  ),
  exWhere: lt(
    '=== acl === Put this statement at the top of the ACL named by acl_smtp_rcpt (acl_check_rcpt in the default and Debian\nconfigurations), before its accept statements. Do not add a new RCPT ACL with a bare "accept": that would relay for anyone.',
    '=== acl === 把下面这条语句放在 acl_smtp_rcpt 指定的 ACL（默认配置和 Debian 配置中为 acl_check_rcpt）的最前面，\n位于其中各条 accept 语句之前。不要另建一个只有 "accept" 的 RCPT ACL：那会变成对所有人开放转发。',
  ),
  exWhy: lt(
    'per_rcpt in the RCPT ACL counts each recipient, per client IP, smoothed over 1h; leaky (the default) lets the client\nthrough again once it slows down. A message with many recipients counts as a burst.',
    '在 RCPT ACL 中使用 per_rcpt 会按客户端 IP 逐个统计收件人，并以 1h 为平滑周期；默认的 leaky 模式在客户端放慢后\n就会再次放行。一封收件人很多的邮件会被视为一次突发。',
  ),
  exCheck: lt(
    'Check the configuration (Debian: update-exim4.conf first, command exim4), then replay a session from the client:',
    '检查配置语法（Debian：先运行 update-exim4.conf，命令名为 exim4），然后模拟该客户端的会话：',
  ),
};

const TITLE = lt('Per-client recipient and AUTH rate limits', '单客户端收件人速率与 AUTH 速率限制');

function postfix(ctx: SnippetContext): SnippetDraft {
  const { g } = postfixGate(ctx);
  const rcpt = 'smtpd_client_recipient_rate_limit';
  const auth = 'smtpd_client_auth_rate_limit';
  const prefix = 'smtpd_client_ipv6_prefix_length';
  return anvilSnippet(
    ctx,
    g,
    TITLE,
    [rcpt, auth, 'anvil_rate_time_unit', 'smtpd_client_event_limit_exceptions', prefix],
    setLimit(ctx, g, rcpt, C.pfRcpt),
    g.has(auth) && setLimit(ctx, g, auth, C.pfAuth),
    exemptClient(ctx, g, C.pfExempt),
    g.has(prefix, { silent: true }) && [comment('shell', ctx, C.pfPrefix), postconfE(g, prefix, '<prefix-length>')],
  );
}

function exim(ctx: SnippetContext): SnippetDraft[] {
  const fl = fill(ctx.params);
  const g = eximGate(ctx);
  g.has('ratelimit');
  const e = 'exim' as const;
  const conf = lines(
    comment(e, ctx, C.exWhere),
    loggedLimit(e, ctx, '  '),
    comment(e, ctx, C.exWhy, {}, '  '),
    `  defer   ratelimit   = ${CHOOSE.newLimit} / 1h / per_rcpt`,
    `          !hosts      = <; 127.0.0.1 ; ::1 ; ${fl.ip}`,
    '          message     = Too many recipients from $sender_host_address ($sender_rate per $sender_rate_period); try again later',
  );
  const s = 'shell' as const;
  const check = lines(comment(s, ctx, C.exCheck), 'exim -bV', `exim -bh '${fl.ip}'`);
  return [
    { language: 'exim', title: TITLE, code: conf, notes: g.notes },
    { language: 'shell', title: lt('Check the Exim change', '检查 Exim 配置'), code: check, part: 'check' },
  ];
}

export const recipientAuthRateLimit = defineByProduct('recipient-auth-rate-limit', { postfix, exim });
