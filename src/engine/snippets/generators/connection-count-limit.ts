/** Per-client concurrent-connection limits: exempt a trusted client or raise the limit. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { exchangeGate, exchangeSet, eximGate, eximOpt, sendmailClientLimits, sendmailGate } from '../mta-lines.ts';
import { anvilSnippet, exemptClient, setLimit } from '../postfix-anvil.ts';
import { postconfE, postfixGate } from '../postfix-shell.ts';
import { CHOOSE, comment, fill, lines, loggedLimit, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  exempt: lt(
    'Exempt a trusted client (your own application or relay host) from all smtpd_client_*_count/rate limits.\nsmtpd_client_event_limit_exceptions defaults to $mynetworks; keep $mynetworks in the list.',
    '让可信客户端（你自己的应用服务器或中继主机）不受所有 smtpd_client_*_count/rate 限制。\nsmtpd_client_event_limit_exceptions 的默认值是 $mynetworks，列表里要保留 $mynetworks。',
  ),
  raise: lt(
    'Or raise the per-client limit for everyone (default 50, 0 = no limit).\nKeep it below the smtpd process limit (default_process_limit, default 100).',
    '或者对所有客户端提高单客户端并发上限（默认 50，0 表示不限制）。\n该值应小于 smtpd 的进程上限（default_process_limit，默认 100）。',
  ),
  prefix: lt(
    'Postfix 3.8+ counts IPv6 clients per /84 network (IPv4 per address). To count each IPv6 address on its own:',
    'Postfix 3.8 起按 /84 网段统计 IPv6 客户端（IPv4 按单个地址）。如需按单个 IPv6 地址统计：',
  ),
  eximMain: lt(
    '=== main === Main configuration section (Debian split config: a file under /etc/exim4/conf.d/main/).',
    '=== main === 主配置段（Debian 拆分配置：放在 /etc/exim4/conf.d/main/ 下的文件中）。',
  ),
  eximMax: lt('Simultaneous incoming SMTP connections in total (default 20; 0 = no limit).', '全部入站 SMTP 并发连接数上限（默认 20；0 表示不限制）。'),
  eximPerHost: lt('Simultaneous connections from one IP address (default: unset = no per-host limit).', '来自同一 IP 地址的并发连接数上限（默认未设置，即不按主机限制）。'),
  eximReserve: lt(
    'Keep some of the smtp_accept_max slots for trusted hosts (counted inside smtp_accept_max).',
    '在 smtp_accept_max 中为可信主机预留若干连接名额（计入 smtp_accept_max）。',
  ),
  eximCheck: lt(
    'Check the configuration, then show the values Exim will use.\nDebian: run update-exim4.conf first and use the exim4 command name.',
    '检查配置语法，再查看 Exim 实际使用的值。\nDebian：先运行 update-exim4.conf，命令名为 exim4。',
  ),
  eximApply: lt('Reload the daemon (Debian: systemctl reload exim4):', '重新加载守护进程（Debian：systemctl reload exim4）：'),
  smMc: lt(
    'In sendmail.mc, after FEATURE(`access_db\') (and after FEATURE(`delay_checks\') if you use it).\n`nodelay\' needs FEATURE(`delay_checks\') earlier in the file; without delay_checks write FEATURE(`conncontrol\', `\', `terminate\').\n`terminate\' answers 421 and closes the session instead of 452.',
    '写在 sendmail.mc 中 FEATURE(`access_db\') 之后（如使用 FEATURE(`delay_checks\')，也要在它之后）。\n`nodelay\' 要求文件前面已有 FEATURE(`delay_checks\')；没有 delay_checks 时写成 FEATURE(`conncontrol\', `\', `terminate\')。\n`terminate\' 会回复 421 并断开会话，而不是 452。',
  ),
  smAccess: lt(
    'Lines for /etc/mail/access: open connections allowed per client IP; 0 = no limit (trusted host); an empty key sets the default.',
    '/etc/mail/access 中的条目：每个客户端 IP 允许的并发连接数；0 表示不限制（可信主机）；键为空表示默认值。',
  ),
  smBuild: lt(
    'Rebuild sendmail.cf and the access map, then restart (Debian: "make -C /etc/mail" does both).',
    '重新生成 sendmail.cf 和 access 映射表，然后重启（Debian 上 "make -C /etc/mail" 会同时完成这两步）。',
  ),
  exShow: lt('Current limits of every Receive connector:', '所有接收连接器当前的限制：'),
  exPerSource: lt(
    'Connections at the same time from one IP address (default 20; 1-10000 or unlimited).',
    '同一 IP 地址的并发连接数（默认 20；可设 1-10000 或 unlimited）。',
  ),
  exPercent: lt(
    'Share of the remaining connections one source may take (default 2 %).',
    '单个来源可占用的剩余可用连接百分比（默认 2%）。',
  ),
  exTotal: lt('Connections at the same time on the connector (default 5000).', '该连接器的总并发连接数（默认 5000）。'),
};

const TITLE = lt('Per-client connection limit: exempt or raise', '单客户端并发连接限制：豁免或提高');

function postfix(ctx: SnippetContext): SnippetDraft {
  const { g } = postfixGate(ctx);
  const v38 = g.has('smtpd_client_ipv4_prefix_length') && g.has('smtpd_client_ipv6_prefix_length');
  const limit = 'smtpd_client_connection_count_limit';
  return anvilSnippet(
    ctx,
    g,
    TITLE,
    [limit, 'smtpd_client_event_limit_exceptions', 'smtpd_client_ipv4_prefix_length', 'smtpd_client_ipv6_prefix_length', 'default_process_limit'],
    exemptClient(ctx, g, C.exempt),
    setLimit(ctx, g, limit, C.raise),
    v38 && [comment('shell', ctx, C.prefix), postconfE(g, 'smtpd_client_ipv6_prefix_length', '128')],
  );
}

function exim(ctx: SnippetContext): SnippetDraft[] {
  const fl = fill(ctx.params);
  const g = eximGate(ctx);
  const e = 'exim' as const;
  const conf = lines(
    comment(e, ctx, C.eximMain),
    loggedLimit(e, ctx),
    comment(e, ctx, C.eximMax),
    eximOpt(g, 'smtp_accept_max', CHOOSE.newLimit),
    comment(e, ctx, C.eximPerHost),
    eximOpt(g, 'smtp_accept_max_per_host', '<per-host-limit>'),
    comment(e, ctx, C.eximReserve),
    eximOpt(g, 'smtp_accept_reserve', '<reserved-slots>'),
    eximOpt(g, 'smtp_reserve_hosts', `<; 127.0.0.1 ; ::1 ; ${fl.ip}`),
  );
  const s = 'shell' as const;
  const check = lines(
    comment(s, ctx, C.eximCheck),
    'exim -bV',
    'exim -bP smtp_accept_max smtp_accept_max_per_host smtp_accept_reserve smtp_reserve_hosts',
    comment(s, ctx, C.eximApply),
    'systemctl reload exim',
  );
  return [
    { language: 'exim', title: TITLE, code: conf, notes: g.notes },
    { language: 'shell', title: lt('Check and apply the Exim change', '检查并应用 Exim 配置'), code: check, part: 'check' },
  ];
}

function sendmail(ctx: SnippetContext): SnippetDraft[] {
  const fl = fill(ctx.params);
  const g = sendmailGate(ctx);
  const m = 'sendmail-mc' as const;
  const mc = lines(
    comment(m, ctx, C.smMc),
    g.has('FEATURE(conncontrol)') ? "FEATURE(`conncontrol', `nodelay', `terminate')dnl" : null,
  );
  const s = 'shell' as const;
  const access = lines(
    loggedLimit(s, ctx),
    comment(s, ctx, C.smAccess),
    sendmailClientLimits('ClientConn', fl.ip),
    '',
    comment(s, ctx, C.smBuild),
    'cd /etc/mail',
    'm4 sendmail.mc > sendmail.cf',
    'makemap hash access < access',
    'systemctl restart sendmail',
  );
  return [
    { language: 'sendmail-mc', title: TITLE, code: mc, notes: g.notes },
    { language: 'shell', title: lt('Access-map entries and rebuild', 'access 映射条目与重新生成'), code: access, part: 'access' },
  ];
}

function exchange(ctx: SnippetContext): SnippetDraft {
  const g = exchangeGate(ctx);
  const p = 'powershell' as const;
  const set = (param: string, value: string): string | null => exchangeSet(g, 'Set-ReceiveConnector', CHOOSE.receiveConnector, { [param]: value });
  const code = lines(
    loggedLimit(p, ctx),
    comment(p, ctx, C.exShow),
    'Get-ReceiveConnector | Format-Table Identity, MaxInboundConnection, MaxInboundConnectionPerSource, MaxInboundConnectionPercentagePerSource',
    '',
    comment(p, ctx, C.exPerSource),
    set('MaxInboundConnectionPerSource', CHOOSE.newLimit),
    comment(p, ctx, C.exPercent),
    set('MaxInboundConnectionPercentagePerSource', '<percent>'),
    comment(p, ctx, C.exTotal),
    set('MaxInboundConnection', '<total-limit>'),
    '',
    `Get-ReceiveConnector -Identity '${CHOOSE.receiveConnector}' | Format-List MaxInboundConnection*`,
  );
  return { language: 'powershell', title: TITLE, code, notes: g.notes };
}

export const connectionCountLimit = defineByProduct('connection-count-limit', { postfix, exim, sendmail, exchange });
