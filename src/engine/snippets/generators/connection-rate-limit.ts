/** Per-client connection-rate limits (connections per time unit). */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { eximGate, eximOpt, sendmailClientLimits, sendmailGate, smDefine, SENDMAIL_REBUILD } from '../mta-lines.ts';
import { anvilSnippet, exemptClient, setLimit } from '../postfix-anvil.ts';
import { postfixGate } from '../postfix-shell.ts';
import { CHOOSE, comment, fill, lines, loggedLimit, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  pfRate: lt(
    'Connections one client may open per anvil_rate_time_unit (default 60s); 0 = no limit (the default).',
    '单个客户端在 anvil_rate_time_unit（默认 60s）内允许建立的连接数；0 表示不限制（默认值）。',
  ),
  pfExempt: lt(
    'Exempt a trusted client from the rate limit (default list: $mynetworks; keep it).',
    '让可信客户端不受速率限制（默认列表为 $mynetworks，请保留）。',
  ),
  smMc: lt(
    'In sendmail.mc, after FEATURE(`access_db\'). `nodelay\' needs FEATURE(`delay_checks\') earlier in the file;\nwithout delay_checks write FEATURE(`ratecontrol\', `\', `terminate\'). `terminate\' answers 421 instead of 452.',
    '写在 sendmail.mc 中 FEATURE(`access_db\') 之后。`nodelay\' 要求文件前面已有 FEATURE(`delay_checks\')；\n没有 delay_checks 时写成 FEATURE(`ratecontrol\', `\', `terminate\')。`terminate\' 会回复 421 而不是 452。',
  ),
  smWindow: lt('ClientRate: counts connections per this window (default 60s).', 'ClientRate: 按这个时间窗口统计连接数（默认 60s）。'),
  smThrottle: lt(
    'Optional, for all clients together: connections per second the daemon accepts before it delays new ones (default: no limit).',
    '可选，针对所有客户端总和：守护进程每秒接受的连接数，超过后延迟处理新连接（默认不限制）。',
  ),
  smAccess: lt(
    'Lines for /etc/mail/access: connections per client IP per window; 0 = no limit (trusted host); an empty key sets the default.',
    '/etc/mail/access 中的条目：每个客户端 IP 在时间窗口内允许的连接数；0 表示不限制（可信主机）；键为空表示默认值。',
  ),
  smBuild: lt('Rebuild the access map and sendmail.cf, then restart:', '重新生成 access 映射表和 sendmail.cf，然后重启：'),
  exMain: lt(
    '=== main === Main configuration section. If acl_smtp_connect is already set, put the statement below into that ACL instead.',
    '=== main === 主配置段。如果已经设置了 acl_smtp_connect，请把下面的语句加到那个 ACL 中。',
  ),
  exAcl: lt('=== acl === In the ACL section (after "begin acl").', '=== acl === 放在 ACL 段中（"begin acl" 之后）。'),
  exWhy: lt(
    'per_conn counts one per connection and may update the stored rate here (strict: every attempt counts).\nWriting per_mail, per_rcpt or per_byte in the connect ACL forces readonly mode: the rate never grows, and /strict is then an error.',
    'per_conn 每个连接计一次，并可在此更新记录的速率（strict：每次尝试都计入）。\n在 connect ACL 中写 per_mail、per_rcpt 或 per_byte 会被强制为 readonly 模式：速率永远不会增加，并且再加 /strict 会报错。',
  ),
  exCheck: lt('Check the configuration, then replay a connection from the client through the ACLs:', '检查配置语法，然后模拟该客户端的连接，走一遍 ACL：'),
};

const TITLE = lt('Per-client connection rate limit', '单客户端连接速率限制');

function postfix(ctx: SnippetContext): SnippetDraft {
  const { g } = postfixGate(ctx);
  const limit = 'smtpd_client_connection_rate_limit';
  return anvilSnippet(ctx, g, TITLE, [limit, 'anvil_rate_time_unit', 'smtpd_client_event_limit_exceptions'], [
    ...setLimit(ctx, g, limit, C.pfRate),
    ...exemptClient(ctx, g, C.pfExempt),
  ]);
}

function sendmail(ctx: SnippetContext): SnippetDraft[] {
  const fl = fill(ctx.params);
  const g = sendmailGate(ctx);
  const m = 'sendmail-mc' as const;
  const mc = lines(
    comment(m, ctx, C.smMc),
    g.has('FEATURE(ratecontrol)') ? "FEATURE(`ratecontrol', `nodelay', `terminate')dnl" : null,
    comment(m, ctx, C.smWindow),
    smDefine(g, 'confCONNECTION_RATE_WINDOW_SIZE', '60s'),
    comment(m, ctx, C.smThrottle),
    smDefine(g, 'confCONNECTION_RATE_THROTTLE', '<connections-per-second>'),
  );
  const s = 'shell' as const;
  const access = lines(
    loggedLimit(s, ctx),
    comment(s, ctx, C.smAccess),
    sendmailClientLimits('ClientRate', fl.ip),
    '',
    comment(s, ctx, C.smBuild),
    'makemap hash /etc/mail/access < /etc/mail/access',
    SENDMAIL_REBUILD,
  );
  return [
    { language: 'sendmail-mc', title: TITLE, code: mc, notes: g.notes },
    { language: 'shell', title: lt('Access-map entries and rebuild', 'access 映射条目与重新生成'), code: access, part: 'access' },
  ];
}

function exim(ctx: SnippetContext): SnippetDraft[] {
  const fl = fill(ctx.params);
  const g = eximGate(ctx);
  const e = 'exim' as const;
  g.has('ratelimit');
  const conf = lines(
    comment(e, ctx, C.exMain),
    eximOpt(g, 'acl_smtp_connect', 'acl_check_connect'),
    '',
    comment(e, ctx, C.exAcl),
    'acl_check_connect:',
    loggedLimit(e, ctx, '  '),
    comment(e, ctx, C.exWhy, {}, '  '),
    `  defer   ratelimit   = ${CHOOSE.newLimit} / 1m / per_conn / strict`,
    `          !hosts      = <; 127.0.0.1 ; ::1 ; ${fl.ip}`,
    '          message     = Too many connections from $sender_host_address; try again later',
    '          log_message = connection rate $sender_rate/$sender_rate_period (max $sender_rate_limit)',
    '  accept',
  );
  const s = 'shell' as const;
  const check = lines(
    comment(s, ctx, C.exCheck),
    'exim -bV',
    `printf 'QUIT\\r\\n' | exim -bh '${fl.ip}'`,
  );
  return [
    { language: 'exim', title: TITLE, code: conf, notes: g.notes },
    { language: 'shell', title: lt('Check the Exim change', '检查 Exim 配置'), code: check, part: 'check' },
  ];
}

export const connectionRateLimit = defineByProduct('connection-rate-limit', { postfix, sendmail, exim });
