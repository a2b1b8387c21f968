/**
 * `smtp-doctor scan [--json] [--since T] [--until T] [--year Y] [--lang en|zh] FILE|-`: streams a
 * mail log through the engine's scanner (never reading it whole) and prints the summary, as JSON
 * (the `ScanSummary` contract) or as a report in the chosen language. On a terminal, stderr shows a
 * progress line.
 *
 * Exit codes: 0 summary printed, 2 bad usage, unreadable or binary input.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { label, pickLang, UsageError, type CliKey } from './labels.ts';
import { findEntry, type Kb, type Lang } from '../engine/index.ts';
import { createScanner } from '../engine/logscan/scanner.ts';
import type { Counted, Outcome, ScanSummary } from '../engine/logscan/types.ts';
import { cliKb } from './kb-loader.ts';


/** Bytes checked for binary content before scanning. */
export const BINARY_CHECK_BYTES = 65536;

export interface ScanInput {
  /** Total bytes when known (a file), for the progress percentage. */
  readonly size: number | null;
  readonly chunks: AsyncIterable<Uint8Array>;
}

export interface ScanIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Opens a file (`-`: standard input); may reject, or its chunks may throw, when unreadable. */
  readonly open: (file: string) => Promise<ScanInput>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (then a progress line is shown). */
  readonly progress: boolean;
  /** Writes the progress line in place (no newline). */
  readonly progressLine?: (text: string) => void;
  readonly now?: () => number;
}

const OUTCOME_KEYS: Readonly<Record<Outcome, CliKey>> = {
  delivered: 'scan-outcome-delivered',
  deferred: 'scan-outcome-deferred',
  bounced: 'scan-outcome-bounced',
  rejected: 'scan-outcome-rejected',
  expired: 'scan-outcome-expired',
};

/** Whether argv (without the program) runs the `scan` command: its first positional is `scan`. */
export function isScanCommand(argv: readonly string[]): boolean {
  try {
    // Options that take a value must be declared, or `--lang zh scan` would read `zh` as the command.
    const valued = ['lang', 'since', 'until', 'year', 'entry', 'mta', 'version', 'cause', 'hostname', 'ip', 'limit', 'destination', 'smtp-host', 'region'];
    const options = Object.fromEntries(valued.map((name) => [name, { type: 'string' as const }]));
    const { positionals } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, options });
    return positionals[0] === 'scan';
  } catch (err) {
    if (err instanceof TypeError) return false;
    throw err;
  }
}

/** `2026-11-25`, `2026-11-25T10:00`, `2026-11-25 10:00:00+08:00`: epoch ms; a time without zone is UTC. */
export function parseTime(value: string): number | undefined {
  const v = value.trim().replace(' ', 'T');
  if (!/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i.test(v)) return undefined;
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(v) && v.includes('T');
  const ms = Date.parse(zoned ? v : v.includes('T') ? `${v}Z` : `${v}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Whether the first bytes are binary: a NUL byte or invalid UTF-8 (a sequence cut at the end is fine). */
export function looksBinary(head: Uint8Array): boolean {
  if (head.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return false;
  } catch (err) {
    if (err instanceof TypeError) return true;
    throw err;
  }
}

function counted(list: readonly Counted[], lang: Lang): string {
  return list.length === 0 ? label(lang, 'scan-none') : list.map((c) => `${c.value} (${c.count})`).join(', ');
}

function titleOf(kb: Kb, entryId: string, cause: string | null, lang: Lang): string {
  const entry = findEntry(kb, entryId);
  const c = cause !== null ? entry?.causes.find((x) => x.id === cause) : undefined;
  return (c?.title ?? entry?.title)?.[lang] ?? entryId;
}

/** The human report of a summary. */
export function renderScanReport(kb: Kb, s: ScanSummary, file: string, lang: Lang): string {
  const out: string[] = [];
  out.push(label(lang, 'scan-title', { file, lines: s.lines, format: s.format, first: s.firstTime ?? '-', last: s.lastTime ?? '-' }));
  const firstUnread = s.unreadSamples[0];
  if (s.unreadLines > 0 && firstUnread) out.push(label(lang, 'scan-unread', { count: s.unreadLines, line: firstUnread.line, text: firstUnread.text.slice(0, 200) }));
  if (s.skippedLongLines > 0) out.push(label(lang, 'scan-long', { count: s.skippedLongLines }));
  if (s.outOfRange > 0) out.push(label(lang, 'scan-out-of-range', { count: s.outOfRange }));
  out.push(label(lang, 'scan-outcomes', s.outcomes));
  out.push('');
  if (s.groups.length === 0) {
    out.push(label(lang, 'scan-no-problems'));
  } else {
    out.push(label(lang, 'scan-groups', { count: s.groups.length }));
    s.groups.slice(0, 15).forEach((g, i) => {
      out.push(label(lang, 'scan-group', {
        n: i + 1,
        count: g.count,
        title: titleOf(kb, g.entry, g.cause, lang),
        outcome: g.outcome === null ? label(lang, 'scan-warning') : label(lang, OUTCOME_KEYS[g.outcome]),
        code: [g.code ?? '', g.enhanced ?? ''].join(' ').trim() || '-',
      }));
      if (g.cause !== null) out.push(label(lang, 'finding-cause', { cause: g.cause }));
      else out.push(label(lang, 'finding-candidates', { causes: g.candidates.join(', ') }));
      out.push(label(lang, 'scan-group-seen', { first: g.firstSeen ?? '-', last: g.lastSeen ?? '-', entry: g.entry }));
      const sample = g.samples[0];
      if (sample) out.push(label(lang, 'scan-group-sample', { line: sample.line, text: sample.text.slice(0, 300) }));
    });
  }
  const unclassified = s.unclassified;
  const firstUnclassified = unclassified?.samples[0];
  if (unclassified !== undefined && unclassified.count > 0 && firstUnclassified) {
    out.push(label(lang, 'scan-unclassified', { count: unclassified.count, line: firstUnclassified.line, text: firstUnclassified.text.slice(0, 200) }));
  }
  out.push('');
  out.push(label(lang, 'scan-top-hosts', { list: counted(s.topRemoteHosts.slice(0, 5), lang) }));
  out.push(label(lang, 'scan-top-domains', { list: counted(s.topRecipientDomains.slice(0, 5), lang) }));
  out.push(label(lang, 'scan-top-ips', { list: counted(s.topClientIps.slice(0, 5), lang) }));
  out.push(label(lang, 'scan-queue', { messages: s.queue.messages, deferred: s.queue.stillDeferredCount }));
  for (const m of s.queue.stillDeferred.slice(0, 10)) {
    out.push(label(lang, 'scan-deferred-line', {
      id: m.queueId,
      rcpts: m.recipients.join(', ') || '-',
      attempts: m.attempts,
      bounces: m.bouncesAt ?? '-',
      text: (m.lastText ?? '').slice(0, 160),
    }));
  }
  return out.join('\n');
}

/**
 * Runs `scan` (argv without the program name, `scan` included) and returns the exit code.
 * @throws only on programming errors; bad usage and unreadable input give exit code 2.
 */
export async function runScan(argv: readonly string[], io: ScanIo): Promise<number> {
  let lang: Lang = 'en';
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        year: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    lang = pickLang(values.lang, io.env);
    const files = positionals.slice(1);
    if (values.help) {
      io.stdout(label(lang, 'scan-usage'));
      return 0;
    }
    const file = files[0];
    if (file === undefined || files.length > 1) throw new UsageError(label(lang, 'missing-file'));
    const options: { since?: number; until?: number; year?: number } = {};
    for (const opt of ['since', 'until'] as const) {
      const v = values[opt];
      if (v === undefined) continue;
      const ms = parseTime(v);
      if (ms === undefined) throw new UsageError(label(lang, 'scan-bad-time', { option: `--${opt}`, value: v }));
      options[opt] = ms;
    }
    if (values.year !== undefined) {
      const y = Number(values.year);
      if (!/^\d{4}$/.test(values.year) || !Number.isInteger(y)) throw new UsageError(label(lang, 'scan-bad-year', { value: values.year }));
      options.year = y;
    }
    const loaded = cliKb();
    if (!loaded.ok) {
      io.stderr([label(lang, 'kb-invalid'), ...loaded.errors.map((e) => `  ${e}`)].join('\n'));
      return 2;
    }
    const kb = loaded.kb;
    const scanner = createScanner(kb, options);
    const now = io.now ?? (() => Date.now());
    const started = now();
    let bytes = 0;
    let lastShown = started;
    let input: ScanInput;
    try {
      input = await io.open(file);
      const decoder = new TextDecoder('utf-8');
      let head: Uint8Array[] | null = [];
      let headBytes = 0;
      const feed = (bufs: readonly Uint8Array[]): void => {
        for (const b of bufs) scanner.push(decoder.decode(b, { stream: true }));
      };
      for await (const chunk of input.chunks) {
        bytes += chunk.byteLength;
        if (head !== null) {
          head.push(chunk);
          headBytes += chunk.byteLength;
          if (headBytes < BINARY_CHECK_BYTES) continue;
          if (looksBinary(concatHead(head, BINARY_CHECK_BYTES))) {
            io.stderr(label(lang, 'scan-binary', { file }));
            return 2;
          }
          feed(head);
          head = null;
        } else {
          feed([chunk]);
        }
        if (io.progress && io.progressLine && now() - lastShown >= 250) {
          lastShown = now();
          io.progressLine(progressText(lang, input.size, bytes, scanner.progress().lines, lastShown - started));
        }
      }
      if (head !== null) {
        if (looksBinary(concatHead(head, BINARY_CHECK_BYTES))) {
          io.stderr(label(lang, 'scan-binary', { file }));
          return 2;
        }
        feed(head);
      }
      scanner.push(decoder.decode());
    } catch (err) {
      if (err instanceof Error && 'code' in err && typeof err.code === 'string') {
        io.stderr(label(lang, 'unreadable', { file, message: err.message }));
        return 2;
      }
      throw err;
    }
    const summary = scanner.end();
    if (io.progress && io.progressLine) io.progressLine('');
    io.stdout(values.json ? JSON.stringify(summary, null, 2) : renderScanReport(kb, summary, file, lang));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\n\n${label(lang, 'scan-usage')}`);
      return 2;
    }
    if (err instanceof TypeError && 'code' in err && typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${label(lang, 'bad-option', { message: err.message })}\n\n${label(lang, 'scan-usage')}`);
      return 2;
    }
    throw err;
  }
}

function concatHead(parts: readonly Uint8Array[], max: number): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.byteLength;
  const out = new Uint8Array(Math.min(n, max));
  let at = 0;
  for (const p of parts) {
    if (at >= out.length) break;
    const take = p.subarray(0, out.length - at);
    out.set(take, at);
    at += take.byteLength;
  }
  return out;
}

function progressText(lang: Lang, size: number | null, bytes: number, lines: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? Math.round((lines * 1000) / elapsedMs) : 0;
  if (size !== null && size > 0) return label(lang, 'scan-progress', { percent: Math.min(100, Math.floor((bytes * 100) / size)), lines, rate });
  return label(lang, 'scan-progress-nosize', { lines, rate });
}

/** The real file system and terminal. */
export function nodeScanIo(): ScanIo {
  return {
    stdout: (t) => process.stdout.write(`${t}\n`),
    stderr: (t) => process.stderr.write(`${t}\n`),
    open: async (file) => {
      if (file === '-') return { size: null, chunks: process.stdin };
      const info = await stat(file);
      if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${file}'`), { code: 'EISDIR' });
      // 32 KiB reads: TextDecoder gives two-byte strings, and a chunk under V8's 128 KiB object
      // limit is collected young instead of piling up in the large-object space (peak RSS).
      return { size: info.size, chunks: createReadStream(file, { highWaterMark: 1 << 15 }) };
    },
    env: process.env,
    progress: process.stderr.isTTY === true,
    progressLine: (t) => process.stderr.write(`\r${t}\u001b[K`),
  };
}
