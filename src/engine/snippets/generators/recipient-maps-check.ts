/** Which recipient table rejects an address ("User unknown in … table"), and how to test and fix it. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { postconfE, postfixCurrent, postfixGate, postfixReload } from '../postfix-shell.ts';
import { comment, lines, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  tables: lt(
    'Which table applies depends on the domain class of the address: $mydestination -> local_recipient_maps,\nvirtual_mailbox_domains -> virtual_mailbox_maps, virtual_alias_domains -> virtual_alias_maps, relay_domains -> relay_recipient_maps.',
    '使用哪张表取决于地址所属的域名类别：$mydestination -> local_recipient_maps，\nvirtual_mailbox_domains -> virtual_mailbox_maps，virtual_alias_domains -> virtual_alias_maps，relay_domains -> relay_recipient_maps。',
  ),
  query: lt(
    'Look the rejected address up in the table the reply names (use the type:name printed above; exit=1 = not found):',
    '在回复所指的那张表中查询被拒地址（使用上面输出的 type:name；exit=1 表示没有找到）：',
  ),
  rebuild: lt(
    'After adding the address to a hash/lmdb source file, rebuild the table (SQL/LDAP tables need no rebuild):',
    '把地址加进 hash/lmdb 源文件后，重建该表（SQL/LDAP 表无需重建）：',
  ),
  tempfail: lt(
    'While you test the tables, make unknown local recipients a temporary failure (default 550), then set it back:',
    '测试收件人表期间，先让未知本地收件人返回临时失败（默认 550），确认无误后再改回：',
  ),
  back: lt('Back to the default once the tables are right:', '收件人表确认无误后，恢复默认值：'),
  eximTest: lt('Which router accepts the address ("is undeliverable: Unrouteable address" = none):', '哪个 router 接受该地址（显示 “is undeliverable: Unrouteable address” 表示没有）：'),
  eximDebug: lt('Router-by-router trace of the decision:', '逐个 router 追踪判断过程：'),
};

const TITLE = lt('Check the recipient tables', '检查收件人表');

function postfix(ctx: SnippetContext): SnippetDraft {
  const { g } = postfixGate(ctx);
  const s = 'shell' as const;
  const tempfail = postconfE(g, 'unknown_local_recipient_reject_code', '450');
  const code = lines(
    comment(s, ctx, C.tables),
    postfixCurrent(
      ctx, g,
      'mydestination', 'local_recipient_maps', 'virtual_mailbox_domains', 'virtual_mailbox_maps',
      'virtual_alias_domains', 'virtual_alias_maps', 'relay_domains', 'relay_recipient_maps',
      'unknown_local_recipient_reject_code',
    ),
    '',
    comment(s, ctx, C.query),
    `postmap -q '<rejected-address>' '<type:table>'; echo "exit=$?"`,
    '',
    comment(s, ctx, C.rebuild),
    `postmap '<type:table>'`,
    '',
    tempfail !== null ? [comment(s, ctx, C.tempfail), tempfail, comment(s, ctx, C.back), `# postconf -e 'unknown_local_recipient_reject_code=550'`, ''] : null,
    postfixReload(ctx),
  );
  return { language: 'shell', title: TITLE, code, notes: g.notes };
}

function exim(ctx: SnippetContext): SnippetDraft {
  const s = 'shell' as const;
  const code = lines(
    comment(s, ctx, C.eximTest),
    `exim -bt '<rejected-address>'`,
    comment(s, ctx, C.eximDebug),
    `exim -d+route -bt '<rejected-address>' 2>&1 | grep -E 'considering|declined|accepted'`,
  );
  return { language: 'shell', title: TITLE, code };
}

export const recipientMapsCheck = defineByProduct('recipient-maps-check', { postfix, exim });
