/** How many messages the sender pushes over one SMTP connection before it reconnects. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { eximGate, eximOpt } from '../mta-lines.ts';
import { postconfE, postfixCurrent, postfixGate, postfixReload } from '../postfix-shell.ts';
import { comment, fill, lines, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  seen: lt('The receiver accepts {limit} messages per connection, per the log.', '根据日志，对方每个连接接受 {limit} 封邮件。'),
  count: lt(
    'Reuse a cached connection at most this many times (a connection then carries up to N+1 messages); 0 = no limit (default).\nPostfix warns this is unsafe with many inbound MTAs; smtp_connection_reuse_time_limit (default 300s) is the safer knob.',
    '一个缓存连接最多复用多少次（之后每个连接最多发送 N+1 封）；0 表示不限制（默认值）。\nPostfix 文档提醒：对方有多台入站 MTA 时此功能不安全；smtp_connection_reuse_time_limit（默认 300s）更稳妥。',
  ),
  time: lt('Time limit for reusing a connection (default 300s):', '连接复用的时间上限（默认 300s）：'),
  exim: lt(
    '=== transports === In your smtp transport (Debian: remote_smtp). Messages per connection before it is closed (default 500).',
    '=== transports === 写在 smtp 传输中（Debian：remote_smtp）。一个连接发送多少封邮件后关闭（默认 500）。',
  ),
  nm: lt(
    'Pooled transport: each connection sends at most maxMessages messages (default 100), then a new one is opened.',
    '连接池传输：每个连接最多发送 maxMessages 封邮件（默认 100），之后新建连接。',
  ),
};

const TITLE = lt('Messages per SMTP connection', '每个 SMTP 连接发送的邮件数');

function postfix(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const { g } = postfixGate(ctx);
  const s = 'shell' as const;
  const n = fl.given.limit && Number(fl.limit) > 1 ? String(Number(fl.limit) - 1) : '<reuse-count>';
  const code = lines(
    fl.given.limit ? comment(s, ctx, C.seen, { limit: fl.limit }) : null,
    postfixCurrent(ctx, g, 'smtp_connection_reuse_count_limit', 'smtp_connection_reuse_time_limit'),
    '',
    comment(s, ctx, C.count),
    postconfE(g, 'smtp_connection_reuse_count_limit', n),
    comment(s, ctx, C.time),
    postconfE(g, 'smtp_connection_reuse_time_limit', '300s'),
    '',
    postfixReload(ctx),
  );
  return { language: 'shell', title: TITLE, code, notes: g.notes };
}

function exim(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const g = eximGate(ctx);
  const e = 'exim' as const;
  const code = lines(
    comment(e, ctx, C.exim),
    fl.given.limit ? comment(e, ctx, C.seen, { limit: fl.limit }) : null,
    'remote_smtp:',
    '  driver = smtp',
    eximOpt(g, 'connection_max_messages', fl.given.limit ? fl.limit : '<messages-per-connection>', '  '),
  );
  return { language: 'exim', title: TITLE, code, notes: g.notes };
}

function nodemailer(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const j = 'javascript' as const;
  const code = lines(
    "import nodemailer from 'nodemailer';",
    '',
    fl.given.limit ? comment(j, ctx, C.seen, { limit: fl.limit }) : null,
    comment(j, ctx, C.nm),
    'const transporter = nodemailer.createTransport({',
    `  host: '${fl.smtpHost}',`,
    '  port: 587,',
    '  pool: true,',
    `  maxMessages: ${fl.given.limit ? fl.limit : 100},`,
    '  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },',
    '});',
    '',
    'export default transporter;',
  );
  return { language: 'javascript', title: TITLE, code };
}

export const maxMessagesPerConnection = defineByProduct('max-messages-per-connection', { postfix, exim, nodemailer });
