/** How long deferred mail stays queued, how often it is retried, and when the sender is warned. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { eximCheck, eximGate, eximOpt, sendmailGate, sendmailRebuild, smDefine } from '../mta-lines.ts';
import { postfixCurrent, postfixGate, postfixReload, postconfE } from '../postfix-shell.ts';
import { comment, lines, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

/** Placeholders: the user chooses the values (the comments give the defaults). */
const LIFETIME = '<queue-lifetime>';
const WARNING = '<warning-delay>';

const C = {
  pfOldest: lt(
    'Oldest deferred messages with their last error (one line per message; the error is the real problem):',
    '最早的延迟邮件及其最近一次错误（每封一行；这个错误才是真正的问题）：',
  ),
  pfOldestPlain: lt(
    'Deferred messages with their last error in parentheses (postqueue -j needs Postfix 3.1):',
    '延迟邮件，括号中是最近一次错误（postqueue -j 需要 Postfix 3.1）：',
  ),
  pfLifetime: lt(
    'How long a message may stay queued before it is returned to the sender (default 5d; bounces use bounce_queue_lifetime, also 5d):',
    '邮件在队列中最多保留多久，超时即退回发件人（默认 5d；退信本身使用 bounce_queue_lifetime，同样是 5d）：',
  ),
  pfWarning: lt(
    'Send the sender a "still being retried" notice after this time (default 0h = never; a few hours is usual):',
    '邮件滞留超过这个时间后，给发件人发送“仍在重试”的通知（默认 0h 表示不发；通常设为几个小时）：',
  ),
  pfPacing: lt(
    'Retry pacing, normally left alone: minimal_backoff_time and queue_run_delay 300s, maximal_backoff_time 4000s.',
    '重试节奏一般无需改动：minimal_backoff_time 和 queue_run_delay 为 300s，maximal_backoff_time 为 4000s。',
  ),
  exRetry: lt(
    '=== retry === The retry section. The default rule retries every 15 minutes for 2 hours, then at growing intervals,\nthen every 6 hours until 4 days after the first failure; the last time in a rule is the lifetime.',
    '=== retry === 重试段。默认规则前 2 小时每 15 分钟重试一次，之后间隔逐渐拉长，\n最后每 6 小时一次，直到首次失败后 4 天；规则中的最后一个时间就是保存期限。',
  ),
  exWarning: lt(
    '=== main === Delay warnings to the sender, a colon-separated list of times (default 24h; empty = none):',
    '=== main === 给发件人的延迟通知，用冒号分隔的时间列表（默认 24h；留空表示不发）：',
  ),
  exNext: lt('When Exim will next try a domain, and its retry records:', '查看 Exim 下次何时重试某个域，以及它的重试记录：'),
  smMc: lt(
    'In sendmail.mc: return undelivered mail after Timeout.queuereturn (default 5d) and warn after Timeout.queuewarn (default 4h):',
    '写在 sendmail.mc 中：超过 Timeout.queuereturn（默认 5d）仍未投递就退信，超过 Timeout.queuewarn（默认 4h）先发警告：',
  ),
};

const TITLE = lt('Queue lifetime and delay warnings', '队列保存期限与延迟通知');

function postfix(ctx: SnippetContext): SnippetDraft {
  const { g, f } = postfixGate(ctx);
  const s = 'shell' as const;
  const json = f.has('postqueue -j');
  const code = lines(
    postfixCurrent(ctx, g, 'maximal_queue_lifetime', 'bounce_queue_lifetime', 'delay_warning_time', 'minimal_backoff_time', 'maximal_backoff_time', 'queue_run_delay'),
    '',
    json
      ? [
          comment(s, ctx, C.pfOldest),
          `postqueue -j | jq -r 'select(.queue_name == "deferred") | [(.arrival_time | todate), .queue_id, .recipients[0].address, .recipients[0].delay_reason] | @tsv' | sort | head -n 20`,
        ]
      : [comment(s, ctx, C.pfOldestPlain), 'postqueue -p | head -n 40'],
    '',
    comment(s, ctx, C.pfLifetime),
    postconfE(g, 'maximal_queue_lifetime', LIFETIME),
    comment(s, ctx, C.pfWarning),
    postconfE(g, 'delay_warning_time', WARNING),
    comment(s, ctx, C.pfPacing),
    '',
    postfixReload(ctx),
  );
  return { language: 'shell', title: TITLE, code, notes: [...g.notes, ...f.notes] };
}

function exim(ctx: SnippetContext): SnippetDraft[] {
  const g = eximGate(ctx);
  const e = 'exim' as const;
  const conf = lines(
    comment(e, ctx, C.exRetry),
    '*                      *           F,2h,15m; G,16h,1h,1.5; F,4d,6h',
    '',
    comment(e, ctx, C.exWarning),
    eximOpt(g, 'delay_warning', WARNING),
  );
  const check = lines(
    eximCheck(ctx, g, 'delay_warning'),
    comment('shell', ctx, C.exNext),
    "exinext '<destination-domain>'",
    'exim_dumpdb /var/spool/exim4 retry | tail -n 20',
  );
  return [
    { language: 'exim', title: TITLE, code: conf, notes: g.notes },
    { language: 'shell', title: lt('Check the Exim change', '检查 Exim 配置'), code: check, part: 'check' },
  ];
}

function sendmail(ctx: SnippetContext): SnippetDraft[] {
  const g = sendmailGate(ctx);
  const m = 'sendmail-mc' as const;
  const mc = lines(comment(m, ctx, C.smMc), smDefine(g, 'confTO_QUEUERETURN', LIFETIME), smDefine(g, 'confTO_QUEUEWARN', WARNING));
  return [
    { language: 'sendmail-mc', title: TITLE, code: mc, notes: g.notes },
    { language: 'shell', title: lt('Rebuild and restart Sendmail', '重新生成配置并重启 Sendmail'), code: lines(sendmailRebuild(ctx)), part: 'apply' },
  ];
}

export const queueLifetime = defineByProduct('queue-lifetime', { postfix, exim, sendmail });
