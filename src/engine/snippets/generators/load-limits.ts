/** Load-average thresholds at which the MTA refuses or only queues mail. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { eximCheck, eximGate, eximOpt, sendmailGate, sendmailRebuild, smDefine } from '../mta-lines.ts';
import { comment, fill, lines, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  now: lt('Load average now, and the number of CPUs (thresholds are load-average values):', '当前负载和 CPU 数量（阈值都是负载平均值）：'),
  eximLog: lt('Connections refused because of the load:', '因负载过高被拒绝的连接：'),
  eximMain: lt('=== main === Main configuration section (both options are unset by default = no load check).', '=== main === 主配置段（两个选项默认都未设置，即不检查负载）。'),
  eximReserve: lt(
    'Above this load average only smtp_reserve_hosts may connect; everyone else is refused.',
    '负载超过该值时只允许 smtp_reserve_hosts 中的主机连接，其他主机一律拒绝。',
  ),
  eximQueue: lt('Above this load average received mail is queued but not delivered at once.', '负载超过该值时，收到的邮件只入队、不立即投递。'),
  smLog: lt('Refusals and delays because of the load:', '因负载过高而拒绝或延迟的记录：'),
  smRefuse: lt('Refuse incoming SMTP connections above this load (default 12 x number of CPUs).', '负载超过该值时拒绝入站 SMTP 连接（默认为 12 × CPU 数）。'),
  smQueue: lt('Queue mail instead of delivering it above this load (default 8 x number of CPUs).', '负载超过该值时邮件只入队、不投递（默认为 8 × CPU 数）。'),
  smDelay: lt('Sleep one second on most SMTP commands above this load (default 0 = off).', '负载超过该值时，大多数 SMTP 命令前先暂停一秒（默认 0，即关闭）。'),
};

function exim(ctx: SnippetContext): SnippetDraft[] {
  const g = eximGate(ctx);
  const fl = fill(ctx.params);
  const e = 'exim' as const;
  const conf = lines(
    comment(e, ctx, C.eximMain),
    comment(e, ctx, C.eximReserve),
    eximOpt(g, 'smtp_load_reserve', '<load-average>'),
    eximOpt(g, 'smtp_reserve_hosts', `<; 127.0.0.1 ; ::1 ; ${fl.ip}`),
    comment(e, ctx, C.eximQueue),
    eximOpt(g, 'queue_only_load', '<load-average>'),
  );
  const s = 'shell' as const;
  const sh = lines(
    comment(s, ctx, C.now),
    'uptime',
    'nproc',
    comment(s, ctx, C.eximLog),
    `grep -E 'refused: load average|no immediate delivery: load average' /var/log/exim4/mainlog | tail -n 10`,
    eximCheck(ctx, g, 'smtp_load_reserve', 'queue_only_load', 'smtp_reserve_hosts'),
  );
  return [
    { language: 'exim', title: lt('Exim load-average limits', 'Exim 负载阈值'), code: conf, notes: g.notes },
    { language: 'shell', title: lt('Check the load and the Exim settings', '检查负载与 Exim 设置'), code: sh, part: 'check' },
  ];
}

function sendmail(ctx: SnippetContext): SnippetDraft[] {
  const g = sendmailGate(ctx);
  const m = 'sendmail-mc' as const;
  const mc = lines(
    comment(m, ctx, C.smRefuse),
    smDefine(g, 'confREFUSE_LA', '<load-average>'),
    comment(m, ctx, C.smQueue),
    smDefine(g, 'confQUEUE_LA', '<load-average>'),
    comment(m, ctx, C.smDelay),
    smDefine(g, 'confDELAY_LA', '<load-average>'),
  );
  const s = 'shell' as const;
  const sh = lines(
    comment(s, ctx, C.now),
    'uptime',
    'nproc',
    comment(s, ctx, C.smLog),
    `grep -E 'load average' /var/log/mail.log | tail -n 10`,
    sendmailRebuild(ctx),
  );
  return [
    { language: 'sendmail-mc', title: lt('Sendmail load-average limits', 'Sendmail 负载阈值'), code: mc, notes: g.notes },
    { language: 'shell', title: lt('Check the load and rebuild', '检查负载并重新生成'), code: sh, part: 'check' },
  ];
}

export const loadLimits = defineByProduct('load-limits', { exim, sendmail });
