/** Server-side SMTP time limits (how long the server waits for a slow client). */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { exchangeGate, exchangeSet, eximCheck, eximGate, eximOpt, sendmailGate, sendmailRebuild, smDefine } from '../mta-lines.ts';
import { postconfE, postfixCurrent, postfixGate, postfixReload, stressValue } from '../postfix-shell.ts';
import { CHOOSE, comment, lines, lt, shq } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  log: lt('Which clients time out, and after which command:', '哪些客户端超时，以及在哪个命令之后超时：'),
  pfFixed: lt(
    'smtpd_timeout defaults to {default}: 300s normally, 10s while smtpd is overloaded.\nTo keep 300s even under overload (slow but legitimate clients), set a fixed value:',
    'smtpd_timeout 的默认值是 {default}：平时 300s，smtpd 过载时只有 10s。\n如需在过载时也保持 300s（客户端慢但合法），设为固定值：',
  ),
  pfOld: lt('Postfix before 2.6 always uses 300s by default.', 'Postfix 2.6 之前默认始终为 300s。'),
  pfBack: lt('To return to the adaptive default later:', '以后要恢复为自适应的默认值：'),
  pfDeadline: lt(
    'Per-request deadline: one time limit for a whole request instead of per read/write (default: on only under overload).\nTurn it off for slow links:',
    '按请求计时：对整个请求计时，而不是每次读写单独计时（默认只在过载时开启）。\n链路较慢时可关闭：',
  ),
  pfRate: lt(
    'With the deadline on, the minimum DATA/BDAT transfer rate in bytes per second (default 500); lower it for slow links:',
    '开启按请求计时后，DATA/BDAT 阶段的最低传输速率（字节/秒，默认 500）；链路较慢时可调低：',
  ),
  eximMain: lt('=== main === Main configuration section.', '=== main === 主配置段。'),
  eximRecv: lt(
    'How long Exim waits for each SMTP command or data line from a client (default 5m).',
    'Exim 等待客户端发送每条 SMTP 命令或每行数据的时间（默认 5m）。',
  ),
  smIntro: lt(
    'Server-side timeouts in sendmail.mc (defaults shown in brackets). Change only the one the log points at.',
    'sendmail.mc 中的服务端超时（括号内为默认值）。只修改日志指出的那一项。',
  ),
  smCommand: lt('Waiting for the next SMTP command [1h]:', '等待下一条 SMTP 命令 [1h]：'),
  smBlock: lt('Waiting for each block of message data [1h]:', '等待每一块邮件数据 [1h]：'),
  exShow: lt('Current timeouts of every Receive connector:', '所有接收连接器当前的超时设置：'),
  exSet: lt(
    'ConnectionTimeout = longest lifetime of a session even while active (default 00:10:00 on Mailbox servers, 00:05:00 on Edge);\nConnectionInactivityTimeout = longest idle time (default 00:05:00 Mailbox, 00:01:00 Edge); it must stay below ConnectionTimeout.',
    'ConnectionTimeout 为会话的最长存活时间，即使仍在传输（邮箱服务器默认 00:10:00，边缘服务器 00:05:00）；\nConnectionInactivityTimeout 为最长空闲时间（邮箱服务器默认 00:05:00，边缘服务器 00:01:00），必须小于 ConnectionTimeout。',
  ),
};

const TITLE = lt('SMTP server timeouts', 'SMTP 服务端超时');

function postfix(ctx: SnippetContext): SnippetDraft {
  const { g, f } = postfixGate(ctx);
  const s = 'shell' as const;
  const adaptive = f.has('stress-dependent defaults', { silent: true });
  const def = stressValue(f, '10', '300', 's');
  const deadline = g.firstOf('smtpd_per_request_deadline', 'smtpd_per_record_deadline');
  const minRate = g.has('smtpd_min_data_rate');
  const code = lines(
    comment(s, ctx, C.log),
    `grep -E 'timeout after [A-Z]+' /var/log/mail.log | sed -E 's/.*(timeout after [A-Z]+).*/\\1/' | sort | uniq -c | sort -rn`,
    '',
    postfixCurrent(ctx, g, 'smtpd_timeout', 'smtpd_per_request_deadline', 'smtpd_per_record_deadline', 'smtpd_min_data_rate'),
    '',
    adaptive ? comment(s, ctx, C.pfFixed, { default: def }) : comment(s, ctx, C.pfOld),
    postconfE(g, 'smtpd_timeout', '300s'),
    adaptive ? comment(s, ctx, C.pfBack) : null,
    adaptive ? `# postconf -e ${shq(`smtpd_timeout=${def}`)}` : null,
    deadline !== undefined ? '' : null,
    deadline !== undefined ? comment(s, ctx, C.pfDeadline) : null,
    deadline !== undefined ? postconfE(g, deadline, 'no') : null,
    minRate ? comment(s, ctx, C.pfRate) : null,
    minRate ? postconfE(g, 'smtpd_min_data_rate', '<bytes-per-second>') : null,
    '',
    postfixReload(ctx),
  );
  return { language: 'shell', title: TITLE, code, notes: [...g.notes, ...f.notes] };
}

function exim(ctx: SnippetContext): SnippetDraft[] {
  const g = eximGate(ctx);
  const e = 'exim' as const;
  const conf = lines(comment(e, ctx, C.eximMain), comment(e, ctx, C.eximRecv), eximOpt(g, 'smtp_receive_timeout', '<timeout, e.g. 10m>'));
  const s = 'shell' as const;
  const sh = lines(
    comment(s, ctx, C.log),
    `grep -E 'SMTP command timeout|SMTP data timeout' /var/log/exim4/mainlog | tail -n 20`,
    eximCheck(ctx, g, 'smtp_receive_timeout'),
  );
  return [
    { language: 'exim', title: TITLE, code: conf, notes: g.notes },
    { language: 'shell', title: lt('Find timeouts and check the Exim change', '查找超时并检查 Exim 配置'), code: sh, part: 'check' },
  ];
}

function sendmail(ctx: SnippetContext): SnippetDraft[] {
  const g = sendmailGate(ctx);
  const m = 'sendmail-mc' as const;
  const mc = lines(
    comment(m, ctx, C.smIntro),
    comment(m, ctx, C.smCommand),
    smDefine(g, 'confTO_COMMAND', '<timeout>'),
    comment(m, ctx, C.smBlock),
    smDefine(g, 'confTO_DATABLOCK', '<timeout>'),
  );
  const s = 'shell' as const;
  const sh = lines(
    comment(s, ctx, C.log),
    `grep -E 'timeout waiting for input|Lost input channel' /var/log/mail.log | tail -n 20`,
    sendmailRebuild(ctx),
  );
  return [
    { language: 'sendmail-mc', title: TITLE, code: mc, notes: g.notes },
    { language: 'shell', title: lt('Find timeouts and rebuild', '查找超时并重新生成'), code: sh, part: 'check' },
  ];
}

function exchange(ctx: SnippetContext): SnippetDraft {
  const g = exchangeGate(ctx);
  const p = 'powershell' as const;
  const code = lines(
    comment(p, ctx, C.exShow),
    'Get-ReceiveConnector | Format-Table Identity, ConnectionTimeout, ConnectionInactivityTimeout',
    '',
    comment(p, ctx, C.exSet),
    exchangeSet(g, 'Set-ReceiveConnector', CHOOSE.receiveConnector, { ConnectionTimeout: "'<hh:mm:ss>'", ConnectionInactivityTimeout: "'<hh:mm:ss>'" }),
  );
  return { language: 'powershell', title: TITLE, code, notes: g.notes };
}

export const serverTimeouts = defineByProduct('server-timeouts', { postfix, exim, sendmail, exchange });
