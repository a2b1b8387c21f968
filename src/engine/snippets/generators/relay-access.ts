/** Relay permission for one trusted client (by address) and for logged-in users (SMTP AUTH), never for everyone. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { exchangeGate, exchangeSet, eximGate } from '../mta-lines.ts';
import { postconfE, postfixCurrent, postfixGate, postfixReload } from '../postfix-shell.ts';
import { CHOOSE, comment, fill, isIpv4, lines, lt, postfixAddr, shq } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  pfTrust: lt(
    'Trust exactly the client that must relay without a password; keep the loopback entries. Never list a /0 or a whole provider network.',
    '只精确信任那台必须免密转发的客户端，并保留回环地址。切勿写 /0 或整个运营商网段。',
  ),
  pfRelay: lt(
    'Relay only for $mynetworks and logged-in clients (the default since Postfix 2.10 ends in defer_unauth_destination, a 454; reject_unauth_destination answers 554).',
    '只为 $mynetworks 和已登录的客户端转发（Postfix 2.10 起的默认值以 defer_unauth_destination 结尾，回复 454；reject_unauth_destination 回复 554）。',
  ),
  pfSasl: lt(
    'SMTP AUTH through Dovecot (socket private/auth below the queue directory); turn it on only on the submission service:',
    '通过 Dovecot 做 SMTP AUTH（套接字为队列目录下的 private/auth）；只在 submission 服务上启用：',
  ),
  pfMaster: lt(
    'Create the submission service in master.cf if it is missing, then set its -o options:',
    '如果 master.cf 中还没有 submission 服务就先创建，然后设置它的 -o 选项：',
  ),
  pfTest: lt('Test from the trusted client (relays) and from elsewhere (still refused):', '分别从受信任客户端（应能转发）和其他地方（仍应被拒）测试：'),
  exMain: lt(
    '=== main === Hosts allowed to relay without logging in (the default RCPT ACL accepts +relay_from_hosts). Keep localhost.',
    '=== main === 允许免登录转发的主机（默认 RCPT ACL 接受 +relay_from_hosts）。请保留本机地址。',
  ),
  exDebian: lt(
    'Debian (exim4-config): set dc_relay_nets in /etc/exim4/update-exim4.conf.conf instead, then run update-exim4.conf.',
    'Debian（exim4-config）：改为在 /etc/exim4/update-exim4.conf.conf 中设置 dc_relay_nets，然后运行 update-exim4.conf。',
  ),
  exCheck: lt('Check the configuration, then replay the client\'s session through the ACLs:', '检查配置语法，然后模拟该客户端的会话走一遍 ACL：'),
  xNew: lt(
    'A dedicated Receive connector in the Front End Transport service, used only by the listed address (never widen the default connectors).\n<server-ip>: the Exchange address the device connects to (all addresses: the IPv4 any-address).',
    '在前端传输服务中新建专用接收连接器，只供列出的地址使用（切勿放宽默认连接器）。\n<server-ip>：设备连接的 Exchange 地址（全部地址则写 IPv4 任意地址）。',
  ),
  xPerm: lt('Let anonymous sessions on this connector relay:', '允许该连接器上的匿名会话转发：'),
  xCheck: lt('Check the connector and the granted right:', '检查连接器与已授予的权限：'),
};

const TITLE = lt('Relay permission for a trusted client', '为受信任客户端开放转发权限');

function postfix(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const { g, f } = postfixGate(ctx);
  const s = 'shell' as const;
  const client = fl.given.ip ? `${postfixAddr(fl.ip)}/${isIpv4(fl.ip) ? '32' : '128'}` : fl.ip;
  const master = f.has('postconf -P');
  const code = lines(
    postfixCurrent(ctx, g, 'mynetworks', 'smtpd_relay_restrictions', 'smtpd_sasl_auth_enable', 'smtpd_sasl_type', 'smtpd_sasl_path'),
    '',
    comment(s, ctx, C.pfTrust),
    postconfE(g, 'mynetworks', `127.0.0.1/32 [::1]/128 ${client}`),
    '',
    comment(s, ctx, C.pfRelay),
    postconfE(g, 'smtpd_relay_restrictions', 'permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination'),
    '',
    comment(s, ctx, C.pfSasl),
    postconfE(g, 'smtpd_sasl_type', 'dovecot'),
    postconfE(g, 'smtpd_sasl_path', 'private/auth'),
    master ? comment(s, ctx, C.pfMaster) : null,
    master ? `postconf -M submission/inet 2>/dev/null | grep -q . || postconf -M ${shq('submission/inet=submission inet n - y - - smtpd')}` : null,
    master && g.has('smtpd_sasl_auth_enable') ? `postconf -P ${shq('submission/inet/smtpd_sasl_auth_enable=yes')}` : null,
    master && g.has('smtpd_tls_auth_only') ? `postconf -P ${shq('submission/inet/smtpd_tls_auth_only=yes')}` : null,
    master && g.has('smtpd_relay_restrictions') ? `postconf -P ${shq('submission/inet/smtpd_relay_restrictions=permit_sasl_authenticated,reject')}` : null,
    '',
    ...postfixReload(ctx),
    comment(s, ctx, C.pfTest),
    `swaks --to <outside-address> --server ${fl.hostname} --quit-after RCPT`,
  );
  return { language: 'shell', title: TITLE, code, notes: [...g.notes, ...f.notes] };
}

function exim(ctx: SnippetContext): SnippetDraft[] {
  const fl = fill(ctx.params);
  const g = eximGate(ctx);
  const e = 'exim' as const;
  const conf = lines(
    comment(e, ctx, C.exMain),
    comment(e, ctx, C.exDebian),
    g.has('hostlist relay_from_hosts') ? `hostlist relay_from_hosts = <; 127.0.0.1 ; ::1 ; ${fl.ip}` : null,
  );
  const s = 'shell' as const;
  const check = lines(
    comment(s, ctx, C.exCheck),
    'exim -bV',
    `printf 'EHLO test\\r\\nMAIL FROM:<>\\r\\nRCPT TO:<outside-address>\\r\\nQUIT\\r\\n' | exim -bh ${shq(fl.ip)}`,
  );
  return [
    { language: 'exim', title: TITLE, code: conf, notes: g.notes },
    { language: 'shell', title: lt('Check the Exim change', '检查 Exim 配置'), code: check, part: 'check' },
  ];
}

function exchange(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const g = exchangeGate(ctx);
  const p = 'powershell' as const;
  const name = CHOOSE.receiveConnector;
  const code = lines(
    comment(p, ctx, C.xNew),
    g.has('New-ReceiveConnector -RemoteIPRanges')
      ? `New-ReceiveConnector -Name '${name}' -TransportRole FrontendTransport -Custom -Bindings <server-ip>:25 -RemoteIPRanges ${fl.ip}`
      : null,
    '',
    comment(p, ctx, C.xPerm),
    exchangeSet(g, 'Set-ReceiveConnector', name, { PermissionGroups: 'AnonymousUsers' }),
    g.has('Add-ADPermission -ExtendedRights')
      ? `Get-ReceiveConnector '${name}' | Add-ADPermission -User 'NT AUTHORITY\\ANONYMOUS LOGON' -ExtendedRights 'Ms-Exch-SMTP-Accept-Any-Recipient'`
      : null,
    '',
    comment(p, ctx, C.xCheck),
    `Get-ReceiveConnector '${name}' | Format-List Enabled,TransportRole,Bindings,RemoteIPRanges,PermissionGroups`,
    `Get-ADPermission '${name}' -User 'NT AUTHORITY\\ANONYMOUS LOGON' | Where-Object {($_.Deny -eq $false) -and ($_.IsInherited -eq $false)} | Format-Table User,ExtendedRights`,
  );
  return { language: 'powershell', title: TITLE, code, notes: g.notes };
}

export const relayAccess = defineByProduct('relay-access', { postfix, exim, exchange });
