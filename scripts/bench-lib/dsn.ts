/**
 * Plain RFC 3464 delivery status notifications, for the bounce benchmark when the project's own
 * bounce fixtures (src/testing/fixtures/intake/) are not there yet. Deterministic for a seed.
 */
import { GENERATOR_FAILURES, GENERATOR_HOST, GENERATOR_REMOTES, Rng } from './maillog.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function rfc5322Date(t: number): string {
  const d = new Date(Date.UTC(2026, 10, 1) + t * 1000);
  const day = DAYS[d.getUTCDay()] ?? 'Sun';
  const hms = d.toISOString().slice(11, 19);
  return `${day}, ${d.getUTCDate()} Nov 2026 ${hms} +0000`;
}

/** The `n`-th bounce (a multipart/report with one or two failed recipients), LF line ends as saved on Unix. */
export function dsnMessage(seed: number, n: number): string {
  const rng = new Rng(seed * 7919 + n);
  const t = n * 37 + rng.int(0, 30);
  const boundary = `${rng.chars('0123456789ABCDEF', 10)}.${1_764_000_000 + t}/${GENERATOR_HOST.fqdn}`;
  const sender = `sender${rng.int(1, 60)}@example.com`;
  const count = rng.float() < 0.25 ? 2 : 1;
  const recipients = Array.from({ length: count }, () => {
    const remote = rng.pick(GENERATOR_REMOTES);
    const failure = rng.pick(GENERATOR_FAILURES.filter((f) => f.kind === 'bounced'));
    const rcpt = `user${rng.int(1, 9999)}@${remote.domain}`;
    const reply = failure.reply.replaceAll('{ip}', GENERATOR_HOST.ip).replaceAll('{rcpt}', rcpt);
    return { remote, failure, rcpt, reply };
  });
  const date = rfc5322Date(t);
  const qid = rng.chars('0123456789ABCDEF', 10);
  const human = recipients
    .map((r) => `<${r.rcpt}>: host ${r.remote.host}[${r.remote.ip}] said: ${r.reply} (in reply to ${r.failure.after} command)`)
    .join('\n\n');
  const perRecipient = recipients
    .map((r) => [
      `Final-Recipient: rfc822; ${r.rcpt}`,
      `Original-Recipient: rfc822;${r.rcpt}`,
      'Action: failed',
      `Status: ${r.failure.dsn}`,
      `Remote-MTA: dns; ${r.remote.host}`,
      `Diagnostic-Code: smtp; ${r.reply}`,
    ].join('\n'))
    .join('\n\n');
  return [
    `Return-Path: <>`,
    `Received: by ${GENERATOR_HOST.fqdn} (Postfix) id ${qid}; ${date}`,
    `Date: ${date}`,
    `From: MAILER-DAEMON@${GENERATOR_HOST.fqdn} (Mail Delivery System)`,
    `Subject: Undelivered Mail Returned to Sender`,
    `To: ${sender}`,
    `Auto-Submitted: auto-replied`,
    `MIME-Version: 1.0`,
    `Content-Type: multipart/report; report-type=delivery-status;`,
    `\tboundary="${boundary}"`,
    `Content-Transfer-Encoding: 7bit`,
    `Message-Id: <${qid}.${t}@${GENERATOR_HOST.fqdn}>`,
    '',
    'This is a MIME-encapsulated message.',
    '',
    `--${boundary}`,
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    `This is the mail system at host ${GENERATOR_HOST.fqdn}.`,
    '',
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients. It\'s attached below.',
    '',
    '                   The mail system',
    '',
    human,
    '',
    `--${boundary}`,
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns; ${GENERATOR_HOST.fqdn}`,
    `X-Postfix-Queue-ID: ${qid}`,
    `X-Postfix-Sender: rfc822; ${sender}`,
    `Arrival-Date: ${date}`,
    '',
    perRecipient,
    '',
    `--${boundary}`,
    'Content-Description: Undelivered Message Headers',
    'Content-Type: text/rfc822-headers',
    '',
    `From: ${sender}`,
    `To: ${recipients.map((r) => r.rcpt).join(', ')}`,
    `Subject: Invoice ${rng.int(1000, 9999)}`,
    `Date: ${date}`,
    `Message-ID: <${t}.${rng.int(1000, 99999)}@example.com>`,
    '',
    `--${boundary}--`,
    '',
  ].join('\n');
}
