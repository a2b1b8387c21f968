import type { Reason } from '../reasons.ts';
import type { ProductId, Role } from '../products.ts';

/** Whether the emitter a signature names agrees with the emitter the text hints at. */
export type EmitterCheck = 'consistent' | 'inconsistent' | 'unknown';

/** One thing the classifier recognised in a text. Field names are part of the CLI's JSON contract. */
export interface Finding {
  /** Knowledge-base entry id. */
  readonly entry: string;
  /** The cause, when the text proves one; otherwise undefined and see `candidates`. */
  readonly cause: string | undefined;
  /** Causes the text is consistent with (one element when `cause` is set). */
  readonly candidates: readonly string[];
  readonly reason: Reason;
  readonly code: number | undefined;
  readonly enhanced: string | undefined;
  /** The product that emitted the reply, when known (from the signature, else from the context hints). */
  readonly source: ProductId | undefined;
  /** 0…1, how sure the classifier is of `entry` + `cause` (formula in `rank.ts`). */
  readonly confidence: number;
  /** 1-based line of the input where the (first) match starts. */
  readonly line: number | undefined;
  /** The logical line matched: one line, or the joined reply for a multi-line reply. */
  readonly text: string;
  /** The signature that matched; undefined for a finding built from the reply code alone. */
  readonly signature: string | undefined;
  /** Named captures: ip, host, limit, … */
  readonly captures: Readonly<Record<string, string>>;
  /** Facts for the decision tree (role, emitter, …) that this finding settles. */
  readonly facts: Readonly<Record<string, string>>;
  /** How many logical lines gave this same finding (same entry, signature and cause); `line` is the first. */
  readonly count: number;
  /** The exact substring the signature matched; undefined for a reply-code finding. */
  readonly matched: string | undefined;
  /** Signature emitter versus hinted emitter; part of the ranking. */
  readonly emitterCheck: EmitterCheck;
  /** The recipient a bounce reported this for (findings read from a saved bounce). */
  readonly recipient?: string | undefined;
}

/** Where a context hint came from, so the UI can say why a fact was pre-answered. */
export interface HintEvidence {
  readonly fact: 'emitter' | 'role' | 'product' | 'log';
  readonly value: string;
  /** 1-based first line of the logical line that carried the marker. */
  readonly line: number;
  /** The marker that was seen (a host name, a log tag, an exception class, …). */
  readonly marker: string;
}

/** Context read from the whole text: who emitted the reply, who the user is, which software logged it. */
export interface Hints {
  readonly emitter: ProductId | undefined;
  readonly role: Role | undefined;
  /** The user's own software: the MTA whose log this is, or the client library that threw. */
  readonly product: ProductId | undefined;
  /** The MTA whose log format was recognised. */
  readonly log: 'postfix' | 'exim' | 'sendmail' | 'exchange' | undefined;
  /** At most {@link MAX_HINT_EVIDENCE} items, first seen first. */
  readonly evidence: readonly HintEvidence[];
}

export const MAX_HINT_EVIDENCE = 20;

export interface Classification {
  /** Ranked best first. */
  readonly findings: readonly Finding[];
  /** Physical lines read. */
  readonly lines: number;
  /** Facts the context hints settle (`emitter`, `role`, `product`), for the walker. */
  readonly facts: Readonly<Record<string, string>>;
  /** The hints behind `facts`, with their evidence. */
  readonly hints: Hints;
}
