/** Finds the client(s) that open too many connections: log counts per IP and live sockets on port 25. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { comment, fill, lines, lt, shq } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  postfixCount: lt(
    'Clients that hit a connection limit, counted per IP (most first).\nRHEL/Fedora log to /var/log/maillog; with journald only, replace the first command by: journalctl -t postfix/smtpd -t postfix/postscreen --since today',
    '统计触发连接限制的客户端，按 IP 计数（从多到少）。\nRHEL/Fedora 的日志在 /var/log/maillog；只有 journald 时，把第一条命令换成：journalctl -t postfix/smtpd -t postfix/postscreen --since today',
  ),
  anvil: lt(
    "anvil's peak connection count and rate per client (logged every anvil_status_update_time, default 10 minutes):",
    'anvil 记录的每个客户端最高连接数和连接速率（每隔 anvil_status_update_time 记录一次，默认 10 分钟）：',
  ),
  live: lt('Open connections to port 25 right now, per remote IP:', '当前连到 25 端口的连接，按远端 IP 计数：'),
  oneIp: lt('How often {ip} hit a limit, and its latest lines:', '{ip} 触发限制的次数，以及最近的日志行：'),
  exiwhat: lt('What every Exim process is doing now (one line per SMTP session):', '查看每个 Exim 进程当前在做什么（每个 SMTP 会话一行）：'),
  eximCount: lt(
    'Connections refused by smtp_accept_max / smtp_accept_max_per_host, counted per IP.\nThe log is /var/log/exim4/mainlog on Debian/Ubuntu, /var/log/exim/main.log on RHEL.',
    '被 smtp_accept_max / smtp_accept_max_per_host 拒绝的连接，按 IP 计数。\nDebian/Ubuntu 的日志是 /var/log/exim4/mainlog，RHEL 上是 /var/log/exim/main.log。',
  ),
  sendmailCount: lt(
    'Sessions refused by conncontrol / ratecontrol, counted per IP (syslog: /var/log/mail.log or /var/log/maillog):',
    '被 conncontrol / ratecontrol 拒绝的会话，按 IP 计数（syslog：/var/log/mail.log 或 /var/log/maillog）：',
  ),
  sendmailDaemon: lt(
    'Times the daemon stopped accepting (MaxDaemonChildren or load average):',
    '守护进程暂停接受连接的记录（MaxDaemonChildren 或负载过高）：',
  ),
  exLogs: lt(
    'Receive connector protocol logs (turn them on first if needed:\nGet-ReceiveConnector | Set-ReceiveConnector -ProtocolLoggingLevel Verbose).\nInternet mail on a Mailbox server arrives through the Front End Transport service; use ...\\Hub\\ProtocolLog\\SmtpReceive for the Transport service.',
    '接收连接器的协议日志（如未开启，先执行：\nGet-ReceiveConnector | Set-ReceiveConnector -ProtocolLoggingLevel Verbose）。\n邮箱服务器上来自互联网的邮件经过前端传输服务；传输服务的日志在 ...\\Hub\\ProtocolLog\\SmtpReceive。',
  ),
  exCount: lt('New connections per remote IP in the newest log files (most first):', '最新几个日志文件中每个远端 IP 的新建连接数（从多到少）：'),
  exEvent: lt(
    'Event 1021: a source IP reached MaxInboundConnectionPerSource on a Receive connector.',
    '事件 1021：某个源 IP 达到了接收连接器的 MaxInboundConnectionPerSource 上限。',
  ),
  exOneIp: lt('Sessions from {ip} in the same logs:', '同一批日志中来自 {ip} 的会话：'),
};

const TITLE = lt('Find the client that opens too many connections', '找出打开过多连接的客户端');

const SS = `ss -tn state established '( sport = :25 )' | awk 'NR > 1 { sub(/:[0-9]+$/, "", $4); print $4 }' | sort | uniq -c | sort -rn | head -20`;

function postfix(ctx: SnippetContext): SnippetDraft {
  const f = fill(ctx.params);
  const s = 'shell' as const;
  const code = lines(
    comment(s, ctx, C.postfixCount),
    `grep -E 'Connection (concurrency|rate) limit exceeded|too many connections' /var/log/mail.log \\`,
    `  | awk 'match($0, /from [^ ]*\\[[^]]+\\]/) { s = substr($0, RSTART, RLENGTH); sub(/^.*\\[/, "", s); sub(/\\]$/, "", s); print s }' \\`,
    '  | sort | uniq -c | sort -rn | head -20',
    '',
    comment(s, ctx, C.anvil),
    `grep 'statistics: max connection' /var/log/mail.log | tail -n 5`,
    '',
    comment(s, ctx, C.live),
    SS,
    '',
    comment(s, ctx, C.oneIp, { ip: f.ip }),
    `grep -F ${shq(`[${f.ip}]`)} /var/log/mail.log | grep -c 'limit exceeded'`,
    `grep -F ${shq(`[${f.ip}]`)} /var/log/mail.log | tail -n 20`,
  );
  return { language: 'shell', title: TITLE, code };
}

function exim(ctx: SnippetContext): SnippetDraft {
  const f = fill(ctx.params);
  const s = 'shell' as const;
  const code = lines(
    comment(s, ctx, C.exiwhat),
    'exiwhat',
    '',
    comment(s, ctx, C.eximCount),
    `grep 'refused: too many connections' /var/log/exim4/mainlog \\`,
    `  | grep -oE '\\[[0-9A-Fa-f:.]+\\]' | sort | uniq -c | sort -rn | head -20`,
    '',
    comment(s, ctx, C.live),
    SS,
    '',
    comment(s, ctx, C.oneIp, { ip: f.ip }),
    `grep -F ${shq(`[${f.ip}]`)} /var/log/exim4/mainlog | grep -c 'refused: too many connections'`,
    `grep -F ${shq(`[${f.ip}]`)} /var/log/exim4/mainlog | tail -n 20`,
  );
  return { language: 'shell', title: TITLE, code };
}

function sendmail(ctx: SnippetContext): SnippetDraft {
  const f = fill(ctx.params);
  const s = 'shell' as const;
  const code = lines(
    comment(s, ctx, C.sendmailCount),
    `grep -E 'Connection rate limit exceeded|Too many open connections' /var/log/mail.log \\`,
    `  | grep -oE 'relay=[^,]*\\[(IPv6:)?[0-9A-Fa-f:.]+\\]' | sed -E 's/^.*\\[(IPv6:)?//; s/\\]$//' \\`,
    '  | sort | uniq -c | sort -rn | head -20',
    '',
    comment(s, ctx, C.sendmailDaemon),
    `grep -E 'rejecting connections on daemon|delaying connections on daemon' /var/log/mail.log | tail -n 10`,
    '',
    comment(s, ctx, C.live),
    SS,
    '',
    comment(s, ctx, C.oneIp, { ip: f.ip }),
    `grep -F ${shq(`[${f.ip}]`)} /var/log/mail.log | tail -n 20`,
  );
  return { language: 'shell', title: TITLE, code };
}

function exchange(ctx: SnippetContext): SnippetDraft {
  const f = fill(ctx.params);
  const p = 'powershell' as const;
  const code = lines(
    comment(p, ctx, C.exLogs),
    `$logDir = Join-Path $env:ExchangeInstallPath 'TransportRoles\\Logs\\FrontEnd\\ProtocolLog\\SmtpReceive'`,
    `$fields = 'date-time','connector-id','session-id','sequence-number','local-endpoint','remote-endpoint','event','data','context'`,
    `$rows = Get-ChildItem $logDir -Filter *.log | Sort-Object LastWriteTime -Descending | Select-Object -First 4 |`,
    `  ForEach-Object { Get-Content $_.FullName | Where-Object { $_ -notmatch '^#' } | ConvertFrom-Csv -Header $fields }`,
    '',
    comment(p, ctx, C.exCount),
    `$rows | Where-Object { $_.event -eq '+' } |`,
    `  ForEach-Object { $_.'remote-endpoint' -replace ':\\d+$', '' } |`,
    '  Group-Object | Sort-Object Count -Descending | Select-Object -First 20 Count, Name',
    '',
    comment(p, ctx, C.exEvent),
    `Get-WinEvent -FilterHashtable @{ LogName = 'Application'; Id = 1021 } -MaxEvents 20 |`,
    `  Where-Object { $_.ProviderName -like 'MSExchange*Transport*' } | Format-List TimeCreated, Message`,
    '',
    comment(p, ctx, C.exOneIp, { ip: f.ip }),
    `$rows | Where-Object { $_.'remote-endpoint'.StartsWith('${f.ip.includes(':') ? `[${f.ip}]` : f.ip}:') } | Select-Object -Last 40 'date-time', 'session-id', event, data`,
  );
  return { language: 'powershell', title: TITLE, code };
}

export const findFloodingClient = defineByProduct('find-flooding-client', { postfix, exim, sendmail, exchange });
