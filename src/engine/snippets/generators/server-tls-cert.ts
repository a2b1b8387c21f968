/** Server-side STARTTLS certificate and key: point the MTA at readable, matching files and test the handshake. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { eximCheck, eximGate, eximOpt, sendmailGate, sendmailRebuild, smDefine } from '../mta-lines.ts';
import { postconfE, postfixCurrent, postfixGate } from '../postfix-shell.ts';
import { comment, lines, lt, shq } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const CERT = '<cert-file>';
const KEY = '<key-file>';
const CHAIN = '<key-and-chain-file>';
const HOST = '<mail-host>';

const C = {
  pair: lt(
    'The key must belong to the certificate: both digests must be identical.',
    '私钥必须与证书配对：两个摘要必须完全相同。',
  ),
  chain: lt(
    'One file per key: the private key first, then the server certificate, then the intermediates (default empty).',
    '每个私钥一个文件：先放私钥，再放服务器证书，然后是中间证书（默认为空）。',
  ),
  legacy: lt(
    'Certificate chain (server certificate first) and private key in separate files.',
    '证书链（服务器证书在最前）和私钥分别放在两个文件中。',
  ),
  keyPerm: lt(
    'smtpd reads the key as root before dropping privileges: owner root, mode 0600 is enough.',
    'smtpd 在降权之前以 root 身份读取私钥：属主 root、权限 0600 即可。',
  ),
  reload: lt('Apply, then look for new "disabling TLS support" warnings:', '使配置生效，然后检查是否又出现 “disabling TLS support” 警告：'),
  test: lt('Test STARTTLS from another host:', '从另一台主机测试 STARTTLS：'),
  eximMain: lt(
    '=== main === Main configuration section. Exim reads these files as its own user (Debian-exim on Debian).',
    '=== main === 主配置段。Exim 以自己的用户身份读取这些文件（Debian 上为 Debian-exim）。',
  ),
  eximFiles: lt('Certificate chain and private key (both unset by default):', '证书链和私钥（默认都未设置）：'),
  eximAdvertise: lt('Hosts that are offered STARTTLS (default *):', '向哪些主机提供 STARTTLS（默认 *）：'),
  eximPerm: lt('Let the Exim group read the key, nobody else:', '让 Exim 所在组可以读取私钥，其他人不行：'),
  smMc: lt(
    'In sendmail.mc: server certificate and key (undefined by default). Sendmail refuses keys readable by group or others.',
    '写在 sendmail.mc 中：服务器证书和私钥（默认未定义）。组或其他用户可读的私钥会被 Sendmail 拒绝。',
  ),
  smCa: lt('CA file and directory used to send the chain and verify clients:', '用于发送证书链和验证客户端的 CA 文件及目录：'),
  smPerm: lt('Key owned by root, mode 0600, in a directory only root can write:', '私钥属主为 root、权限 0600，放在只有 root 可写的目录中：'),
};

const TITLE = lt('STARTTLS certificate and key', 'STARTTLS 证书与私钥');

function pairCheck(ctx: SnippetContext): string[] {
  return [
    comment('shell', ctx, C.pair),
    `openssl x509 -in ${shq(CERT)} -noout -pubkey | openssl sha256`,
    `openssl pkey -in ${shq(KEY)} -pubout | openssl sha256`,
  ];
}

function handshakeTest(ctx: SnippetContext): string[] {
  return [comment('shell', ctx, C.test), `openssl s_client -starttls smtp -connect ${shq(`${HOST}:25`)} -servername ${shq(HOST)} -brief </dev/null`];
}

function postfix(ctx: SnippetContext): SnippetDraft {
  const { g } = postfixGate(ctx);
  const s = 'shell' as const;
  const chain = g.has('smtpd_tls_chain_files', { silent: true });
  const code = lines(
    postfixCurrent(ctx, g, 'smtpd_tls_security_level', 'smtpd_tls_chain_files', 'smtpd_tls_cert_file', 'smtpd_tls_key_file'),
    '',
    pairCheck(ctx),
    '',
    chain ? comment(s, ctx, C.chain) : comment(s, ctx, C.legacy),
    chain ? postconfE(g, 'smtpd_tls_chain_files', CHAIN) : postconfE(g, 'smtpd_tls_cert_file', CERT),
    chain ? null : postconfE(g, 'smtpd_tls_key_file', KEY),
    comment(s, ctx, C.keyPerm),
    `chown root:root ${shq(chain ? CHAIN : KEY)}`,
    `chmod 0600 ${shq(chain ? CHAIN : KEY)}`,
    '',
    comment(s, ctx, C.reload),
    'postfix reload',
    "grep -E 'disabling TLS support|No server certs available' /var/log/mail.log | tail -n 3",
    '',
    handshakeTest(ctx),
  );
  return { language: 'shell', title: TITLE, code, notes: g.notes };
}

function exim(ctx: SnippetContext): SnippetDraft[] {
  const g = eximGate(ctx);
  const e = 'exim' as const;
  const conf = lines(
    comment(e, ctx, C.eximMain),
    comment(e, ctx, C.eximAdvertise),
    eximOpt(g, 'tls_advertise_hosts', '*'),
    comment(e, ctx, C.eximFiles),
    eximOpt(g, 'tls_certificate', CERT),
    eximOpt(g, 'tls_privatekey', KEY),
  );
  const check = lines(
    pairCheck(ctx),
    comment('shell', ctx, C.eximPerm),
    `chown root:Debian-exim ${shq(KEY)}`,
    `chmod 0640 ${shq(KEY)}`,
    eximCheck(ctx, g, 'tls_certificate', 'tls_privatekey'),
    handshakeTest(ctx),
  );
  return [
    { language: 'exim', title: TITLE, code: conf, notes: g.notes },
    { language: 'shell', title: lt('Check the Exim change', '检查 Exim 配置'), code: check, part: 'check' },
  ];
}

function sendmail(ctx: SnippetContext): SnippetDraft[] {
  const g = sendmailGate(ctx);
  const m = 'sendmail-mc' as const;
  const mc = lines(
    comment(m, ctx, C.smMc),
    smDefine(g, 'confSERVER_CERT', CERT),
    smDefine(g, 'confSERVER_KEY', KEY),
    comment(m, ctx, C.smCa),
    smDefine(g, 'confCACERT', '<ca-file>'),
    smDefine(g, 'confCACERT_PATH', '<ca-directory>'),
  );
  const apply = lines(
    pairCheck(ctx),
    comment('shell', ctx, C.smPerm),
    `chown root:root ${shq(KEY)}`,
    `chmod 0600 ${shq(KEY)}`,
    sendmailRebuild(ctx),
    handshakeTest(ctx),
  );
  return [
    { language: 'sendmail-mc', title: TITLE, code: mc, notes: g.notes },
    { language: 'shell', title: lt('Rebuild, restart and test Sendmail', '重新生成配置、重启并测试 Sendmail'), code: apply, part: 'apply' },
  ];
}

export const serverTlsCert = defineByProduct('server-tls-cert', { postfix, exim, sendmail });
