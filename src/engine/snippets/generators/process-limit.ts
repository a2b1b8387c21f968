/** Process limits: how many SMTP server processes may run at once. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { eximCheck, eximGate, eximOpt, sendmailGate, sendmailRebuild, smDefine } from '../mta-lines.ts';
import { postconfE, postconfShow, postfixGate, postfixReload } from '../postfix-shell.ts';
import { CHOOSE, comment, lines, loggedLimit, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  hits: lt('Has a service reached its process limit? (the master daemon logs it)', '是否有服务达到了进程上限？（master 守护进程会记录）'),
  show: lt('Current values: the global default, and the smtp/inet line of master.cf (7th column = maxproc, "-" = default):', '当前取值：全局默认值，以及 master.cf 中 smtp/inet 这一行（第 7 列为 maxproc，"-" 表示使用默认值）：'),
  showOld: lt('Current values: the global default, and the "smtp inet" line of master.cf (7th column = maxproc):', '当前取值：全局默认值，以及 master.cf 中 "smtp inet" 这一行（第 7 列为 maxproc）：'),
  global: lt('Raise the default for every service (default 100):', '提高所有服务的默认进程上限（默认 100）：'),
  perService: lt('Or raise it only for the SMTP server (the maxproc field of smtp/inet):', '或者只提高 SMTP 服务（smtp/inet 的 maxproc 字段）的上限：'),
  perServiceOld: lt(
    'Or raise it only for the SMTP server: edit the 7th column (maxproc) of the "smtp inet" line in /etc/postfix/master.cf.',
    '或者只提高 SMTP 服务的上限：编辑 /etc/postfix/master.cf 中 "smtp inet" 这一行的第 7 列（maxproc）。',
  ),
  memory: lt('Each smtpd process needs memory: check free memory before raising the limit a lot.', '每个 smtpd 进程都要占用内存，大幅提高上限前先确认内存是否充足。'),
  eximMain: lt('=== main === Main configuration section.', '=== main === 主配置段。'),
  eximMax: lt(
    'Exim forks one process per incoming SMTP connection: smtp_accept_max caps them (default 20; 0 = no limit).',
    'Exim 为每个入站 SMTP 连接派生一个进程：smtp_accept_max 限制其总数（默认 20；0 表示不限制）。',
  ),
  eximQueue: lt(
    'Above this many connections, received mail is only queued, not delivered at once (default 0 = off).',
    '连接数超过该值后，收到的邮件只入队、不立即投递（默认 0，即关闭）。',
  ),
  smMax: lt(
    'Children the daemon may fork for incoming connections (default: no limit). When reached, the daemon refuses\nnew connections; lower the SMTP timeouts too, or a few slow clients can hold every slot.',
    '守护进程为入站连接派生的子进程上限（默认不限制）。达到上限后守护进程拒绝新连接；\n同时应调低 SMTP 超时，否则少数慢客户端就能占满所有名额。',
  ),
  smNow: lt('Sendmail processes running now, and the refusals in the log:', '当前运行的 sendmail 进程数，以及日志中的拒绝记录：'),
};

const TITLE = lt('SMTP server process limit', 'SMTP 服务进程上限');

function postfix(ctx: SnippetContext): SnippetDraft {
  const { g, f } = postfixGate(ctx);
  const s = 'shell' as const;
  const modern = f.has('postconf -M service/type') && f.has('postconf -F');
  const code = lines(
    loggedLimit(s, ctx),
    comment(s, ctx, C.hits),
    `grep 'has reached its process limit' /var/log/mail.log | tail -n 5`,
    '',
    comment(s, ctx, modern ? C.show : C.showOld),
    postconfShow(g, 'default_process_limit'),
    modern ? 'postconf -M smtp/inet' : `grep -E '^smtp[[:space:]]+inet' /etc/postfix/master.cf`,
    '',
    comment(s, ctx, C.memory),
    comment(s, ctx, C.global),
    postconfE(g, 'default_process_limit', CHOOSE.newLimit),
    comment(s, ctx, modern ? C.perService : C.perServiceOld),
    modern ? `postconf -F 'smtp/inet/process_limit=${CHOOSE.newLimit}'` : null,
    '',
    postfixReload(ctx),
  );
  return { language: 'shell', title: TITLE, code, notes: [...g.notes, ...f.notes] };
}

function exim(ctx: SnippetContext): SnippetDraft[] {
  const g = eximGate(ctx);
  const e = 'exim' as const;
  const conf = lines(
    comment(e, ctx, C.eximMain),
    loggedLimit(e, ctx),
    comment(e, ctx, C.eximMax),
    eximOpt(g, 'smtp_accept_max', CHOOSE.newLimit),
    comment(e, ctx, C.eximQueue),
    eximOpt(g, 'smtp_accept_queue', '<queue-only-above>'),
  );
  const check = lines(eximCheck(ctx, g, 'smtp_accept_max', 'smtp_accept_queue'));
  return [
    { language: 'exim', title: TITLE, code: conf, notes: g.notes },
    { language: 'shell', title: lt('Check the Exim change', '检查 Exim 配置'), code: check, part: 'check' },
  ];
}

function sendmail(ctx: SnippetContext): SnippetDraft[] {
  const g = sendmailGate(ctx);
  const m = 'sendmail-mc' as const;
  const mc = lines(
    loggedLimit(m, ctx),
    comment(m, ctx, C.smMax),
    smDefine(g, 'confMAX_DAEMON_CHILDREN', CHOOSE.newLimit),
  );
  const s = 'shell' as const;
  const sh = lines(
    comment(s, ctx, C.smNow),
    'pgrep -c sendmail',
    `grep 'rejecting connections on daemon' /var/log/mail.log | tail -n 5`,
    sendmailRebuild(ctx),
  );
  return [
    { language: 'sendmail-mc', title: TITLE, code: mc, notes: g.notes },
    { language: 'shell', title: lt('Check and rebuild', '检查并重新生成'), code: sh, part: 'check' },
  ];
}

export const processLimit = defineByProduct('process-limit', { postfix, exim, sendmail });
