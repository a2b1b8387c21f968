/** Engine codes to translation keys, as typed tables (never keys built at run time). */
import type { LogFormat, Outcome } from '@/engine/logscan/types.ts';

export const OUTCOMES = ['delivered', 'deferred', 'bounced', 'rejected', 'expired'] as const satisfies readonly Outcome[];

export const OUTCOME_KEY = {
  delivered: 'outcome.delivered',
  deferred: 'outcome.deferred',
  bounced: 'outcome.bounced',
  rejected: 'outcome.rejected',
  expired: 'outcome.expired',
} as const satisfies Record<Outcome, string>;

export const FORMAT_KEY = {
  postfix: 'format.postfix',
  exim: 'format.exim',
  sendmail: 'format.sendmail',
  'exchange-tracking': 'format.exchange-tracking',
  'exchange-protocol': 'format.exchange-protocol',
  unknown: 'format.unknown',
} as const satisfies Record<LogFormat, string>;
