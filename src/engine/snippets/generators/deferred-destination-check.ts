/** Mail stuck for one destination: find the first real error behind "delivery temporarily suspended", then retry once. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { postconfShow, postfixGate } from '../postfix-shell.ts';
import { comment, lines, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

/** Placeholders: the destination domain and one queue / message ID taken from the listing. */
const DEST = '<destination-domain>';
const QID = '<queue-id>';

const C = {
  pfSettings: lt(
    'How long a dead destination stays suspended (minimal_backoff_time, default 300s) and after how many failed\nconnection batches it is declared dead (default 1):',
    '不可用目标被暂停多久（minimal_backoff_time，默认 300s），以及连续几批连接失败后被判定为不可用（默认 1）：',
  ),
  pfShape: lt('Deferred mail by destination and age (qshape ships with Postfix; Debian: postfix-perl-scripts):', '延迟邮件按目标和滞留时长分布（qshape 随 Postfix 提供；Debian 在 postfix-perl-scripts 包中）：'),
  pfFirst: lt(
    'The first failures for the destination WITHOUT "temporarily suspended": they carry the real error:',
    '该目标最早几次不带 “temporarily suspended” 的失败记录：真正的错误就在这里：',
  ),
  pfReasons: lt('Queued messages for the destination and their last error:', '发往该目标的排队邮件及其最近一次错误：'),
  pfReasonsPlain: lt('Queued messages and their last error in parentheses (postqueue -j needs Postfix 3.1):', '排队邮件，括号中是最近一次错误（postqueue -j 需要 Postfix 3.1）：'),
  pfLocal: lt('If the error names 127.0.0.1 or "mail transport": the local service and the agent\'s own errors:', '如果错误指向 127.0.0.1 或 “mail transport”：检查本地服务以及投递代理自身的报错：'),
  retryOnce: lt(
    'After a manual test succeeds and minimal_backoff_time has passed: retry ONE message, then watch the log:',
    '手工测试成功、且已过了 minimal_backoff_time 之后：只重试一封邮件，然后观察日志：',
  ),
  exQueue: lt('Queue summary by domain, and when Exim will next try the destination:', '按域名汇总的队列，以及 Exim 下次何时重试该目标：'),
  exFirst: lt('The first deferrals for the destination (not the "retry time not reached" ones):', '该目标最早的几次延迟记录（不是 “retry time not reached” 那些）：'),
  exRetry: lt('After a manual test succeeds: deliver one message now, verbosely:', '手工测试成功后：立即投递一封邮件，并显示详细过程：'),
  smQueue: lt('Queued messages with their last error in parentheses:', '排队邮件，括号中是最近一次错误：'),
  smFirst: lt('The first deferrals for the destination:', '该目标最早的几次延迟记录：'),
  smRetry: lt('After a manual test succeeds: run the queue for the destination only, verbosely:', '手工测试成功后：只为该目标运行一次队列，并显示详细过程：'),
};

const TITLE = lt('Find the real error for a stuck destination', '找出卡住目标背后的真正错误');

function postfix(ctx: SnippetContext): SnippetDraft {
  const { g, f } = postfixGate(ctx);
  const s = 'shell' as const;
  const json = f.has('postqueue -j');
  const code = lines(
    comment(s, ctx, C.pfSettings),
    postconfShow(g, 'minimal_backoff_time', 'default_destination_concurrency_failed_cohort_limit'),
    '',
    comment(s, ctx, C.pfShape),
    'qshape deferred | head -n 15',
    '',
    comment(s, ctx, C.pfFirst),
    `grep -E 'to=<[^>]*@${DEST}>' /var/log/mail.log | grep 'status=deferred' | grep -v 'temporarily suspended' | head -n 3`,
    '',
    json
      ? [
          comment(s, ctx, C.pfReasons),
          `postqueue -j | jq -r 'select(.recipients[0].address | endswith("@${DEST}")) | [.queue_id, .recipients[0].delay_reason] | @tsv' | head -n 10`,
        ]
      : [comment(s, ctx, C.pfReasonsPlain), 'postqueue -p | head -n 40'],
    '',
    comment(s, ctx, C.pfLocal),
    "grep -E 'fatal:|panic:|warning: process|bad command startup' /var/log/mail.log | tail -n 10",
    '',
    comment(s, ctx, C.retryOnce),
    `postqueue -i '${QID}'`,
    `sleep 20; grep '${QID}' /var/log/mail.log | tail -n 2`,
  );
  return { language: 'shell', title: TITLE, code, notes: [...g.notes, ...f.notes] };
}

function exim(ctx: SnippetContext): SnippetDraft {
  const s = 'shell' as const;
  const code = lines(
    comment(s, ctx, C.exQueue),
    'exim -bp | exiqsumm | sort -k1,1nr | head -n 15',
    `exinext '${DEST}'`,
    '',
    comment(s, ctx, C.exFirst),
    `grep -F '@${DEST}' /var/log/exim4/mainlog | grep ' == ' | grep -v 'retry time not' | head -n 3`,
    '',
    comment(s, ctx, C.exRetry),
    `exim -v -M '<message-id>'`,
  );
  return { language: 'shell', title: TITLE, code };
}

function sendmail(ctx: SnippetContext): SnippetDraft {
  const s = 'shell' as const;
  const code = lines(
    comment(s, ctx, C.smQueue),
    'mailq | head -n 40',
    '',
    comment(s, ctx, C.smFirst),
    `grep -F '@${DEST}>' /var/log/maillog | grep 'stat=Deferred' | head -n 3`,
    '',
    comment(s, ctx, C.smRetry),
    `sendmail -v -qR'${DEST}'`,
  );
  return { language: 'shell', title: TITLE, code };
}

export const deferredDestinationCheck = defineByProduct('deferred-destination-check', { postfix, exim, sendmail });
