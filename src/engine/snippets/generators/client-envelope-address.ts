/** A clean envelope for applications: one bare, checked address per MAIL FROM / RCPT TO, display names only in the headers. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { comment, fill, lines, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  why: lt(
    'The envelope (MAIL FROM / RCPT TO) takes one bare address per command: no display name, no list,\nno spaces or line breaks. Names belong in the From/To headers only.',
    '信封（MAIL FROM / RCPT TO）每条命令只能放一个纯地址：不带显示名、不是列表、\n不含空格或换行。显示名只放在 From/To 邮件头里。',
  ),
  clean: lt(
    'Turn form or database input into a bare address: drop line breaks and tabs, take the part inside <...>,\nand refuse anything that still is not local@domain.tld.',
    '把表单或数据库里的输入变成纯地址：去掉换行和制表符，取出 <...> 里的部分，\n仍然不是 local@domain.tld 形式的一律拒绝。',
  ),
  list: lt('One recipient per array element; a string holding several comma-separated addresses must be split first.', '每个数组元素放一个收件人；含有多个逗号分隔地址的字符串要先拆开。'),
  envelope: lt('The envelope gets the bare addresses; the headers of the message keep their names.', '信封使用纯地址；邮件头保留显示名。'),
  pyList: lt('getaddresses() splits header-style lists correctly, even with commas inside quoted names.', 'getaddresses() 能正确拆分邮件头格式的地址列表，即使引号内的名字里有逗号。'),
  pySend: lt('from_addr and to_addrs become MAIL FROM and RCPT TO; the From/To headers of msg are not changed.', 'from_addr 和 to_addrs 分别成为 MAIL FROM 和 RCPT TO；msg 的 From/To 头不变。'),
  phpSender: lt('Sender is the envelope sender (MAIL FROM); setFrom() keeps the name for the From header.', 'Sender 是信封发件人（MAIL FROM）；setFrom() 为 From 头保留显示名。'),
  phpList: lt('parseAddresses() splits a header-style list into name and address pairs.', 'parseAddresses() 把邮件头格式的列表拆成名字和地址。'),
  javaParse: lt(
    'Strict parsing splits the list and rejects malformed addresses; getAddress() is the bare address used for RCPT TO.',
    '严格解析会拆分列表并拒绝格式错误的地址；getAddress() 返回用于 RCPT TO 的纯地址。',
  ),
  javaFrom: lt('mail.smtp.from is the envelope sender (MAIL FROM); the From header stays as set on the message.', 'mail.smtp.from 是信封发件人（MAIL FROM）；From 头保持消息上设置的内容。'),
};

const TITLE = lt('Send a clean envelope: one bare address per command', '发送干净的信封：每条命令一个纯地址');

function nodemailer(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const j = 'javascript' as const;
  const code = lines(
    "import nodemailer from 'nodemailer';",
    '',
    comment(j, ctx, C.why),
    'const transporter = nodemailer.createTransport({',
    `  host: '${fl.smtpHost}',`,
    '  port: 587,',
    '  secure: false,',
    '  requireTLS: true,',
    '  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },',
    '});',
    '',
    comment(j, ctx, C.clean),
    'export function bareAddress(input) {',
    "  const text = String(input).replace(/[\\r\\n\\t]+/g, ' ').trim();",
    '  const inBrackets = /<([^<>]*)>\\s*$/.exec(text);',
    "  const address = (inBrackets ? inBrackets[1] : text).trim().replace(/^\"+|\"+$/g, '');",
    '  if (!/^[^\\s@<>",;]+@[^\\s@<>",;.]+(?:\\.[^\\s@<>",;.]+)+$/.test(address)) {',
    '    throw new Error(`not a usable envelope address: ${JSON.stringify(String(input))}`);',
    '  }',
    '  return address;',
    '}',
    '',
    comment(j, ctx, C.list),
    comment(j, ctx, C.envelope),
    'export function sendClean(message, envelopeFrom, recipients) {',
    '  const envelope = { from: bareAddress(envelopeFrom), to: recipients.map(bareAddress) };',
    '  return transporter.sendMail({ ...message, envelope });',
    '}',
  );
  return { language: 'javascript', title: TITLE, code };
}

function python(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const p = 'python' as const;
  const code = lines(
    'import os',
    'import re',
    'import smtplib',
    'from email.utils import getaddresses, parseaddr',
    '',
    comment(p, ctx, C.why),
    'BARE = re.compile(r"[^\\s@<>\\",;]+@[^\\s@<>\\",;.]+(?:\\.[^\\s@<>\\",;.]+)+")',
    '',
    '',
    comment(p, ctx, C.clean),
    'def bare_address(value):',
    '    text = " ".join(str(value).split())',
    '    _, address = parseaddr(text)',
    '    if not BARE.fullmatch(address):',
    '        raise ValueError(f"not a usable envelope address: {value!r}")',
    '    return address',
    '',
    '',
    'def send_clean(msg, envelope_from, recipients):',
    comment(p, ctx, C.pyList, {}, '    '),
    '    rcpts = [bare_address(address) for _, address in getaddresses(recipients)]',
    `    with smtplib.SMTP("${fl.smtpHost}", 587, timeout=60) as smtp:`,
    '        smtp.starttls()',
    '        smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASS"])',
    comment(p, ctx, C.pySend, {}, '        '),
    '        return smtp.send_message(msg, from_addr=bare_address(envelope_from), to_addrs=rcpts)',
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
    comment(h, ctx, C.why),
    comment(h, ctx, C.clean),
    'function bareAddress(string $value): string',
    '{',
    "    $value = trim(preg_replace('/[\\r\\n\\t]+/', ' ', $value));",
    "    if (preg_match('/<([^<>]*)>\\s*$/', $value, $m)) {",
    '        $value = trim($m[1]);',
    '    }',
    '    if (!PHPMailer::validateAddress($value)) {',
    "        throw new InvalidArgumentException('not a usable envelope address: ' . $value);",
    '    }',
    '    return $value;',
    '}',
    '',
    'function sendClean(string $from, string $fromName, string $recipientList, string $subject, string $body): void',
    '{',
    '    $mail = new PHPMailer(true);',
    '    $mail->isSMTP();',
    `    $mail->Host = '${fl.smtpHost}';`,
    '    $mail->Port = 587;',
    '    $mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;',
    '    $mail->SMTPAuth = true;',
    "    $mail->Username = getenv('SMTP_USER');",
    "    $mail->Password = getenv('SMTP_PASS');",
    comment(h, ctx, C.phpSender, {}, '    '),
    '    $mail->setFrom(bareAddress($from), $fromName);',
    '    $mail->Sender = bareAddress($from);',
    comment(h, ctx, C.phpList, {}, '    '),
    '    foreach (PHPMailer::parseAddresses($recipientList) as $rcpt) {',
    "        $mail->addAddress(bareAddress($rcpt['address']), $rcpt['name']);",
    '    }',
    '    $mail->Subject = $subject;',
    '    $mail->Body = $body;',
    '    $mail->send();',
    '}',
  );
  return { language: 'php', title: TITLE, code };
}

function jakarta(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const j = 'java' as const;
  const code = lines(
    'import java.util.Properties;',
    'import jakarta.mail.Message;',
    'import jakarta.mail.MessagingException;',
    'import jakarta.mail.Session;',
    'import jakarta.mail.Transport;',
    'import jakarta.mail.internet.AddressException;',
    'import jakarta.mail.internet.InternetAddress;',
    '',
    comment(j, ctx, C.why),
    'public final class CleanEnvelope {',
    comment(j, ctx, C.javaParse, {}, '    '),
    '    static InternetAddress[] parseStrict(String list) throws AddressException {',
    '        InternetAddress[] parsed = InternetAddress.parse(list.replaceAll("[\\\\r\\\\n\\\\t]+", " ").trim(), true);',
    '        for (InternetAddress a : parsed) {',
    '            a.validate();',
    '        }',
    '        return parsed;',
    '    }',
    '',
    '    public static void send(Message message, String envelopeFrom, String recipients) throws MessagingException {',
    '        Properties p = new Properties();',
    `        p.put("mail.smtp.host", "${fl.smtpHost}");`,
    '        p.put("mail.smtp.port", "587");',
    '        p.put("mail.smtp.starttls.enable", "true");',
    '        p.put("mail.smtp.starttls.required", "true");',
    comment(j, ctx, C.javaFrom, {}, '        '),
    '        p.put("mail.smtp.from", parseStrict(envelopeFrom)[0].getAddress());',
    '        Session session = Session.getInstance(p);',
    '        try (Transport t = session.getTransport("smtp")) {',
    '            t.connect(System.getenv("SMTP_USER"), System.getenv("SMTP_PASS"));',
    '            t.sendMessage(message, parseStrict(recipients));',
    '        }',
    '    }',
    '}',
  );
  return { language: 'java', title: TITLE, code };
}

export const clientEnvelopeAddress = defineByProduct('client-envelope-address', {
  nodemailer,
  'python-smtplib': python,
  phpmailer,
  'jakarta-mail': jakarta,
});
