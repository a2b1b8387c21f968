/**
 * Which local access rule refused a client: the Postfix restriction lists and every table they
 * consult, queried with the refused keys; an Exim ACL replay; the Sendmail access map. Keys the
 * user did not give stay placeholders; nothing is changed on the server.
 */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { postconfShow, postfixGate } from '../postfix-shell.ts';
import { comment, fill, lines, lt, shq } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const P = {
  clientName: '<client-hostname>',
  helo: '<helo-name>',
  sender: '<sender-address>',
  senderDomain: '<sender-domain>',
  rcpt: '<recipient-address>',
} as const;

const RESTRICTIONS = [
  'smtpd_client_restrictions',
  'smtpd_helo_restrictions',
  'smtpd_sender_restrictions',
  'smtpd_relay_restrictions',
  'smtpd_recipient_restrictions',
] as const;

const C = {
  pfLists: lt(
    'The restriction lists, in the order smtpd applies them; the first entry that answers REJECT or OK decides.',
    'smtpd 依次执行的限制列表；第一个给出 REJECT 或 OK 的条目决定结果。',
  ),
  pfMaster: lt('Overrides for single services in master.cf (e.g. submission):', 'master.cf 中针对单个服务（例如 submission）的覆盖设置：'),
  pfKeys: lt(
    'The keys that were refused. Postfix also tries parent domains (mail.<domain> -> <domain>) and "user@" for addresses: query those too.',
    '被拒绝的那些键。Postfix 对域名还会尝试上级域名（mail.<domain> -> <domain>），对地址还会尝试 "user@"：这些也要一并查询。',
  ),
  pfQuery: lt(
    'Query every table named in the lists with every key; a line ending in REJECT (or a 4xx/5xx text) is the rule that matched.',
    '用每个键查询列表中出现的每张表；以 REJECT（或 4xx/5xx 文字）结尾的那一行就是命中的规则。',
  ),
  pfFix: lt(
    'After editing a table: rebuild it (postmap <file>; not needed for cidr:, pcre: or regexp: tables) and run postfix reload.',
    '修改查找表后：重建它（postmap <文件>；cidr:、pcre:、regexp: 表不需要），然后执行 postfix reload。',
  ),
  exCheck: lt('Check the configuration, then replay the refused session through the ACLs (nothing is delivered):', '检查配置语法，然后让被拒的会话重新走一遍 ACL（不会真正投递）：'),
  exRead: lt('The debug output names the ACL statement and the list item that led to "deny".', '调试输出会指出导致 “deny” 的 ACL 语句和列表项。'),
  smQuery: lt(
    'Look the keys up in the access database (the first one that answers REJECT or ERROR is the rule):',
    '在 access 数据库中查找这些键（第一个返回 REJECT 或 ERROR 的就是命中的规则）：',
  ),
  smFix: lt('After editing /etc/mail/access, rebuild the database:', '修改 /etc/mail/access 之后，重建数据库：'),
};

const TITLE = lt('Find the local access rule that refused a client', '找出拒绝客户端的本地访问规则');

function postfix(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const { g, f } = postfixGate(ctx);
  const s = 'shell' as const;
  const names = RESTRICTIONS.filter((n) => g.has(n, { silent: true }));
  const code = lines(
    comment(s, ctx, C.pfLists),
    postconfShow(g, ...RESTRICTIONS),
    f.has('postconf -P') ? comment(s, ctx, C.pfMaster) : null,
    f.has('postconf -P') ? "postconf -P | grep -E '_restrictions='" : null,
    '',
    comment(s, ctx, C.pfKeys),
    `KEYS=${shq([fl.ip, P.clientName, P.helo, P.sender, P.senderDomain, P.rcpt].join(' '))}`,
    comment(s, ctx, C.pfQuery),
    `for t in $(postconf -h ${names.join(' ')} | tr ', ' '\\n\\n' | grep ':' | sort -u); do`,
    '  for k in $KEYS; do',
    '    r=$(postmap -q "$k" "$t" 2>/dev/null) && printf \'%s  %s  ->  %s\\n\' "$t" "$k" "$r"',
    '  done',
    'done',
    '',
    comment(s, ctx, C.pfFix),
  );
  return { language: 'shell', title: TITLE, code, notes: [...g.notes, ...f.notes] };
}

function exim(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const s = 'shell' as const;
  const code = lines(
    comment(s, ctx, C.exCheck),
    'exim -bV',
    `printf 'EHLO %s\\r\\nMAIL FROM:<%s>\\r\\nRCPT TO:<%s>\\r\\nQUIT\\r\\n' ${shq(P.helo)} ${shq(P.sender)} ${shq(P.rcpt)} | exim -bh ${shq(fl.ip)} 2>&1 | grep -E 'deny|>>> (accept|deny|drop)|rejected'`,
    comment(s, ctx, C.exRead),
  );
  return { language: 'shell', title: TITLE, code };
}

function sendmail(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const s = 'shell' as const;
  const keys = [`Connect:${fl.ip}`, `Connect:${P.clientName}`, `From:${P.sender}`, `From:${P.senderDomain}`, `To:${P.rcpt}`];
  const code = lines(
    comment(s, ctx, C.smQuery),
    `printf '${keys.map((k) => `/map access ${k}\\n`).join('')}' | sendmail -bt`,
    '',
    comment(s, ctx, C.smFix),
    'makemap hash /etc/mail/access < /etc/mail/access',
  );
  return { language: 'shell', title: TITLE, code };
}

export const accessRuleCheck = defineByProduct('access-rule-check', { postfix, exim, sendmail });
