/**
 * Replays a sender-verification probe (callout) against the MX of your own envelope-sender domain,
 * the way Postfix reject_unverified_sender and Exim verify = sender/callout do it.
 */
import { PRODUCT_IDS } from '../../products.ts';
import { defineGenerator, type SnippetDraft } from '../build.ts';
import { comment, lines, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

/** The envelope sender the receiver refused; the user replaces it. */
const SENDER = '<envelope-sender>';

const C = {
  what: lt(
    'The receiver asks the MX of your envelope-sender domain: MAIL FROM:<> then RCPT TO:<your sender>, and hangs up before DATA.\nRun this from a host outside your own network, with the address quoted in the refusal (not the From: header).',
    '收件方会询问你信封发件人所在域的 MX：先 MAIL FROM:<>，再 RCPT TO:<你的发件地址>，在 DATA 之前断开。\n请在你自己网络之外的主机上运行，地址用拒信中引用的那个（不是 From: 头）。',
  ),
  mx: lt('1. The domain must resolve to a mail server (an MX record, or an A record when there is none):', '1. 该域必须能解析到邮件服务器（MX 记录；没有 MX 时为 A 记录）：'),
  probe: lt(
    '2. Replay the probe against the preferred MX: "MAIL FROM:<>" and "RCPT TO" must both get 250.',
    '2. 对优先级最高的 MX 重放探测：“MAIL FROM:<>” 和 “RCPT TO” 都必须返回 250。',
  ),
  postmaster: lt('3. Some verifiers also probe postmaster@ (Exim callout=postmaster); it must get 250 too:', '3. 有些验证方还会探测 postmaster@（Exim 的 callout=postmaster），它也必须返回 250：'),
};

const TITLE = lt('Replay a sender-verification probe against your MX', '对你的 MX 重放发件人验证探测');

function draft(ctx: SnippetContext): SnippetDraft {
  const code = lines(
    comment('shell', ctx, C.what),
    `sender='${SENDER}'`,
    'domain="${sender#*@}"',
    '',
    comment('shell', ctx, C.mx),
    'dig +short MX "$domain"; dig +short A "$domain"',
    '',
    comment('shell', ctx, C.probe),
    "mx=$(dig +short MX \"$domain\" | sort -n | awk 'NR == 1 { print $2 }')",
    'mx="${mx%.}"; mx="${mx:-$domain}"',
    'swaks --server "$mx" --from \'\' --to "$sender" --quit-after RCPT',
    '',
    comment('shell', ctx, C.postmaster),
    'swaks --server "$mx" --from \'\' --to "postmaster@$domain" --quit-after RCPT',
  );
  return { language: 'shell', title: TITLE, code };
}

export const senderCalloutProbe = defineGenerator('sender-callout-probe', PRODUCT_IDS, (ctx) => [draft(ctx)]);
