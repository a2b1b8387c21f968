/** Maximum message size on a receiving server: show it, and raise it consistently with the related limits. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { exchangeGate, exchangeSet, eximCheck, eximGate, eximOpt, sendmailGate, sendmailRebuild, smDefine } from '../mta-lines.ts';
import { postconfE, postfixCurrent, postfixGate, postfixReload } from '../postfix-shell.ts';
import { CHOOSE, comment, fill, lines, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

/** Placeholder for the new limit in bytes (Postfix, Sendmail) or with a unit (Exim, Exchange). */
const NEW_BYTES = '<new-limit-bytes>';
const NEW_SIZE = CHOOSE.newLimit;

const C = {
  seen: lt('The log shows a limit of {limit} bytes.', '日志显示当前上限为 {limit} 字节。'),
  encoded: lt(
    'Limits count the message as sent: base64 makes attachments about 37 % larger, so allow for it.',
    '上限按实际发送的邮件计算：base64 会让附件增大约 37%，设置时要留出余量。',
  ),
  pfMessage: lt(
    'Largest accepted message in bytes, headers and envelope included (default 10240000).',
    '可接收的最大邮件字节数，包括信封和邮件头（默认 10240000）。',
  ),
  pfMailbox: lt(
    'local(8) and virtual(8) refuse to start when their mailbox limit is smaller than message_size_limit:\nkeep mailbox_size_limit (default 51200000) at least as large, or 0 for no limit.',
    '如果邮箱上限小于 message_size_limit，local(8) 和 virtual(8) 会拒绝启动：\n让 mailbox_size_limit（默认 51200000）不小于它，或设为 0 表示不限制。',
  ),
  pfVirtual: lt(
    'Only if you deliver with virtual(8): the same rule for virtual_mailbox_limit (default 51200000).',
    '仅在使用 virtual(8) 投递时：virtual_mailbox_limit（默认 51200000）同样适用此规则。',
  ),
  eximMain: lt(
    '=== main === Main configuration section (Debian split config: a file under /etc/exim4/conf.d/main/).\nLargest accepted message, with a unit such as 100M (default 50M); an expansion may give different limits per host or sender.',
    '=== main === 主配置段（Debian 拆分配置：放在 /etc/exim4/conf.d/main/ 下的文件中）。\n可接收的最大邮件，带单位，如 100M（默认 50M）；也可以写成展开表达式，按主机或发件人给出不同上限。',
  ),
  eximTransport: lt(
    'Each transport has its own message_size_limit option (no limit unless set); check that none is lower.',
    '各 transport 也有自己的 message_size_limit 选项（不设置则不限制）；确认没有比它更小的。',
  ),
  smMc: lt(
    'In sendmail.mc: largest accepted message in bytes (MaxMessageSize; no limit unless set). Sendmail advertises it as SIZE in EHLO.',
    '写在 sendmail.mc 中：可接收的最大邮件字节数（MaxMessageSize；不设置则不限制）。Sendmail 会在 EHLO 中以 SIZE 声明它。',
  ),
  exShow: lt('Current limits: every Receive connector, the organisation and the mailbox.', '当前上限：各接收连接器、整个组织以及邮箱。'),
  exConnector: lt(
    'Receive connector that takes Internet mail, with a unit such as 50MB (default 36 MB, which holds about 25 MB of attachments):',
    '接收 Internet 邮件的接收连接器，带单位，如 50MB（默认 36 MB，约可容纳 25 MB 附件）：',
  ),
  exOrg: lt(
    'Organisation-wide limits (10 MB by default on-premises); the smallest limit that applies wins:',
    '组织级上限（本地部署默认 10 MB）；起作用的是所有适用上限中最小的那个：',
  ),
};

const TITLE = lt('Maximum message size', '最大邮件大小');

function postfix(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const { g } = postfixGate(ctx);
  const s = 'shell' as const;
  const code = lines(
    fl.given.limit ? comment(s, ctx, C.seen, { limit: fl.limit }) : null,
    postfixCurrent(ctx, g, 'message_size_limit', 'mailbox_size_limit', 'virtual_mailbox_limit'),
    '',
    comment(s, ctx, C.encoded),
    comment(s, ctx, C.pfMessage),
    postconfE(g, 'message_size_limit', NEW_BYTES),
    comment(s, ctx, C.pfMailbox),
    postconfE(g, 'mailbox_size_limit', NEW_BYTES),
    comment(s, ctx, C.pfVirtual),
    postconfE(g, 'virtual_mailbox_limit', NEW_BYTES),
    '',
    postfixReload(ctx),
  );
  return { language: 'shell', title: TITLE, code, notes: g.notes };
}

function exim(ctx: SnippetContext): SnippetDraft[] {
  const fl = fill(ctx.params);
  const g = eximGate(ctx);
  const e = 'exim' as const;
  const conf = lines(
    comment(e, ctx, C.eximMain),
    fl.given.limit ? comment(e, ctx, C.seen, { limit: fl.limit }) : null,
    comment(e, ctx, C.encoded),
    eximOpt(g, 'message_size_limit', NEW_SIZE),
    comment(e, ctx, C.eximTransport),
  );
  const check = lines(eximCheck(ctx, g, 'message_size_limit'));
  return [
    { language: 'exim', title: TITLE, code: conf, notes: g.notes },
    { language: 'shell', title: lt('Check the Exim change', '检查 Exim 配置'), code: check, part: 'check' },
  ];
}

function sendmail(ctx: SnippetContext): SnippetDraft[] {
  const fl = fill(ctx.params);
  const g = sendmailGate(ctx);
  const m = 'sendmail-mc' as const;
  const mc = lines(
    fl.given.limit ? comment(m, ctx, C.seen, { limit: fl.limit }) : null,
    comment(m, ctx, C.encoded),
    comment(m, ctx, C.smMc),
    smDefine(g, 'confMAX_MESSAGE_SIZE', NEW_BYTES),
  );
  return [
    { language: 'sendmail-mc', title: TITLE, code: mc, notes: g.notes },
    { language: 'shell', title: lt('Rebuild and restart Sendmail', '重新生成配置并重启 Sendmail'), code: lines(sendmailRebuild(ctx)), part: 'apply' },
  ];
}

function exchange(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const g = exchangeGate(ctx);
  const p = 'powershell' as const;
  const code = lines(
    fl.given.limit ? comment(p, ctx, C.seen, { limit: fl.limit }) : null,
    comment(p, ctx, C.exShow),
    'Get-ReceiveConnector | Format-Table Identity, MaxMessageSize',
    'Get-TransportConfig | Format-List MaxReceiveSize, MaxSendSize',
    "Get-Mailbox -Identity '<recipient-mailbox>' | Format-List MaxReceiveSize",
    '',
    comment(p, ctx, C.encoded),
    comment(p, ctx, C.exConnector),
    exchangeSet(g, 'Set-ReceiveConnector', CHOOSE.receiveConnector, { MaxMessageSize: NEW_SIZE }),
    comment(p, ctx, C.exOrg),
    g.has('Set-TransportConfig -MaxReceiveSize') && g.has('Set-TransportConfig -MaxSendSize') ? `Set-TransportConfig -MaxReceiveSize ${NEW_SIZE} -MaxSendSize ${NEW_SIZE}` : null,
  );
  return { language: 'powershell', title: TITLE, code, notes: g.notes };
}

export const messageSizeLimit = defineByProduct('message-size-limit', { postfix, exim, sendmail, exchange });
