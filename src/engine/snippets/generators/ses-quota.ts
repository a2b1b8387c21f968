/** Amazon SES sending quota: read it, watch it, and pace the sender to it. */
import { defineGenerator, type SnippetDraft } from '../build.ts';
import { PRODUCT_IDS } from '../../products.ts';
import { comment, fill, lines, lt, shq } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  quota: lt(
    'Quotas are per AWS Region and count recipients, not messages. Max24HourSend = daily quota (-1 = unlimited),\nMaxSendRate = recipients per second, SentLast24Hours = used so far.',
    '配额按 AWS 区域分别计算，统计的是收件人数而不是邮件数。Max24HourSend 为每日配额（-1 表示不限），\nMaxSendRate 为每秒收件人数，SentLast24Hours 为已用量。',
  ),
  v1: lt('The same numbers through the older SES v1 API:', '通过旧版 SES v1 API 查看同样的数字：'),
  sandbox: lt('ProductionAccessEnabled false = sandbox (200 per 24 h, 1 per second, verified recipients only).', 'ProductionAccessEnabled 为 false 表示仍在沙箱中（每 24 小时 200 封、每秒 1 封、只能发给已验证的收件人）。'),
  metrics: lt('Sends per hour over the last day (CloudWatch, namespace AWS/SES):', '过去一天每小时的发送量（CloudWatch，命名空间 AWS/SES）：'),
  increase: lt(
    'More quota: ask for production access if still in the sandbox, then request a higher sending quota or\nsending rate for this Region (Service Quotas console for Amazon SES, or an AWS Support case).\nUntil then, keep the sender below MaxSendRate.',
    '需要更多配额：如果仍在沙箱中，先申请生产访问权限；然后为该区域申请提高发送配额或发送速率\n（在 Service Quotas 控制台中选择 Amazon SES，或提交 AWS Support 工单）。\n在此之前，让发送端保持在 MaxSendRate 以下。',
  ),
  nm: lt(
    'Pace nodemailer to the SES sending rate: at most MAX_SEND_RATE messages per second for the whole pool.\nA message with several recipients counts once per recipient against the SES quota.',
    '让 nodemailer 按 SES 发送速率限速：整个连接池每秒最多 MAX_SEND_RATE 封。\n一封有多个收件人的邮件，在 SES 配额中按收件人数计算。',
  ),
  nmRate: lt('MaxSendRate from "aws sesv2 get-account" (sandbox: 1).', '来自 "aws sesv2 get-account" 的 MaxSendRate（沙箱为 1）。'),
};

const TITLE = lt('Check the Amazon SES sending quota', '查看 Amazon SES 发送配额');

function cli(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const s = 'shell' as const;
  const r = shq(fl.region);
  const code = lines(
    comment(s, ctx, C.quota),
    `aws sesv2 get-account --region ${r} --query '{Quota: SendQuota, Production: ProductionAccessEnabled, Sending: SendingEnabled}'`,
    comment(s, ctx, C.sandbox),
    comment(s, ctx, C.v1),
    `aws ses get-send-quota --region ${r}`,
    '',
    comment(s, ctx, C.metrics),
    `aws cloudwatch get-metric-statistics --region ${r} --namespace AWS/SES --metric-name Send \\`,
    `  --start-time "$(date -u -d '-1 day' +%Y-%m-%dT%H:%M:%SZ)" --end-time "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \\`,
    '  --period 3600 --statistics Sum',
    '',
    comment(s, ctx, C.increase),
  );
  return { language: 'shell', title: TITLE, code };
}

function nodemailerPacing(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const j = 'javascript' as const;
  const host = fl.given.smtpHost ? fl.smtpHost : fl.given.region ? `email-smtp.${fl.region}.amazonaws.com` : fl.smtpHost;
  const code = lines(
    "import nodemailer from 'nodemailer';",
    '',
    comment(j, ctx, C.nmRate),
    `const MAX_SEND_RATE = ${fl.given.limit ? fl.limit : 1};`,
    '',
    comment(j, ctx, C.nm),
    'export const transporter = nodemailer.createTransport({',
    `  host: '${host}',`,
    '  port: 587,',
    '  requireTLS: true,',
    '  auth: { user: process.env.SES_SMTP_USER, pass: process.env.SES_SMTP_PASS },',
    '  pool: true,',
    '  maxConnections: Math.max(1, Math.min(5, MAX_SEND_RATE)),',
    '  rateDelta: 1000,',
    '  rateLimit: MAX_SEND_RATE,',
    '});',
  );
  return { language: 'javascript', title: lt('Pace nodemailer to the SES sending rate', '按 SES 发送速率为 nodemailer 限速'), code, part: 'pacing' };
}

export const sesQuota = defineGenerator('ses-quota', PRODUCT_IDS, (ctx) =>
  ctx.product === 'nodemailer' ? [cli(ctx), nodemailerPacing(ctx)] : [cli(ctx)],
);
