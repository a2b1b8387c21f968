/**
 * Every snippet generator id. Knowledge-base workarounds refer to these; a test checks that each
 * id has a generator and each workaround names only known ids.
 */
export const SNIPPET_IDS = [
  'find-flooding-client',
  'connection-count-limit',
  'connection-rate-limit',
  'tls-session-rate-limit',
  'process-limit',
  'load-limits',
  'server-timeouts',
  'error-limits',
  'postscreen-limits',
  'milter-check',
  'queue-disk-check',
  'message-rate-limit',
  'sender-destination-throttle',
  'sender-require-tls',
  'max-messages-per-connection',
  'client-backoff',
  'client-pool',
  'client-tls12',
  'ses-quota',
  'dns-ptr-check',
  'dns-auth-check',
  'message-size-limit',
  'email-auth-records',
  'relay-access',
  'recipient-maps-check',
  'server-tls-cert',
  'dnsbl-check',
  'recipient-auth-rate-limit',
  'smarthost-auth',
  'sender-login-maps',
  'access-rule-check',
  'ses-identity-check',
  'client-split-by-domain',
  'queue-lifetime',
  'client-tls-trust',
  'client-envelope-address',
  'mail-loop-check',
  'deferred-destination-check',
  'sender-callout-probe',
] as const;
export type SnippetId = (typeof SNIPPET_IDS)[number];

export function isSnippetId(value: string): value is SnippetId {
  return SNIPPET_IDS.some((id) => id === value);
}
