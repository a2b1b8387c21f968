import type { ProductId } from '../products.ts';
import { SNIPPET_IDS, type SnippetId } from './ids.ts';
import type { Snippet, SnippetContext, SnippetGenerator } from './types.ts';
import { findFloodingClient } from './generators/find-flooding-client.ts';
import { connectionCountLimit } from './generators/connection-count-limit.ts';
import { connectionRateLimit } from './generators/connection-rate-limit.ts';
import { tlsSessionRateLimit } from './generators/tls-session-rate-limit.ts';
import { processLimit } from './generators/process-limit.ts';
import { loadLimits } from './generators/load-limits.ts';
import { serverTimeouts } from './generators/server-timeouts.ts';
import { errorLimits } from './generators/error-limits.ts';
import { postscreenLimits } from './generators/postscreen-limits.ts';
import { milterCheck } from './generators/milter-check.ts';
import { queueDiskCheck } from './generators/queue-disk-check.ts';
import { messageRateLimit } from './generators/message-rate-limit.ts';
import { senderDestinationThrottle } from './generators/sender-destination-throttle.ts';
import { senderRequireTls } from './generators/sender-require-tls.ts';
import { maxMessagesPerConnection } from './generators/max-messages-per-connection.ts';
import { clientBackoff } from './generators/client-backoff.ts';
import { clientPool } from './generators/client-pool.ts';
import { clientTls12 } from './generators/client-tls12.ts';
import { sesQuota } from './generators/ses-quota.ts';
import { dnsPtrCheck } from './generators/dns-ptr-check.ts';
import { dnsAuthCheck } from './generators/dns-auth-check.ts';
import { messageSizeLimit } from './generators/message-size-limit.ts';
import { emailAuthRecords } from './generators/email-auth-records.ts';
import { relayAccess } from './generators/relay-access.ts';
import { recipientMapsCheck } from './generators/recipient-maps-check.ts';
import { serverTlsCert } from './generators/server-tls-cert.ts';
import { dnsblCheck } from './generators/dnsbl-check.ts';
import { recipientAuthRateLimit } from './generators/recipient-auth-rate-limit.ts';
import { smarthostAuth } from './generators/smarthost-auth.ts';
import { senderLoginMaps } from './generators/sender-login-maps.ts';
import { accessRuleCheck } from './generators/access-rule-check.ts';
import { sesIdentityCheck } from './generators/ses-identity-check.ts';
import { clientSplitByDomain } from './generators/client-split-by-domain.ts';
import { queueLifetime } from './generators/queue-lifetime.ts';
import { clientTlsTrust } from './generators/client-tls-trust.ts';
import { clientEnvelopeAddress } from './generators/client-envelope-address.ts';
import { mailLoopCheck } from './generators/mail-loop-check.ts';
import { deferredDestinationCheck } from './generators/deferred-destination-check.ts';
import { senderCalloutProbe } from './generators/sender-callout-probe.ts';

/**
 * Generators by id. Each lives in its own module under `generators/`; register it here.
 */
const GENERATORS: ReadonlyMap<string, SnippetGenerator> = new Map<string, SnippetGenerator>(
  [
    findFloodingClient,
    connectionCountLimit,
    connectionRateLimit,
    tlsSessionRateLimit,
    processLimit,
    loadLimits,
    serverTimeouts,
    errorLimits,
    postscreenLimits,
    milterCheck,
    queueDiskCheck,
    messageRateLimit,
    senderDestinationThrottle,
    senderRequireTls,
    maxMessagesPerConnection,
    clientBackoff,
    clientPool,
    clientTls12,
    sesQuota,
    dnsPtrCheck,
    dnsAuthCheck,
    messageSizeLimit,
    emailAuthRecords,
    relayAccess,
    recipientMapsCheck,
    serverTlsCert,
    dnsblCheck,
    recipientAuthRateLimit,
    smarthostAuth,
    senderLoginMaps,
    accessRuleCheck,
    sesIdentityCheck,
    clientSplitByDomain,
    queueLifetime,
    clientTlsTrust,
    clientEnvelopeAddress,
    mailLoopCheck,
    deferredDestinationCheck,
    senderCalloutProbe,
  ].map((g) => [g.id, g]),
);

export function snippetGenerator(id: string): SnippetGenerator | undefined {
  return GENERATORS.get(id);
}

export function registeredSnippetIds(): readonly SnippetId[] {
  return SNIPPET_IDS.filter((id) => GENERATORS.has(id));
}

/** The snippets for a list of generator ids (e.g. a workaround's), for one product and version. */
export function generateSnippets(ids: readonly string[], ctx: SnippetContext): Snippet[] {
  return ids.flatMap((id) => GENERATORS.get(id)?.generate(ctx) ?? []);
}

/** Products that at least one of the generators can write for. */
export function productsFor(ids: readonly string[]): ProductId[] {
  const out = new Set<ProductId>();
  for (const id of ids) for (const p of GENERATORS.get(id)?.products ?? []) out.add(p);
  return [...out];
}
