/**
 * Send outgoing mail through a provider's relay (smarthost) on the submission port: TLS required,
 * SMTP AUTH with the account's credentials, and a HELO name in your own domain. Used for relays that
 * recognise their customers by login or domain (Google Workspace smtp-relay.gmail.com and the like).
 */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { eximGate, eximOpt, sendmailGate, sendmailRebuild, smDefine } from '../mta-lines.ts';
import { postconfE, postfixCurrent, postfixGate, postfixReload } from '../postfix-shell.ts';
import { comment, fill, lines, lt, shq } from '../text.ts';
import type { SnippetContext } from '../types.ts';

/** Placeholders for the account the relay expects; never filled from the user's input. */
const USER = '<username>';
const PASSWORD = '<password>';
/** Submission port with STARTTLS: the port relays expect for SMTP AUTH. */
const PORT = '587';

const C = {
  secret: lt(
    'The file holds a password: keep it readable by root only, and never paste it into a ticket or a chat.',
    '该文件里有密码：只允许 root 读取，切勿把它贴到工单或聊天里。',
  ),
  pfRelay: lt(
    '1. Send all outgoing mail through the relay on the submission port; brackets = no MX lookup for that name.',
    '1. 所有外发邮件都经中继的提交端口发出；方括号表示不对该名称查询 MX。',
  ),
  pfTls: lt(
    '2. Encrypt every session to the relay and refuse to send otherwise, so the password never travels in clear text.',
    '2. 与中继的每个会话都加密，不加密就不发，确保密码不会以明文传输。',
  ),
  pfAuth: lt(
    '3. Log in (SMTP AUTH). The default smtp_sasl_security_options (noplaintext, noanonymous) forbids PLAIN and LOGIN;\nallow them here because step 2 already requires TLS.',
    '3. 登录（SMTP AUTH）。smtp_sasl_security_options 的默认值（noplaintext, noanonymous）会禁止 PLAIN 和 LOGIN；\n第 2 步已强制 TLS，所以这里放开它们。',
  ),
  pfFile: lt(
    '4. The password table: the key must be written exactly as in relayhost. Then build its lookup file:',
    '4. 密码表：键必须与 relayhost 中的写法完全一致。然后生成查询文件：',
  ),
  helo: lt(
    'Greet with a fully qualified name in your own domain: relays that recognise their customers by domain read the HELO name.',
    '用你自己域下的完整域名打招呼：按域名识别客户的中继会读取 HELO 名称。',
  ),
  pfIpv4: lt(
    'Only if the relay allows your IPv4 address but not your IPv6 one: connect over IPv4 (needs Postfix 2.8).',
    '仅当中继只登记了你的 IPv4 地址、没有登记 IPv6 时：改为经 IPv4 连接（需要 Postfix 2.8）。',
  ),
  pfTest: lt('Send a test and read the result in the log:', '发一封测试邮件，并在日志中查看结果：'),
  exDebian: lt(
    'Debian/Ubuntu split configuration: prefer dpkg-reconfigure exim4-config ("mail sent by smarthost") and\n/etc/exim4/passwd.client (<smtp-host>:<username>:<password>); the lines below are for a single configuration file.',
    'Debian/Ubuntu 的拆分配置：优先使用 dpkg-reconfigure exim4-config（选择 “mail sent by smarthost”）和\n/etc/exim4/passwd.client（<smtp-host>:<username>:<password>）；下面几行适用于单一配置文件。',
  ),
  exRouter: lt(
    '=== routers === Before the dnslookup router: every non-local domain goes to the relay.',
    '=== routers === 放在 dnslookup 路由器之前：所有非本地域都交给中继。',
  ),
  exTransport: lt(
    '=== transports === TLS and login are mandatory towards the relay; the HELO name is in your domain.',
    '=== transports === 对中继强制使用 TLS 和登录；HELO 名称使用你的域。',
  ),
  exAuth: lt(
    '=== authenticators === Client side of PLAIN: user name and password, sent only inside TLS (hosts_require_tls above).',
    '=== authenticators === PLAIN 的客户端部分：用户名和密码，只在 TLS 内发送（见上面的 hosts_require_tls）。',
  ),
  exCheck: lt('Check the configuration and where a test address is routed:', '检查配置语法，并查看测试地址会被路由到哪里：'),
  smMc: lt(
    'In sendmail.mc, before the MAILER lines: the relay in brackets (no MX lookup), its submission port, PLAIN/LOGIN,\nthe separate authinfo map, and a HELO name in your domain.',
    '写在 sendmail.mc 中、MAILER 行之前：方括号中的中继（不查 MX）、它的提交端口、PLAIN/LOGIN、\n单独的 authinfo 表，以及使用你的域的 HELO 名称。',
  ),
  smAuthinfo: lt('The login for the relay, then its map:', '中继的登录信息，然后生成查询表：'),
  smTls: lt(
    'Refuse to talk to the relay without encryption (access map, needs FEATURE(`access_db\')):',
    '不加密就拒绝与中继通信（写在 access 表中，需要 FEATURE(`access_db\')）：',
  ),
};

const TITLE = lt('Send through an authenticated relay (smarthost) over TLS', '经 TLS 通过需认证的中继（smarthost）发信');

function postfix(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const { g } = postfixGate(ctx);
  const s = 'shell' as const;
  const key = `[${fl.smtpHost}]:${PORT}`;
  const code = lines(
    postfixCurrent(ctx, g, 'relayhost', 'smtp_tls_security_level', 'smtp_sasl_auth_enable', 'smtp_sasl_password_maps', 'smtp_sasl_security_options', 'smtp_sasl_tls_security_options', 'smtp_helo_name'),
    '',
    comment(s, ctx, C.pfRelay),
    postconfE(g, 'relayhost', key),
    comment(s, ctx, C.pfTls),
    postconfE(g, 'smtp_tls_security_level', 'encrypt'),
    comment(s, ctx, C.pfAuth),
    postconfE(g, 'smtp_sasl_auth_enable', 'yes'),
    postconfE(g, 'smtp_sasl_password_maps', 'hash:/etc/postfix/sasl_passwd'),
    postconfE(g, 'smtp_sasl_security_options', 'noanonymous'),
    postconfE(g, 'smtp_sasl_tls_security_options', 'noanonymous'),
    comment(s, ctx, C.pfFile),
    comment(s, ctx, C.secret),
    `printf '%s %s\\n' ${shq(key)} ${shq(`${USER}:${PASSWORD}`)} > /etc/postfix/sasl_passwd`,
    'chmod 600 /etc/postfix/sasl_passwd',
    'postmap hash:/etc/postfix/sasl_passwd',
    comment(s, ctx, C.helo),
    postconfE(g, 'smtp_helo_name', fl.hostname),
    comment(s, ctx, C.pfIpv4),
    g.has('smtp_address_preference') ? `# ${postconfE(g, 'smtp_address_preference', 'ipv4') ?? ''}` : null,
    '',
    postfixReload(ctx),
    comment(s, ctx, C.pfTest),
    `echo test | sendmail -f '<envelope-sender>' '<test-recipient>'; tail -n 5 /var/log/mail.log`,
  );
  return { language: 'shell', title: TITLE, code, notes: g.notes };
}

function exim(ctx: SnippetContext): SnippetDraft[] {
  const fl = fill(ctx.params);
  const g = eximGate(ctx);
  const e = 'exim' as const;
  const conf = lines(
    comment(e, ctx, C.exDebian),
    '',
    comment(e, ctx, C.exRouter),
    'smarthost:',
    '  driver = manualroute',
    '  domains = ! +local_domains',
    '  transport = remote_smtp_smarthost',
    eximOpt(g, 'route_list', `* ${fl.smtpHost} byname`, '  '),
    '  no_more',
    '',
    comment(e, ctx, C.exTransport),
    'remote_smtp_smarthost:',
    '  driver = smtp',
    eximOpt(g, 'port', PORT, '  '),
    eximOpt(g, 'hosts_require_tls', '*', '  '),
    eximOpt(g, 'hosts_require_auth', '*', '  '),
    eximOpt(g, 'helo_data', fl.hostname, '  '),
    '',
    comment(e, ctx, C.exAuth),
    comment(e, ctx, C.secret),
    'smarthost_plain:',
    '  driver = plaintext',
    eximOpt(g, 'public_name', 'PLAIN', '  '),
    eximOpt(g, 'client_send', `^${USER}^${PASSWORD}`, '  '),
  );
  const check = lines(comment('shell', ctx, C.exCheck), 'exim -bV', "exim -bt '<test-recipient>'");
  return [
    { language: 'exim', title: TITLE, code: conf, notes: g.notes },
    { language: 'shell', title: lt('Check the Exim change', '检查 Exim 配置'), code: check, part: 'check' },
  ];
}

function sendmail(ctx: SnippetContext): SnippetDraft[] {
  const fl = fill(ctx.params);
  const g = sendmailGate(ctx);
  const m = 'sendmail-mc' as const;
  const s = 'shell' as const;
  const mc = lines(
    comment(m, ctx, C.smMc),
    smDefine(g, 'SMART_HOST', `[${fl.smtpHost}]`),
    smDefine(g, 'RELAY_MAILER_ARGS', `TCP $h ${PORT}`),
    smDefine(g, 'ESMTP_MAILER_ARGS', `TCP $h ${PORT}`),
    smDefine(g, 'confAUTH_MECHANISMS', 'PLAIN LOGIN'),
    g.has('FEATURE(authinfo)') ? "FEATURE(`authinfo', `hash /etc/mail/authinfo')dnl" : null,
    comment(m, ctx, C.helo),
    smDefine(g, 'confDOMAIN_NAME', fl.hostname),
  );
  const apply = lines(
    comment(s, ctx, C.smAuthinfo),
    comment(s, ctx, C.secret),
    `printf 'AuthInfo:%s "U:%s" "P:%s" "M:PLAIN"\\n' ${shq(fl.smtpHost)} ${shq(USER)} ${shq(PASSWORD)} > /etc/mail/authinfo`,
    'chmod 600 /etc/mail/authinfo',
    'makemap hash /etc/mail/authinfo < /etc/mail/authinfo',
    comment(s, ctx, C.smTls),
    `printf 'TLS_Srv:%s\\tENCR:128\\n' ${shq(fl.smtpHost)} >> /etc/mail/access`,
    'makemap hash /etc/mail/access < /etc/mail/access',
    sendmailRebuild(ctx),
  );
  return [
    { language: 'sendmail-mc', title: TITLE, code: mc, notes: g.notes },
    { language: 'shell', title: lt('Password map, TLS rule, rebuild and restart', '密码表、TLS 规则、重新生成配置并重启'), code: apply, part: 'apply' },
  ];
}

export const smarthostAuth = defineByProduct('smarthost-auth', { postfix, exim, sendmail });
