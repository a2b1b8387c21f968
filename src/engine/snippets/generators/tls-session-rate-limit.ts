/** Postfix limit on new (not resumed) TLS sessions per client, and the session cache that avoids them. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { anvilSnippet, exemptClient, setLimit } from '../postfix-anvil.ts';
import { postconfE, postfixGate } from '../postfix-shell.ts';
import { comment, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  rate: lt(
    'New TLS sessions (not resumed from the cache) one client may start per anvil_rate_time_unit; 0 = no limit (the default).',
    '单个客户端在 anvil_rate_time_unit 内可新建的 TLS 会话数（不含从缓存恢复的会话）；0 表示不限制（默认值）。',
  ),
  cache: lt(
    'Let clients resume TLS sessions, so that reconnects do not count as new sessions.\nbtree needs Berkeley DB support (postconf -m lists the map types; use lmdb: otherwise).',
    '允许客户端恢复 TLS 会话，这样重连不会算作新会话。\nbtree 需要 Berkeley DB 支持（postconf -m 可列出支持的表类型；没有时改用 lmdb:）。',
  ),
  exempt: lt('Exempt a trusted client from all smtpd_client_* limits (keep $mynetworks):', '让可信客户端不受所有 smtpd_client_* 限制（保留 $mynetworks）：'),
};

function postfix(ctx: SnippetContext): SnippetDraft {
  const { g } = postfixGate(ctx);
  const limit = 'smtpd_client_new_tls_session_rate_limit';
  const cache = 'smtpd_tls_session_cache_database';
  return anvilSnippet(
    ctx,
    g,
    lt('TLS session rate limit and session reuse', 'TLS 会话速率限制与会话复用'),
    [limit, cache, 'smtpd_tls_session_cache_timeout'],
    setLimit(ctx, g, limit, C.rate),
    [comment('shell', ctx, C.cache), postconfE(g, cache, 'btree:${data_directory}/smtpd_scache')],
    exemptClient(ctx, g, C.exempt),
  );
}

export const tlsSessionRateLimit = defineByProduct('tls-session-rate-limit', { postfix });
