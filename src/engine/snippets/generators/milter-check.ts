/** Check the mail filters (milters) and what the MTA does when one does not answer. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { sendmailGate, sendmailRebuild } from '../mta-lines.ts';
import { postconfE, postconfShow, postfixGate, postfixReload } from '../postfix-shell.ts';
import { CHOOSE, comment, lines, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  show: lt('Which milters are configured, the action when one fails, and the timeouts:', '已配置的 milter、milter 故障时的处理动作以及各项超时：'),
  log: lt('Milter errors in the log:', '日志中的 milter 错误：'),
  listen: lt(
    'Is the milter listening? inet:HOST:PORT -> look for the port; unix:/path -> the socket must exist\n(relative to /var/spool/postfix when smtpd runs chrooted).',
    'milter 是否在监听？inet:主机:端口 -> 查看端口；unix:/路径 -> 套接字文件必须存在\n（smtpd 运行在 chroot 中时，路径相对于 /var/spool/postfix）。',
  ),
  action: lt(
    'When a milter does not answer: tempfail (4xx for the rest of the session; the default before Postfix 3.11),\naccept (mail passes unfiltered), reject (5xx){more}. Pick what you can live with while the milter is down:',
    'milter 无响应时的处理：tempfail（本会话后续命令都回 4xx；Postfix 3.11 之前的默认值），\naccept（邮件不经过滤直接通过），reject（5xx）{more}。请选择 milter 故障期间可以接受的方式：',
  ),
  quarantine: lt(', quarantine (accept into the hold queue)', '，quarantine（接收后放入 hold 队列）'),
  shutdown: lt(', shutdown (421 and disconnect; the default since 3.11)', '，shutdown（回复 421 并断开；3.11 起的默认值）'),
  timeouts: lt(
    'Time limits for talking to the milter (defaults 30s connect, 30s per command, 300s for the message content):',
    '与 milter 通信的超时（默认：连接 30s，每条命令 30s，邮件内容 300s）：',
  ),
  smMc: lt(
    'In sendmail.mc: F=T = answer with a temporary failure while the filter is unavailable (F=R = reject;\nno F= = pass mail through unfiltered). T= sets the timeouts: C connect, S send, R read, E end of message\n(defaults C:5m;S:10s;R:10s;E:5m). Keep your filter\'s name and socket; only the flags and timeouts change.',
    'sendmail.mc 中：F=T 表示过滤器不可用时返回临时失败（F=R 为拒绝；不写 F= 则邮件不经过滤直接通过）。\nT= 设置超时：C 连接、S 发送、R 读取、E 邮件结束（默认 C:5m;S:10s;R:10s;E:5m）。\n保留原有的过滤器名称和套接字，只修改标志和超时。',
  ),
  smShow: lt('Milters in the generated sendmail.cf, and milter errors in the log:', '生成的 sendmail.cf 中的 milter 定义，以及日志中的 milter 错误：'),
};

const TITLE = lt('Check the milters (mail filters)', '检查 milter（邮件过滤器）');

function postfix(ctx: SnippetContext): SnippetDraft {
  const { g, f } = postfixGate(ctx);
  const s = 'shell' as const;
  const more = lt(
    `${f.has('milter_default_action=quarantine', { silent: true }) ? C.quarantine.en : ''}${f.has('milter_default_action=shutdown', { silent: true }) ? C.shutdown.en : ''}`,
    `${f.has('milter_default_action=quarantine', { silent: true }) ? C.quarantine.zh : ''}${f.has('milter_default_action=shutdown', { silent: true }) ? C.shutdown.zh : ''}`,
  );
  const pickMore = ctx.lang === 'zh' ? more.zh : more.en;
  const code = lines(
    comment(s, ctx, C.show),
    postconfShow(g, 'smtpd_milters', 'non_smtpd_milters', 'milter_default_action', 'milter_connect_timeout', 'milter_command_timeout', 'milter_content_timeout'),
    '',
    comment(s, ctx, C.log),
    `grep -iE 'milter' /var/log/mail.log | grep -iE 'warning|error|fatal|timeout' | tail -n 20`,
    '',
    comment(s, ctx, C.listen),
    'ss -ltnp',
    'ls -l /var/spool/postfix/*/*.sock /run/*/*.sock 2>/dev/null',
    '',
    comment(s, ctx, C.action, { more: pickMore }),
    postconfE(g, 'milter_default_action', '<action>'),
    comment(s, ctx, C.timeouts),
    postconfE(g, 'milter_connect_timeout', '30s'),
    postconfE(g, 'milter_command_timeout', '30s'),
    postconfE(g, 'milter_content_timeout', '300s'),
    '',
    postfixReload(ctx),
  );
  return { language: 'shell', title: TITLE, code, notes: [...g.notes, ...f.notes] };
}

function sendmail(ctx: SnippetContext): SnippetDraft[] {
  const g = sendmailGate(ctx);
  const m = 'sendmail-mc' as const;
  const mc = lines(
    comment(m, ctx, C.smMc),
    g.has('INPUT_MAIL_FILTER') ? `INPUT_MAIL_FILTER(\`<filter-name>', \`S=${CHOOSE.milterSocket}, F=T, T=C:30s;S:10s;R:10s;E:5m')dnl` : null,
  );
  const s = 'shell' as const;
  const sh = lines(
    comment(s, ctx, C.smShow),
    `grep -E '^X|^O InputMailFilters' /etc/mail/sendmail.cf`,
    `grep -iE 'milter' /var/log/mail.log | grep -iE 'error|timeout|unavailable' | tail -n 20`,
    sendmailRebuild(ctx),
  );
  return [
    { language: 'sendmail-mc', title: TITLE, code: mc, notes: g.notes },
    { language: 'shell', title: lt('Show milters and rebuild', '查看 milter 并重新生成'), code: sh, part: 'check' },
  ];
}

export const milterCheck = defineByProduct('milter-check', { postfix, sendmail });
