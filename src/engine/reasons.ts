/**
 * The bounce-reason taxonomy (sisimai 5.x reason names, lowercase). See shared REASONS.md in the
 * project history and README "Reasons". Older names are accepted on input only.
 */
export const REASONS = [
  'authfailure', 'badreputation', 'blocked', 'contenterror', 'delivered', 'emailtoolarge', 'expired',
  'failedstarttls', 'feedback', 'filtered', 'hasmoved', 'hostunknown', 'mailboxfull', 'mailererror',
  'networkerror', 'norelaying', 'notaccept', 'notcompliantrfc', 'onhold', 'policyviolation', 'ratelimited',
  'rejected', 'requireptr', 'securityerror', 'spamdetected', 'suppressed', 'suspend', 'syntaxerror',
  'systemerror', 'systemfull', 'undefined', 'userunknown', 'vacation', 'virusdetected',
] as const;
export type Reason = (typeof REASONS)[number];

const LEGACY: Readonly<Record<string, Reason>> = {
  toomanyconn: 'ratelimited',
  speeding: 'ratelimited',
  mesgtoobig: 'emailtoolarge',
  exceedlimit: 'emailtoolarge',
};

/** Maps a reason name from another tool (including sisimai's older names) to ours, or undefined. */
export function normalizeReason(name: string): Reason | undefined {
  const lower = name.trim().toLowerCase();
  const found = REASONS.find((r) => r === lower);
  return found ?? LEGACY[lower];
}
