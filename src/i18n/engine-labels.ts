/**
 * Translation keys for the codes the engine returns, as typed tables: a code maps to a key, never a
 * key built at run time. Shared by the features (common namespace).
 */
import type { Figure, Reason, Role, Source } from '@/engine/index.ts';

export const REASON_TEXT = {
  authfailure: 'reason.authfailure',
  badreputation: 'reason.badreputation',
  blocked: 'reason.blocked',
  contenterror: 'reason.contenterror',
  delivered: 'reason.delivered',
  emailtoolarge: 'reason.emailtoolarge',
  expired: 'reason.expired',
  failedstarttls: 'reason.failedstarttls',
  feedback: 'reason.feedback',
  filtered: 'reason.filtered',
  hasmoved: 'reason.hasmoved',
  hostunknown: 'reason.hostunknown',
  mailboxfull: 'reason.mailboxfull',
  mailererror: 'reason.mailererror',
  networkerror: 'reason.networkerror',
  norelaying: 'reason.norelaying',
  notaccept: 'reason.notaccept',
  notcompliantrfc: 'reason.notcompliantrfc',
  onhold: 'reason.onhold',
  policyviolation: 'reason.policyviolation',
  ratelimited: 'reason.ratelimited',
  rejected: 'reason.rejected',
  requireptr: 'reason.requireptr',
  securityerror: 'reason.securityerror',
  spamdetected: 'reason.spamdetected',
  suppressed: 'reason.suppressed',
  suspend: 'reason.suspend',
  syntaxerror: 'reason.syntaxerror',
  systemerror: 'reason.systemerror',
  systemfull: 'reason.systemfull',
  undefined: 'reason.undefined',
  userunknown: 'reason.userunknown',
  vacation: 'reason.vacation',
  virusdetected: 'reason.virusdetected',
} as const satisfies Record<Reason, string>;

/** Who must act, as a noun phrase that fits in a list ("the developer of the sending application"). */
export const ACTOR_TEXT = {
  'app-sender': 'actor.app-sender',
  'emitting-server': 'actor.emitting-server',
  'sending-server': 'actor.sending-server',
} as const satisfies Record<Role, string>;

export const BASIS_TEXT = {
  'original-page': 'basis.original-page',
  'vendor-doc': 'basis.vendor-doc',
  'editorial-estimate': 'basis.editorial-estimate',
  measured: 'basis.measured',
  'source-count': 'basis.source-count',
} as const satisfies Record<Figure['basis'], string>;

export const SOURCE_KIND_TEXT = {
  rfc: 'source-kind.rfc',
  'vendor-doc': 'source-kind.vendor-doc',
  'source-code': 'source-kind.source-code',
  'man-page': 'source-kind.man-page',
  binary: 'source-kind.binary',
  'third-party': 'source-kind.third-party',
  'original-page': 'source-kind.original-page',
  'bounce-analyser': 'source-kind.bounce-analyser',
} as const satisfies Record<Source['kind'], string>;

export const CONFIRMATION_TEXT = {
  primary: 'confirmation.primary',
  binary: 'confirmation.binary',
  secondary: 'confirmation.secondary',
  unconfirmed: 'confirmation.unconfirmed',
} as const satisfies Record<Source['confirmation'], string>;
