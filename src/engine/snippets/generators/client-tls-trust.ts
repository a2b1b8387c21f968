/** Trust a private CA (or a fresh set of roots) explicitly while keeping certificate verification on. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { postconfE, postfixCurrent, postfixGate } from '../postfix-shell.ts';
import { comment, fill, lines, lt, shq } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const CA = '<ca-file>';
const BUNDLE = '<system-ca-bundle>';
const STORE_PASS = '<truststore-password>';

const C = {
  nm: lt(
    'tls.ca replaces Node\'s built-in roots for this transport: list the private CA (PEM), and the public roots too if the\nsame transport also talks to public servers. To add a CA for the whole process instead, start Node with\nNODE_EXTRA_CA_CERTS=<ca-file>. Verification stays on: never set rejectUnauthorized to false.',
    'tls.ca 会替换该传输使用的 Node 内置根证书：在这里列出私有 CA（PEM 格式）；如果同一个传输还要连接公共服务器，\n也要把公共根证书一并列上。若想对整个进程追加 CA，可改用 NODE_EXTRA_CA_CERTS=<ca-file> 启动 Node。\n证书校验保持开启：切勿把 rejectUnauthorized 设为 false。',
  ),
  nmName: lt(
    'Only if you must connect by IP address: the name the certificate was issued for.',
    '仅在必须用 IP 地址连接时使用：证书签发时所用的名称。',
  ),
  py: lt(
    'System roots plus the private CA; certificate and host-name checks stay on.',
    '系统根证书加上私有 CA；证书和主机名校验保持开启。',
  ),
  php: lt(
    'cafile replaces the default CA bundle for this connection: point it at a file holding the private CA\n(append the system bundle to it if the same code also talks to public servers). Keep both checks on.',
    'cafile 会替换这条连接默认使用的 CA 证书包：让它指向包含私有 CA 的文件\n（如果同一段代码还要连接公共服务器，把系统证书包追加进去）。两项校验都保持开启。',
  ),
  javaCopy: lt(
    'Start from a copy of the JDK\'s own trust store, so the public roots stay trusted (its default password is "changeit"):',
    '以 JDK 自带信任库的副本为基础，这样公共根证书仍然受信任（其默认密码为 “changeit”）：',
  ),
  javaImport: lt('Add the private CA to the copy:', '把私有 CA 导入这个副本：'),
  javaRun: lt(
    'Run the application with the copy as its trust store; keep mail.smtp.ssl.checkserveridentity=true and do not use mail.smtp.ssl.trust=*.',
    '运行应用时指定该副本为信任库；保持 mail.smtp.ssl.checkserveridentity=true，不要使用 mail.smtp.ssl.trust=*。',
  ),
  pfBuild: lt(
    'Postfix trusts only the files named here (system roots are added only with tls_append_default_CA = yes):\nbuild one file from the system bundle and the private CA.',
    'Postfix 只信任这里指定的文件（只有 tls_append_default_CA = yes 时才追加系统根证书）：\n用系统证书包和私有 CA 拼成一个文件。',
  ),
  pfSet: lt(
    'smtp_tls_CAfile is read before smtp(8) enters its chroot, so this path works for chrooted services too\n(a smtp_tls_CApath directory, by contrast, must exist inside the chroot).',
    'smtp_tls_CAfile 在 smtp(8) 进入 chroot 之前读取，所以 chroot 运行的服务也可以用这个路径\n（相比之下，smtp_tls_CApath 目录必须存在于 chroot 内部）。',
  ),
  test: lt('Check the chain against exactly that file, then apply:', '用这个文件校验证书链，然后使配置生效：'),
  watch: lt('The next delivery should log a Trusted or Verified TLS connection:', '下一次投递应记录 Trusted 或 Verified 的 TLS 连接：'),
};

const TITLE = lt('Trust the server\'s CA explicitly (verification stays on)', '显式信任服务器的 CA（保持证书校验）');

function nodemailer(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const j = 'javascript' as const;
  const code = lines(
    "import fs from 'node:fs';",
    "import nodemailer from 'nodemailer';",
    '',
    comment(j, ctx, C.nm),
    'export const transporter = nodemailer.createTransport({',
    `  host: '${fl.smtpHost}',`,
    '  port: 587,',
    '  secure: false,',
    '  requireTLS: true,',
    '  tls: {',
    `    ca: [fs.readFileSync('${CA}')],`,
    comment(j, ctx, C.nmName, {}, '    '),
    `    // servername: '${fl.smtpHost}',`,
    '  },',
    '});',
  );
  return { language: 'javascript', title: TITLE, code };
}

function python(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const p = 'python' as const;
  const code = lines(
    'import smtplib',
    'import ssl',
    '',
    comment(p, ctx, C.py),
    'context = ssl.create_default_context()',
    `context.load_verify_locations(cafile="${CA}")`,
    '',
    `with smtplib.SMTP("${fl.smtpHost}", 587, timeout=60) as smtp:`,
    '    smtp.starttls(context=context)',
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
    '$mail->Port = 587;',
    '$mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;',
    comment(h, ctx, C.php),
    '$mail->SMTPOptions = [',
    "    'ssl' => [",
    "        'verify_peer' => true,",
    "        'verify_peer_name' => true,",
    `        'cafile' => '${CA}',`,
    '    ],',
    '];',
  );
  return { language: 'php', title: TITLE, code };
}

function jakarta(ctx: SnippetContext): SnippetDraft {
  const s = 'shell' as const;
  const code = lines(
    comment(s, ctx, C.javaCopy),
    'cp "$JAVA_HOME/lib/security/cacerts" smtp-truststore.jks',
    comment(s, ctx, C.javaImport),
    `keytool -importcert -noprompt -alias smtp-private-ca -file ${shq(CA)} -keystore smtp-truststore.jks -storepass ${shq(STORE_PASS)}`,
    comment(s, ctx, C.javaRun),
    `java -Djavax.net.ssl.trustStore=smtp-truststore.jks -Djavax.net.ssl.trustStorePassword=${shq(STORE_PASS)} -jar ${shq('<app.jar>')}`,
  );
  return { language: 'shell', title: TITLE, code };
}

function postfix(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const { g } = postfixGate(ctx);
  const s = 'shell' as const;
  const file = '/etc/postfix/smtp-ca.pem';
  const code = lines(
    postfixCurrent(ctx, g, 'smtp_tls_CAfile', 'smtp_tls_CApath', 'tls_append_default_CA'),
    '',
    comment(s, ctx, C.pfBuild),
    `cat ${shq(BUNDLE)} ${shq(CA)} > ${file}`,
    comment(s, ctx, C.pfSet),
    postconfE(g, 'smtp_tls_CAfile', file),
    '',
    comment(s, ctx, C.test),
    `openssl s_client -starttls smtp -connect ${shq(`${fl.destination}:25`)} -CAfile ${file} -verify_return_error </dev/null 2>&1 | grep 'Verify return code'`,
    'postfix reload',
    comment(s, ctx, C.watch),
    `grep -E '(Trusted|Verified) TLS connection established to' /var/log/mail.log | grep -F ${shq(fl.destination)} | tail -n 3`,
  );
  return { language: 'shell', title: TITLE, code, notes: g.notes };
}

export const clientTlsTrust = defineByProduct('client-tls-trust', {
  nodemailer,
  'python-smtplib': python,
  phpmailer,
  'jakarta-mail': jakarta,
  postfix,
});
