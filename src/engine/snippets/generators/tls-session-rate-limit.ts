/** Postfix limit on new (not resumed) TLS sessions per client, and the session cache that avoids them. */
import { defineGenerator, type SnippetDraft } from '../build.ts';
import { postconfE, postconfShow, postfixGate } from '../postfix-shell.ts';
import { CHOOSE, comment, fill, lines, lt, postfixAddr } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  seen: lt('The log shows the limit {limit}.', '日志中显示的限制值为 {limit}。'),
  show: lt('Current values:', '当前取值：'),
  rate: lt(
    'New TLS sessions (not resumed from the cache) one client may start per anvil_rate_time_unit; 0 = no limit (the default).',
    '单个客户端在 anvil_rate_time_unit 内可新建的 TLS 会话数（不含从缓存恢复的会话）；0 表示不限制（默认值）。',
  ),
  cache: lt(
    'Let clients resume TLS sessions, so that reconnects do not count as new sessions.\nbtree needs Berkeley DB support (postconf -m lists the map types; use lmdb: otherwise).',
    '允许客户端恢复 TLS 会话，这样重连不会算作新会话。\nbtree 需要 Berkeley DB 支持（postconf -m 可列出支持的表类型；没有时改用 lmdb:）。',
  ),
  exempt: lt('Exempt a trusted client from all smtpd_client_* limits (keep $mynetworks):', '让可信客户端不受所有 smtpd_client_* 限制（保留 $mynetworks）：'),
  apply: lt('Apply:', '使配置生效：'),
};

function postfix(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const { g } = postfixGate(ctx);
  const s = 'shell' as const;
  const code = lines(
    fl.given.limit ? comment(s, ctx, C.seen, { limit: fl.limit }) : null,
    comment(s, ctx, C.show),
    postconfShow(g, 'smtpd_client_new_tls_session_rate_limit', 'smtpd_tls_session_cache_database', 'smtpd_tls_session_cache_timeout'),
    '',
    comment(s, ctx, C.rate),
    postconfE(g, 'smtpd_client_new_tls_session_rate_limit', CHOOSE.newLimit),
    '',
    comment(s, ctx, C.cache),
    postconfE(g, 'smtpd_tls_session_cache_database', 'btree:${data_directory}/smtpd_scache'),
    '',
    comment(s, ctx, C.exempt),
    postconfE(g, 'smtpd_client_event_limit_exceptions', `$mynetworks ${postfixAddr(fl.ip)}`),
    '',
    comment(s, ctx, C.apply),
    'postfix reload',
  );
  return { language: 'shell', title: lt('TLS session rate limit and session reuse', 'TLS 会话速率限制与会话复用'), code, notes: g.notes };
}

export const tlsSessionRateLimit = defineGenerator('tls-session-rate-limit', ['postfix'], (ctx) => (ctx.product === 'postfix' ? [postfix(ctx)] : []));
