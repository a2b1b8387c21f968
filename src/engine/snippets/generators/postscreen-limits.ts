/** postscreen(8) limits (Postfix 2.8 and later). */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { postconfE, postfixCurrent, postfixGate, postfixReload } from '../postfix-shell.ts';
import { CHOOSE, comment, fill, lines, lt, shq } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  none: lt(
    'postscreen needs Postfix 2.8 or later; this Postfix version has no postscreen, so there is nothing to change here.',
    'postscreen 需要 Postfix 2.8 或更高版本；该版本没有 postscreen，这里无需修改。',
  ),
  log: lt('Which postscreen limit was hit:', '触发的是哪一个 postscreen 限制：'),
  perClient: lt(
    'Connections one client may have open to postscreen (default $smtpd_client_connection_count_limit)\n-> "421 4.7.0 Error: too many connections":',
    '单个客户端到 postscreen 的并发连接数（默认 $smtpd_client_connection_count_limit）\n-> "421 4.7.0 Error: too many connections"：',
  ),
  pre: lt(
    'Clients being screened at the same time (default $default_process_limit) -> "All screening ports are busy":',
    '同时接受检测的客户端数（默认 $default_process_limit）-> "All screening ports are busy"：',
  ),
  post: lt(
    'Clients handed to smtpd at the same time (default $default_process_limit) -> "All server ports are busy".\nRaise the smtpd process limit (maxproc of smtpd pass) together with it:',
    '同时交给 smtpd 处理的客户端数（默认 $default_process_limit）-> "All server ports are busy"。\n需要同时提高 smtpd 的进程上限（smtpd pass 那一行的 maxproc）：',
  ),
  access: lt(
    'Let a trusted client skip the postscreen tests (postscreen_access_list, default permit_mynetworks):',
    '让可信客户端跳过 postscreen 检测（postscreen_access_list，默认 permit_mynetworks）：',
  ),
  deny: lt(
    'What postscreen does with clients that postscreen_access_list rejects (default ignore):',
    'postscreen 对 postscreen_access_list 拒绝的客户端采取的动作（默认 ignore）：',
  ),
};

const TITLE = lt('postscreen limits', 'postscreen 限制');

function postfix(ctx: SnippetContext): SnippetDraft {
  const { g, f } = postfixGate(ctx);
  const s = 'shell' as const;
  if (!f.has('postscreen')) {
    return { language: 'text', title: TITLE, code: comment('text', ctx, C.none), notes: f.notes };
  }
  const fl = fill(ctx.params);
  const cidr = fl.ip.includes(':') ? `${fl.ip}/128` : `${fl.ip}/32`;
  const denyAction = g.firstOf('postscreen_denylist_action', 'postscreen_blacklist_action');
  const code = lines(
    comment(s, ctx, C.log),
    `grep -E 'postscreen.*(too many connections|all screening ports busy|all server ports busy)' /var/log/mail.log | tail -n 20`,
    '',
    postfixCurrent(ctx, g, 'postscreen_client_connection_count_limit', 'postscreen_pre_queue_limit', 'postscreen_post_queue_limit', 'postscreen_access_list', 'default_process_limit'),
    '',
    comment(s, ctx, C.perClient),
    postconfE(g, 'postscreen_client_connection_count_limit', CHOOSE.newLimit),
    comment(s, ctx, C.pre),
    postconfE(g, 'postscreen_pre_queue_limit', '<screening-limit>'),
    comment(s, ctx, C.post),
    postconfE(g, 'postscreen_post_queue_limit', '<smtpd-limit>'),
    '',
    comment(s, ctx, C.access),
    `printf '%s\\t%s\\n' ${shq(cidr)} 'permit' >> /etc/postfix/postscreen_access.cidr`,
    postconfE(g, 'postscreen_access_list', 'permit_mynetworks, cidr:/etc/postfix/postscreen_access.cidr'),
    denyAction !== undefined ? comment(s, ctx, C.deny) : null,
    denyAction !== undefined ? `postconf ${denyAction}` : null,
    '',
    postfixReload(ctx),
  );
  return { language: 'shell', title: TITLE, code, notes: [...g.notes, ...f.notes] };
}

export const postscreenLimits = defineByProduct('postscreen-limits', { postfix });
