/**
 * Who may send as which address: Postfix's smtpd_sender_login_maps with a login-mismatch
 * restriction on the submission service, and the Send As permission on Exchange / Exchange Online.
 * Addresses and login names stay placeholders; nothing is invented.
 */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { exchangeGate } from '../mta-lines.ts';
import { postconfE, postfixCurrent, postfixGate, postfixReload } from '../postfix-shell.ts';
import { comment, fill, lines, lt, shq } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const P = {
  sender: '<sender-address>',
  login: '<sasl-login>',
  mailbox: '<mailbox>',
  smtpLogin: '<smtp-login>',
  rcpt: '<test-recipient>',
  table: '/etc/postfix/sender_login',
} as const;

const C = {
  pfTable: lt(
    'One line per sender address (or @domain for a whole domain): the SASL login names allowed to use it, separated by commas.\nUse the login names exactly as they appear in the log (sasl_username=...): bare user names and full addresses do not match each other.',
    '每个发件地址一行（整个域名则写 @domain）：后面跟允许使用它的 SASL 登录名，多个用逗号分隔。\n登录名必须与日志中 sasl_username=... 显示的完全一致：不带域名的用户名与完整地址互不匹配。',
  ),
  pfMap: lt('Build the table and point Postfix at it:', '生成查找表并让 Postfix 使用它：'),
  pfKnown: lt(
    'Check the table on the submission service only: reject_known_sender_login_mismatch refuses listed addresses used by another login (553 5.7.1 ... not owned by user)\nor without login (... not logged in), and leaves unlisted addresses alone.',
    '只在 submission 服务上检查该表：reject_known_sender_login_mismatch 会拒绝被其他登录名使用（553 5.7.1 ... not owned by user）\n或未登录就使用（... not logged in）的已列出地址，而不影响表中没有列出的地址。',
  ),
  pfStrict: lt(
    'Before Postfix 2.11 there is no reject_known_sender_login_mismatch: reject_sender_login_mismatch also refuses every address missing from the table.',
    'Postfix 2.11 之前没有 reject_known_sender_login_mismatch：reject_sender_login_mismatch 还会拒绝表中没有列出的所有地址。',
  ),
  pfCheck: lt('Check: the lookup must return the login, and a test submission must be accepted.', '检查：查询结果必须包含该登录名，并且测试提交应被接受。'),
  xNow: lt('Who holds Send As on the mailbox that owns the address now:', '当前谁对拥有该地址的邮箱具有 Send As 权限：'),
  xGrant: lt(
    'Grant Send As (not Send on Behalf) to the account the application logs in with:',
    '把 Send As 权限（而不是 Send on Behalf）授予应用登录所用的账户：',
  ),
  oNow: lt('Exchange Online PowerShell: who holds Send As on the address now:', 'Exchange Online PowerShell：当前谁对该地址具有 Send As 权限：'),
  oGrant: lt(
    'Grant Send As to the SMTP AUTH login; allow some time before testing again (propagation delay, unconfirmed duration):',
    '把 Send As 权限授予 SMTP AUTH 登录账号；稍等一段时间再测试（权限同步需要时间，具体时长未经证实）：',
  ),
};

const TITLE = lt('Allow a login to send as an address', '允许某个登录账号以指定地址发信');

function postfix(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const { g, f } = postfixGate(ctx);
  const s = 'shell' as const;
  const known = f.has('reject_known_sender_login_mismatch');
  const restriction = known ? 'reject_known_sender_login_mismatch' : 'reject_sender_login_mismatch';
  const perService = f.has('postconf -P');
  const code = lines(
    postfixCurrent(ctx, g, 'smtpd_sender_login_maps', 'smtpd_sender_restrictions'),
    '',
    comment(s, ctx, C.pfTable),
    `cat >> ${P.table} <<'EOF'`,
    `${P.sender}    ${P.login}`,
    'EOF',
    '',
    comment(s, ctx, C.pfMap),
    `postmap ${P.table}`,
    postconfE(g, 'smtpd_sender_login_maps', `hash:${P.table}`),
    '',
    comment(s, ctx, known ? C.pfKnown : C.pfStrict),
    perService
      ? `postconf -P ${shq(`submission/inet/smtpd_sender_restrictions=${restriction}`)}`
      : postconfE(g, 'smtpd_sender_restrictions', restriction),
    '',
    ...postfixReload(ctx),
    comment(s, ctx, C.pfCheck),
    `postmap -q ${shq(P.sender)} hash:${P.table}`,
    `swaks --server ${shq(`${fl.hostname}:587`)} --tls --auth LOGIN --auth-user ${shq(P.login)} --from ${shq(P.sender)} --to ${shq(P.rcpt)} --quit-after RCPT`,
  );
  return { language: 'shell', title: TITLE, code, notes: [...g.notes, ...f.notes] };
}

function exchange(ctx: SnippetContext): SnippetDraft {
  const g = exchangeGate(ctx);
  const p = 'powershell' as const;
  const code = lines(
    comment(p, ctx, C.xNow),
    `Get-ADPermission -Identity '${P.mailbox}' | Where-Object { $_.ExtendedRights -like '*Send-As*' } | Format-Table User,ExtendedRights`,
    '',
    comment(p, ctx, C.xGrant),
    g.has('Add-ADPermission -ExtendedRights') ? `Add-ADPermission -Identity '${P.mailbox}' -User '${P.smtpLogin}' -ExtendedRights 'Send As'` : null,
  );
  return { language: 'powershell', title: TITLE, code, notes: g.notes };
}

function microsoft365(ctx: SnippetContext): SnippetDraft {
  const p = 'powershell' as const;
  const code = lines(
    comment(p, ctx, C.oNow),
    `Get-RecipientPermission -Identity '${P.sender}' | Where-Object { $_.AccessRights -contains 'SendAs' } | Format-Table Trustee,AccessRights`,
    '',
    comment(p, ctx, C.oGrant),
    `Add-RecipientPermission -Identity '${P.sender}' -Trustee '${P.smtpLogin}' -AccessRights SendAs -Confirm:$false`,
  );
  return { language: 'powershell', title: TITLE, code };
}

export const senderLoginMaps = defineByProduct('sender-login-maps', { postfix, exchange, microsoft365 });
