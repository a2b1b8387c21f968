/** One SMTP transaction per recipient domain, for applications that deliver straight to a provider's MX (Gmail: "Multiple destination domains per transaction is unsupported"). */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { comment, fill, lines, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  why: lt(
    'Google\'s MX hosts take recipients of one domain per transaction and answer 451 4.3.0 for the others.\nSend one transaction per recipient domain; several recipients of the same domain may share one.',
    'Google 的 MX 每次事务只接受一个域的收件人，其余域的收件人会收到 451 4.3.0。\n请按收件域分别发起事务；同一个域的多个收件人可以放在同一次事务里。',
  ),
  mx: lt('The MX host you deliver to (port 25, STARTTLS when offered, no login).', '你要投递的 MX 主机（25 端口，对方支持时使用 STARTTLS，不登录）。'),
  group: lt('Group the addresses by domain (the part after the last @), case-insensitively.', '按域名（最后一个 @ 之后的部分，不区分大小写）对地址分组。'),
  envelope: lt(
    'The envelope carries one domain per sendMail call; the To/Cc headers stay as they are.',
    '每次调用 sendMail 时信封里只放一个域的收件人；To/Cc 邮件头保持不变。',
  ),
  pyLoop: lt('One MAIL FROM … DATA per domain on the same connection; the headers stay as they are.', '在同一个连接上按域各发一次 MAIL FROM … DATA；邮件头保持不变。'),
  pyRefused: lt('Recipients the server refused, per address (a 4xx here is retried by your queue, not dropped).', '服务器拒绝的收件人，按地址列出（这里的 4xx 应交给你的队列重试，不要丢弃）。'),
  phpHeaders: lt(
    'PHPMailer builds To from the addresses it sends to, so each domain\'s copy shows only that domain\'s recipients.',
    'PHPMailer 根据实际投递的地址生成 To 头，所以每个域收到的副本只显示本域的收件人。',
  ),
  javaSend: lt(
    'sendMessage uses the addresses given here for RCPT TO; the headers of the message are not changed.',
    'sendMessage 使用这里给出的地址作为 RCPT TO；邮件本身的头部不会改变。',
  ),
};

const TITLE = lt('Send one SMTP transaction per recipient domain', '按收件域拆分 SMTP 事务');

function nodemailer(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const j = 'javascript' as const;
  const code = lines(
    "import nodemailer from 'nodemailer';",
    '',
    comment(j, ctx, C.why),
    comment(j, ctx, C.mx),
    `const transporter = nodemailer.createTransport({ host: '${fl.smtpHost}', port: 25, secure: false });`,
    '',
    comment(j, ctx, C.group),
    'function byDomain(addresses) {',
    '  const groups = new Map();',
    '  for (const address of addresses) {',
    "    const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();",
    '    if (!groups.has(domain)) groups.set(domain, []);',
    '    groups.get(domain).push(address);',
    '  }',
    '  return groups;',
    '}',
    '',
    comment(j, ctx, C.envelope),
    'export async function sendPerDomain(message, envelopeFrom, recipients) {',
    '  const results = [];',
    '  for (const [, to] of byDomain(recipients)) {',
    '    results.push(await transporter.sendMail({ ...message, envelope: { from: envelopeFrom, to } }));',
    '  }',
    '  return results;',
    '}',
  );
  return { language: 'javascript', title: TITLE, code };
}

function python(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const p = 'python' as const;
  const code = lines(
    'import smtplib',
    'import ssl',
    'from collections import defaultdict',
    '',
    comment(p, ctx, C.why),
    comment(p, ctx, C.mx),
    `MX_HOST = "${fl.smtpHost}"`,
    '',
    '',
    comment(p, ctx, C.group),
    'def by_domain(addresses):',
    '    groups = defaultdict(list)',
    '    for address in addresses:',
    '        groups[address.rsplit("@", 1)[-1].lower()].append(address)',
    '    return groups',
    '',
    '',
    'def send_per_domain(msg, envelope_from, recipients):',
    '    refused = {}',
    '    with smtplib.SMTP(MX_HOST, 25, timeout=60) as smtp:',
    '        smtp.ehlo()',
    '        if smtp.has_extn("starttls"):',
    '            smtp.starttls(context=ssl.create_default_context())',
    '            smtp.ehlo()',
    comment(p, ctx, C.pyLoop, {}, '        '),
    '        for rcpts in by_domain(recipients).values():',
    '            refused.update(smtp.send_message(msg, from_addr=envelope_from, to_addrs=rcpts))',
    comment(p, ctx, C.pyRefused, {}, '    '),
    '    return refused',
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
    comment(h, ctx, C.group),
    'function byDomain(array $addresses): array',
    '{',
    '    $groups = [];',
    '    foreach ($addresses as $address) {',
    "        $domain = strtolower(substr($address, strrpos($address, '@') + 1));",
    '        $groups[$domain][] = $address;',
    '    }',
    '    return $groups;',
    '}',
    '',
    comment(h, ctx, C.phpHeaders),
    'function sendPerDomain(string $from, array $recipients, string $subject, string $body): void',
    '{',
    '    foreach (byDomain($recipients) as $group) {',
    '        $mail = new PHPMailer(true);',
    '        $mail->isSMTP();',
    comment(h, ctx, C.mx, {}, '        '),
    `        $mail->Host = '${fl.smtpHost}';`,
    '        $mail->Port = 25;',
    '        $mail->SMTPAuth = false;',
    '        $mail->setFrom($from);',
    '        foreach ($group as $address) {',
    '            $mail->addAddress($address);',
    '        }',
    '        $mail->Subject = $subject;',
    '        $mail->Body = $body;',
    '        $mail->send();',
    '    }',
    '}',
  );
  return { language: 'php', title: TITLE, code };
}

function jakarta(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const j = 'java' as const;
  const code = lines(
    'import java.util.ArrayList;',
    'import java.util.LinkedHashMap;',
    'import java.util.List;',
    'import java.util.Locale;',
    'import java.util.Map;',
    'import java.util.Properties;',
    'import jakarta.mail.Address;',
    'import jakarta.mail.Message;',
    'import jakarta.mail.MessagingException;',
    'import jakarta.mail.Session;',
    'import jakarta.mail.Transport;',
    'import jakarta.mail.internet.InternetAddress;',
    '',
    comment(j, ctx, C.why),
    'public final class PerDomainSender {',
    '    public static Session session() {',
    '        Properties p = new Properties();',
    comment(j, ctx, C.mx, {}, '        '),
    `        p.put("mail.smtp.host", "${fl.smtpHost}");`,
    '        p.put("mail.smtp.port", "25");',
    '        p.put("mail.smtp.starttls.enable", "true");',
    '        return Session.getInstance(p);',
    '    }',
    '',
    comment(j, ctx, C.group, {}, '    '),
    '    static Map<String, List<Address>> byDomain(List<InternetAddress> recipients) {',
    '        Map<String, List<Address>> groups = new LinkedHashMap<>();',
    '        for (InternetAddress a : recipients) {',
    '            String addr = a.getAddress();',
    "            String domain = addr.substring(addr.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);",
    '            groups.computeIfAbsent(domain, k -> new ArrayList<>()).add(a);',
    '        }',
    '        return groups;',
    '    }',
    '',
    comment(j, ctx, C.javaSend, {}, '    '),
    '    public static void sendPerDomain(Session session, Message message, List<InternetAddress> recipients) throws MessagingException {',
    '        message.saveChanges();',
    '        try (Transport transport = session.getTransport("smtp")) {',
    '            transport.connect();',
    '            for (List<Address> group : byDomain(recipients).values()) {',
    '                transport.sendMessage(message, group.toArray(new Address[0]));',
    '            }',
    '        }',
    '    }',
    '}',
  );
  return { language: 'java', title: TITLE, code };
}

export const clientSplitByDomain = defineByProduct('client-split-by-domain', {
  nodemailer,
  'python-smtplib': python,
  phpmailer,
  'jakarta-mail': jakarta,
});
