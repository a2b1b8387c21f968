/**
 * The log analyzer's contract: what `createScanner` (scanner.ts) takes and returns. Shared by the
 * CLI's `scan` command (its `--json` output is this `ScanSummary`, a contract other tools read: add
 * fields, never rename them), the browser's Web Worker and the analyzer view. Pure data: every time
 * is an ISO 8601 string (UTC) or null, every count a number, so a summary survives `postMessage` and
 * `JSON.stringify` unchanged.
 */
import type { Reason } from '../reasons.ts';

/** The log formats recognised (auto-detected from the first lines, per line when mixed). */
export type LogFormat = 'postfix' | 'exim' | 'sendmail' | 'exchange-tracking' | 'exchange-protocol' | 'unknown';

/** What happened to a delivery attempt or an incoming transaction. */
export type Outcome = 'delivered' | 'deferred' | 'bounced' | 'rejected' | 'expired';

export interface ScanOptions {
  /** Lines before this time (epoch ms) are counted in `outOfRange` and otherwise ignored. */
  readonly since?: number;
  /** Lines after this time (epoch ms) are counted in `outOfRange` and otherwise ignored. */
  readonly until?: number;
  /** Year for syslog timestamps that have none (`Nov 25 10:41:07`); default: the current UTC year. */
  readonly year?: number;
  /** Lines longer than this many characters are skipped and counted; default 65536. */
  readonly maxLineLength?: number;
  /** Sample lines kept per problem group; default 3. */
  readonly samplesPerGroup?: number;
  /** Entries in each top-N list; default 10. */
  readonly topN?: number;
  /**
   * Queue lifetime in seconds used to estimate when a still-deferred message will bounce; default:
   * the MTA's default (Postfix maximal_queue_lifetime 5d; Exim's default retry rule gives up after 4d).
   */
  readonly queueLifetimeSeconds?: number;
}

export interface Counted {
  readonly value: string;
  readonly count: number;
}

export interface SampleLine {
  /** 1-based line number in the input. */
  readonly line: number;
  /** The line, redacted (credentials removed) and cut to 2 000 characters. */
  readonly text: string;
}

/** The problems that share a diagnosis (entry + cause, or entry + candidate set). */
export interface ProblemGroup {
  readonly entry: string;
  /** The cause the lines prove, or null when they fit several (then `candidates`). */
  readonly cause: string | null;
  readonly candidates: readonly string[];
  readonly reason: Reason;
  readonly code: number | null;
  readonly enhanced: string | null;
  /** Who emitted the reply (product id), when the lines tell. */
  readonly source: string | null;
  readonly outcome: Outcome | null;
  readonly count: number;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  /**
   * The facts the lines settle for the wizard (emitter, role, product, …), so that opening the group
   * in the wizard asks nothing twice.
   */
  readonly facts: Readonly<Record<string, string>>;
  /** The most frequent value of each named capture (ip, host, limit, …) across the group's lines. */
  readonly captures: Readonly<Record<string, string>>;
  readonly topRemoteHosts: readonly Counted[];
  readonly topRecipientDomains: readonly Counted[];
  readonly topClientIps: readonly Counted[];
  readonly samples: readonly SampleLine[];
  /** (Added) The classifier signature behind the group's diagnosis; null for a reply-code-only match. */
  readonly signature: string | null;
}

export interface TimelineBucket {
  /** Start of the bucket. */
  readonly t: string;
  readonly delivered: number;
  readonly deferred: number;
  readonly bounced: number;
  readonly rejected: number;
  readonly expired: number;
}

/** One message followed through the queue by its queue ID (Postfix) or message ID (Exim). */
export interface QueuedMessage {
  readonly queueId: string;
  readonly from: string | null;
  readonly recipients: readonly string[];
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  readonly attempts: number;
  /** The last outcome seen for it. */
  readonly outcome: Outcome;
  /** The last reply or reason text logged for it (redacted). */
  readonly lastText: string | null;
  /** For a message still deferred: when it will bounce if nothing changes (first seen + queue lifetime). */
  readonly bouncesAt: string | null;
  /** (Added) The log format the message was read from (decides the default queue lifetime). */
  readonly format: LogFormat;
}

export interface ScanSummary {
  /** The format most lines were read as. */
  readonly format: LogFormat;
  /** Lines read per format. */
  readonly formats: Readonly<Partial<Record<LogFormat, number>>>;
  readonly lines: number;
  /** Characters read (the caller knows the bytes). */
  readonly chars: number;
  /** Lines no parser understood; `unreadSamples` shows a few. */
  readonly unreadLines: number;
  readonly unreadSamples: readonly SampleLine[];
  /** Lines longer than `maxLineLength`, skipped. */
  readonly skippedLongLines: number;
  /** Lines outside --since/--until. */
  readonly outOfRange: number;
  readonly firstTime: string | null;
  readonly lastTime: string | null;
  readonly outcomes: Readonly<Record<Outcome, number>>;
  readonly timeline: { readonly bucketSeconds: number; readonly buckets: readonly TimelineBucket[] };
  /** Problems grouped by diagnosis, most frequent first. */
  readonly groups: readonly ProblemGroup[];
  readonly topRemoteHosts: readonly Counted[];
  readonly topRecipientDomains: readonly Counted[];
  readonly topClientIps: readonly Counted[];
  /** Messages followed by queue ID: how many, and those still deferred at the end of the log (up to 100, oldest first). */
  readonly queue: {
    readonly messages: number;
    readonly stillDeferred: readonly QueuedMessage[];
    readonly stillDeferredCount: number;
    /** (Added) Open messages forgotten to bound memory (a log without `removed`/`Completed` lines). */
    readonly evicted?: number;
  };
  // The fields below were added after the first version of this contract; `createScanner` always
  // fills them, they are optional only so summaries built by hand (fixtures) stay valid.
  /** (Added) Syslog lines of other programs (dovecot, amavis, opendkim…): read, not analysed. */
  readonly otherLines?: number;
  /** (Added) Problem lines (deferred, bounced, rejected, expired) no knowledge-base entry explains. */
  readonly unclassified?: { readonly count: number; readonly samples: readonly SampleLine[] };
  /** (Added) How many times the classifier ran (distinct problem texts; the rest came from the cache). */
  readonly classifications?: number;
}

export interface ScanProgress {
  readonly lines: number;
  readonly chars: number;
}

/** A streaming scanner: feed it text in chunks of any size (split anywhere, even mid-line). */
export interface LogScanner {
  push(chunk: string): void;
  /** Ends the input (a last line without a newline counts) and returns the summary. */
  end(): ScanSummary;
  progress(): ScanProgress;
}
