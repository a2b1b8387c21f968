/** Client-side TLS 1.2 minimum with STARTTLS required. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { comment, fill, lines, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  nm: lt(
    'requireTLS: fail instead of sending in clear text when STARTTLS is not offered; minVersion: refuse TLS below 1.2.',
    'requireTLS：对方不提供 STARTTLS 时直接失败，而不是明文发送；minVersion：拒绝低于 1.2 的 TLS 版本。',
  ),
  py: lt('Certificate and host-name checks on, TLS 1.2 as the lowest version.', '开启证书和主机名校验，最低 TLS 版本为 1.2。'),
  pyStart: lt('starttls() raises SMTPNotSupportedError when the server does not offer STARTTLS: no clear-text fallback.', '服务器不支持 STARTTLS 时 starttls() 会抛出 SMTPNotSupportedError，不会回退到明文。'),
  phpSmtps: lt(
    'Implicit TLS (SMTPS, port 465): PHPMailer uses the crypto_method below for the connection.',
    '隐式 TLS（SMTPS，465 端口）：PHPMailer 建立连接时使用下面的 crypto_method。',
  ),
  phpStarttls: lt(
    'With STARTTLS (port 587) PHPMailer passes its own TLS method list, so crypto_method does not apply there;\nthe minimum then comes from OpenSSL\'s system setting (MinProtocol in openssl.cnf).',
    '使用 STARTTLS（587 端口）时 PHPMailer 会传入自己的 TLS 方法列表，crypto_method 对其不起作用；\n此时最低版本取决于 OpenSSL 的系统设置（openssl.cnf 中的 MinProtocol）。',
  ),
  phpVerify: lt('Keep certificate checks on.', '保持证书校验开启。'),
  java: lt(
    'Require STARTTLS and allow only TLS 1.2 and 1.3; check the server certificate\'s host name.',
    '强制使用 STARTTLS，只允许 TLS 1.2 和 1.3；校验服务器证书中的主机名。',
  ),
};

const TITLE = lt('Require TLS 1.2 or newer when sending', '发送时要求 TLS 1.2 或更高版本');

function nodemailer(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const j = 'javascript' as const;
  const code = lines(
    "import nodemailer from 'nodemailer';",
    '',
    comment(j, ctx, C.nm),
    'export const transporter = nodemailer.createTransport({',
    `  host: '${fl.smtpHost}',`,
    '  port: 587,',
    '  secure: false,',
    '  requireTLS: true,',
    "  tls: { minVersion: 'TLSv1.2' },",
    '  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },',
    '});',
  );
  return { language: 'javascript', title: TITLE, code };
}

function python(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const p = 'python' as const;
  const code = lines(
    'import os',
    'import smtplib',
    'import ssl',
    '',
    comment(p, ctx, C.py),
    'context = ssl.create_default_context()',
    'context.minimum_version = ssl.TLSVersion.TLSv1_2',
    '',
    `with smtplib.SMTP("${fl.smtpHost}", 587, timeout=60) as smtp:`,
    comment(p, ctx, C.pyStart, {}, '    '),
    '    smtp.starttls(context=context)',
    '    smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASS"])',
    '    print(smtp.sock.version())',
  );
  return { language: 'python', title: TITLE, code };
}

function phpmailer(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const h = 'php' as const;
  const code = lines(
    '<?php',
    'use PHPMailer\\PHPMailer\\PHPMailer;',
    '',
    "require 'vendor/autoload.php';",
    '',
    '$mail = new PHPMailer(true);',
    '$mail->isSMTP();',
    `$mail->Host = '${fl.smtpHost}';`,
    '$mail->SMTPAuth = true;',
    "$mail->Username = getenv('SMTP_USER');",
    "$mail->Password = getenv('SMTP_PASS');",
    comment(h, ctx, C.phpSmtps),
    '$mail->SMTPSecure = PHPMailer::ENCRYPTION_SMTPS;',
    '$mail->Port = 465;',
    '$method = STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT;',
    "if (defined('STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT')) {",
    '    $method |= STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT;',
    '}',
    '$mail->SMTPOptions = [',
    "    'ssl' => [",
    "        'crypto_method' => $method,",
    comment(h, ctx, C.phpVerify, {}, '        '),
    "        'verify_peer' => true,",
    "        'verify_peer_name' => true,",
    '    ],',
    '];',
    comment(h, ctx, C.phpStarttls),
  );
  return { language: 'php', title: TITLE, code };
}

function jakarta(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const j = 'java' as const;
  const code = lines(
    'import java.util.Properties;',
    'import jakarta.mail.Session;',
    '',
    'public final class TlsSession {',
    '    public static Session create() {',
    '        Properties p = new Properties();',
    `        p.put("mail.smtp.host", "${fl.smtpHost}");`,
    '        p.put("mail.smtp.port", "587");',
    comment(j, ctx, C.java, {}, '        '),
    '        p.put("mail.smtp.starttls.enable", "true");',
    '        p.put("mail.smtp.starttls.required", "true");',
    '        p.put("mail.smtp.ssl.protocols", "TLSv1.2 TLSv1.3");',
    '        p.put("mail.smtp.ssl.checkserveridentity", "true");',
    '        return Session.getInstance(p);',
    '    }',
    '}',
  );
  return { language: 'java', title: TITLE, code };
}

export const clientTls12 = defineByProduct('client-tls12', { nodemailer, 'python-smtplib': python, phpmailer, 'jakarta-mail': jakarta });
