/** Application-side retry with exponential backoff and full jitter on temporary SMTP failures. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { atLeast, resolveVersion } from '../gate.ts';
import { comment, fill, lines, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  timeouts: lt('Time limits in milliseconds, so that a hung connection fails instead of blocking.', '以毫秒为单位的超时，让卡住的连接报错退出而不是一直阻塞。'),
  retryable: lt(
    'Temporary failures worth another try: 421 and other 4xx replies, dropped or timed-out connections.\n5xx replies are permanent: retrying the same message gets the same answer.',
    '值得重试的临时错误：421 及其他 4xx 回复、连接被断开或超时。\n5xx 回复是永久错误：同一封邮件重试也会得到同样的结果。',
  ),
  nmHelper: lt(
    'nodemailer 10.1+ ships the same test as isTransientError (421, ECONNECTION, ESOCKET, ETIMEDOUT).',
    'nodemailer 10.1 起自带同样的判断函数 isTransientError（421、ECONNECTION、ESOCKET、ETIMEDOUT）。',
  ),
  jitter: lt(
    'Exponential backoff with full jitter: wait a random time between 0 and min(cap, base * 2^attempt).',
    '指数退避加完全随机抖动：等待 0 到 min(上限, 基数 * 2^重试次数) 之间的随机时长。',
  ),
  attempts: lt('Give up after this many attempts and let the caller queue the message.', '超过该尝试次数后放弃，由调用方把邮件放回队列。'),
  pyConnect: lt('A new connection for every attempt: after a 421 the server (and smtplib) has closed the old one.', '每次尝试都新建连接：收到 421 后，服务器（以及 smtplib）已经关闭了旧连接。'),
  pyRcpt: lt('Retry refused recipients only when every one of them got a 4xx reply.', '只有当所有被拒收件人都收到 4xx 回复时才重试。'),
  pyPartial: lt('Some recipients were refused, the others accepted: report them, do not resend to everyone.', '部分收件人被拒、其余已接收：记录被拒的收件人，不要对所有人重发。'),
  phpNew: lt('A new PHPMailer (and so a new connection) for every attempt.', '每次尝试都新建 PHPMailer 实例（也就新建连接）。'),
  php63: lt(
    'PHPMailer 6.3+ closes the connection on a 421 during connect or EHLO and reports the code in smtp_code.',
    'PHPMailer 6.3 起在连接或 EHLO 阶段收到 421 时会关闭连接，并在 smtp_code 中给出该代码。',
  ),
  phpOld: lt(
    'Before PHPMailer 6.3 a 421 during connect or EHLO is not recognised and smtp_code may be empty;\nan empty code is treated as temporary here. Upgrading to 6.3 or later is the real fix.',
    'PHPMailer 6.3 之前无法识别连接或 EHLO 阶段的 421，smtp_code 可能为空；\n这里把空代码当作临时错误处理。根本办法是升级到 6.3 或更高版本。',
  ),
  phpNoCode: lt('No reply code: the connection failed or dropped; worth another try.', '没有回复代码：连接失败或被断开，值得重试。'),
  javaProps: lt('Jakarta Mail waits forever by default: always set the three time limits (milliseconds).', 'Jakarta Mail 默认无限等待：务必设置这三个超时（毫秒）。'),
  javaCode: lt('The SMTP reply code, if the failure carries one (MAIL/DATA: SMTPSendFailedException; RCPT: SMTPAddressFailedException).', '失败信息中的 SMTP 回复代码（MAIL/DATA 阶段为 SMTPSendFailedException；RCPT 阶段为 SMTPAddressFailedException）。'),
  javaNoCode: lt(
    'No reply code: bad greeting (such as 421), lost connection or timeout; worth another try. Authentication failures are not.',
    '没有回复代码：问候语异常（如 421）、连接丢失或超时，值得重试；认证失败则不重试。',
  ),
};

const TITLE = lt('Retry temporary SMTP failures with backoff', '对临时 SMTP 错误做退避重试');
const NOTE_NO_AUTO = lt(
  'None of these libraries retries a 4xx reply by itself; without code like this a 421 loses the message or surfaces as an error to the user.',
  '这些库都不会自动重试 4xx 回复；没有这样的代码，421 会导致邮件丢失或直接作为错误抛给用户。',
);

function nodemailer(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const v = resolveVersion(ctx);
  const j = 'javascript' as const;
  const helper = v.known && atLeast(v, '10.1');
  const notes = [NOTE_NO_AUTO];
  if (v.known && atLeast(v, '10') && !helper) {
    notes.push(lt(
      'nodemailer 10.1 and later export isTransientError from "nodemailer/lib/errors"; with 10.0 the snippet tests err.responseCode and err.code itself.',
      'nodemailer 10.1 及以上版本从 "nodemailer/lib/errors" 导出 isTransientError；10.0 版本时片段直接判断 err.responseCode 和 err.code。',
    ));
  }
  const code = lines(
    "import nodemailer from 'nodemailer';",
    helper ? "import { isTransientError } from 'nodemailer/lib/errors';" : null,
    '',
    'const transporter = nodemailer.createTransport({',
    `  host: '${fl.smtpHost}',`,
    '  port: 587,',
    '  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },',
    comment(j, ctx, C.timeouts, {}, '  '),
    '  connectionTimeout: 30000,',
    '  greetingTimeout: 30000,',
    '  socketTimeout: 60000,',
    '});',
    '',
    comment(j, ctx, C.retryable),
    helper ? comment(j, ctx, C.nmHelper) : null,
    'function isRetryable(err) {',
    helper ? '  if (isTransientError(err)) return true;' : null,
    "  if (typeof err.responseCode === 'number') return err.responseCode >= 400 && err.responseCode < 500;",
    "  return err.code === 'ECONNECTION' || err.code === 'ETIMEDOUT';",
    '}',
    '',
    'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));',
    '',
    comment(j, ctx, C.attempts),
    'export async function sendWithRetry(message, { attempts = 5, baseMs = 1000, capMs = 60000 } = {}) {',
    '  for (let attempt = 1; ; attempt++) {',
    '    try {',
    '      return await transporter.sendMail(message);',
    '    } catch (err) {',
    '      if (attempt >= attempts || !isRetryable(err)) throw err;',
    comment(j, ctx, C.jitter, {}, '      '),
    '      const delay = Math.random() * Math.min(capMs, baseMs * 2 ** attempt);',
    '      console.warn(`SMTP attempt ${attempt} failed (${err.responseCode ?? err.code}); retrying in ${Math.round(delay)} ms`);',
    '      await sleep(delay);',
    '    }',
    '  }',
    '}',
  );
  return { language: 'javascript', title: TITLE, code, notes };
}

function python(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const p = 'python' as const;
  const code = lines(
    'import os',
    'import random',
    'import smtplib',
    'import socket',
    'import ssl',
    'import time',
    'from email.message import EmailMessage',
    '',
    `SMTP_HOST = "${fl.smtpHost}"`,
    'SMTP_PORT = 587',
    comment(p, ctx, C.attempts),
    'MAX_ATTEMPTS = 5',
    'BASE_DELAY = 1.0',
    'MAX_DELAY = 60.0',
    '',
    '',
    'def is_temporary(exc):',
    comment(p, ctx, C.retryable, {}, '    '),
    '    if isinstance(exc, smtplib.SMTPRecipientsRefused):',
    comment(p, ctx, C.pyRcpt, {}, '        '),
    '        return all(400 <= code < 500 for code, _msg in exc.recipients.values())',
    '    if isinstance(exc, smtplib.SMTPResponseException):',
    '        return 400 <= exc.smtp_code < 500',
    '    return isinstance(exc, (smtplib.SMTPServerDisconnected, ConnectionError, TimeoutError, socket.timeout))',
    '',
    '',
    'def send_with_retry(msg: EmailMessage):',
    '    context = ssl.create_default_context()',
    '    for attempt in range(1, MAX_ATTEMPTS + 1):',
    '        try:',
    comment(p, ctx, C.pyConnect, {}, '            '),
    '            with smtplib.SMTP(SMTP_HOST, SMTP_PORT, timeout=60) as smtp:',
    '                smtp.starttls(context=context)',
    '                smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASS"])',
    '                refused = smtp.send_message(msg)',
    comment(p, ctx, C.pyPartial, {}, '            '),
    '            return refused',
    '        except (smtplib.SMTPException, OSError) as exc:',
    '            if attempt == MAX_ATTEMPTS or not is_temporary(exc):',
    '                raise',
    comment(p, ctx, C.jitter, {}, '            '),
    '            delay = random.uniform(0, min(MAX_DELAY, BASE_DELAY * 2 ** attempt))',
    '            print(f"SMTP attempt {attempt} failed ({exc!r}); retrying in {delay:.1f} s")',
    '            time.sleep(delay)',
    '    return None',
  );
  return { language: 'python', title: TITLE, code, notes: [NOTE_NO_AUTO] };
}

function phpmailer(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const v = resolveVersion(ctx);
  const modern = atLeast(v, '6.3');
  const h = 'php' as const;
  const notes = [NOTE_NO_AUTO];
  if (!modern) notes.push(C.phpOld);
  const code = lines(
    '<?php',
    'use PHPMailer\\PHPMailer\\PHPMailer;',
    'use PHPMailer\\PHPMailer\\Exception;',
    '',
    "require 'vendor/autoload.php';",
    '',
    comment(h, ctx, C.phpNew),
    'function newMailer(): PHPMailer',
    '{',
    '    $mail = new PHPMailer(true);',
    '    $mail->isSMTP();',
    `    $mail->Host = '${fl.smtpHost}';`,
    '    $mail->Port = 587;',
    '    $mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;',
    '    $mail->SMTPAuth = true;',
    "    $mail->Username = getenv('SMTP_USER');",
    "    $mail->Password = getenv('SMTP_PASS');",
    '    $mail->Timeout = 30;',
    '    return $mail;',
    '}',
    '',
    comment(h, ctx, C.attempts),
    'function sendWithRetry(callable $fill, int $maxAttempts = 5, int $baseMs = 1000, int $capMs = 60000): void',
    '{',
    '    for ($attempt = 1; ; $attempt++) {',
    '        $mail = newMailer();',
    '        $fill($mail);',
    '        try {',
    '            $mail->send();',
    '            return;',
    '        } catch (Exception $e) {',
    modern ? comment(h, ctx, C.php63, {}, '            ') : comment(h, ctx, C.phpOld, {}, '            '),
    "            $code = (int) ($mail->getSMTPInstance()->getError()['smtp_code'] ?? 0);",
    comment(h, ctx, C.retryable, {}, '            '),
    comment(h, ctx, C.phpNoCode, {}, '            '),
    '            $temporary = $code === 0 || ($code >= 400 && $code < 500);',
    '            if ($attempt >= $maxAttempts || !$temporary) {',
    '                throw $e;',
    '            }',
    comment(h, ctx, C.jitter, {}, '            '),
    '            usleep(random_int(0, min($capMs, $baseMs * (2 ** $attempt))) * 1000);',
    '        }',
    '    }',
    '}',
  );
  return { language: 'php', title: TITLE, code, notes };
}

function jakarta(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const v = resolveVersion(ctx);
  const angus = atLeast(v, '2.1');
  const pkg = angus ? 'org.eclipse.angus.mail.smtp' : 'com.sun.mail.smtp';
  const notes = [
    NOTE_NO_AUTO,
    angus
      ? lt('Jakarta Mail 2.1 with Eclipse Angus Mail: the SMTP classes are in org.eclipse.angus.mail.smtp.', 'Jakarta Mail 2.1 搭配 Eclipse Angus Mail：SMTP 相关类位于 org.eclipse.angus.mail.smtp。')
      : lt(
          'Jakarta Mail 2.0 (com.sun.mail:jakarta.mail): the SMTP classes are in com.sun.mail.smtp; with Jakarta Mail 2.1 and Angus Mail they are in org.eclipse.angus.mail.smtp.',
          'Jakarta Mail 2.0（com.sun.mail:jakarta.mail）：SMTP 相关类位于 com.sun.mail.smtp；使用 Jakarta Mail 2.1 和 Angus Mail 时位于 org.eclipse.angus.mail.smtp。',
        ),
  ];
  const j = 'java' as const;
  const code = lines(
    'import java.util.Properties;',
    'import java.util.concurrent.ThreadLocalRandom;',
    'import jakarta.mail.AuthenticationFailedException;',
    'import jakarta.mail.Authenticator;',
    'import jakarta.mail.Message;',
    'import jakarta.mail.MessagingException;',
    'import jakarta.mail.PasswordAuthentication;',
    'import jakarta.mail.Session;',
    'import jakarta.mail.Transport;',
    `import ${pkg}.SMTPAddressFailedException;`,
    `import ${pkg}.SMTPSendFailedException;`,
    '',
    'public final class RetryingMailer {',
    '    private static final int MAX_ATTEMPTS = 5;',
    '    private static final long BASE_MS = 1000;',
    '    private static final long CAP_MS = 60000;',
    '',
    '    public static Session session() {',
    '        Properties p = new Properties();',
    `        p.put("mail.smtp.host", "${fl.smtpHost}");`,
    '        p.put("mail.smtp.port", "587");',
    '        p.put("mail.smtp.auth", "true");',
    '        p.put("mail.smtp.starttls.enable", "true");',
    comment(j, ctx, C.javaProps, {}, '        '),
    '        p.put("mail.smtp.connectiontimeout", "30000");',
    '        p.put("mail.smtp.timeout", "60000");',
    '        p.put("mail.smtp.writetimeout", "60000");',
    '        return Session.getInstance(p, new Authenticator() {',
    '            @Override',
    '            protected PasswordAuthentication getPasswordAuthentication() {',
    '                return new PasswordAuthentication(System.getenv("SMTP_USER"), System.getenv("SMTP_PASS"));',
    '            }',
    '        });',
    '    }',
    '',
    comment(j, ctx, C.javaCode, {}, '    '),
    '    static int replyCode(MessagingException e) {',
    '        Exception x = e;',
    '        while (x != null) {',
    '            if (x instanceof SMTPSendFailedException) return ((SMTPSendFailedException) x).getReturnCode();',
    '            if (x instanceof SMTPAddressFailedException) return ((SMTPAddressFailedException) x).getReturnCode();',
    '            x = (x instanceof MessagingException) ? ((MessagingException) x).getNextException() : null;',
    '        }',
    '        return -1;',
    '    }',
    '',
    comment(j, ctx, C.retryable, {}, '    '),
    '    static boolean isTemporary(MessagingException e) {',
    '        int code = replyCode(e);',
    '        if (code >= 400 && code < 500) return true;',
    '        if (code >= 500) return false;',
    comment(j, ctx, C.javaNoCode, {}, '        '),
    '        return !(e instanceof AuthenticationFailedException);',
    '    }',
    '',
    comment(j, ctx, C.attempts, {}, '    '),
    '    public static void sendWithRetry(Message message) throws MessagingException, InterruptedException {',
    '        for (int attempt = 1; ; attempt++) {',
    '            try {',
    '                Transport.send(message);',
    '                return;',
    '            } catch (MessagingException e) {',
    '                if (attempt >= MAX_ATTEMPTS || !isTemporary(e)) throw e;',
    comment(j, ctx, C.jitter, {}, '                '),
    '                long bound = Math.min(CAP_MS, BASE_MS * (1L << attempt));',
    '                Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));',
    '            }',
    '        }',
    '    }',
    '}',
  );
  return { language: 'java', title: TITLE, code, notes };
}

export const clientBackoff = defineByProduct('client-backoff', { nodemailer, 'python-smtplib': python, phpmailer, 'jakarta-mail': jakarta });
