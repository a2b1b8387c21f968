import type { Reason } from '../reasons.ts';
import type { ProductId } from '../products.ts';

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
  /** The product that emitted the reply, when known. */
  readonly source: ProductId | undefined;
  /** 0…1, how sure the classifier is of `entry` + `cause`. */
  readonly confidence: number;
  /** 1-based line of the input where the match starts. */
  readonly line: number | undefined;
  /** The matched text (one line, or the joined reply for a multi-line reply). */
  readonly text: string;
  /** The signature that matched; undefined for a finding built from the reply code alone. */
  readonly signature: string | undefined;
  /** Named captures: ip, host, limit, … */
  readonly captures: Readonly<Record<string, string>>;
  /** Facts for the decision tree (role, emitter, …) that this finding settles. */
  readonly facts: Readonly<Record<string, string>>;
}

export interface Classification {
  /** Ranked best first. */
  readonly findings: readonly Finding[];
  /** Lines read. */
  readonly lines: number;
}
