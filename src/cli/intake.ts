/**
 * `diagnose` over many bounces at once, as sisimai takes them: a saved message (.eml), an mbox, a
 * Maildir or any folder of message files, or several paths. Reads files (Node fs) and hands each
 * message to the engine's `diagnoseMessage`; a single plain text goes back to `diagnose`'s own path.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder } from 'node:util';
import { findEntry, type Finding, type Kb, type Lang } from '../engine/index.ts';
import { diagnoseMessage, type MessageDiagnosis, type RecipientFinding } from '../engine/intake/diagnose-message.ts';
import { looksLikeMbox, splitMbox } from '../engine/intake/mbox.ts';
import type { CharsetDecoder } from '../engine/intake/mime.ts';

/** The labels this file prints (all in `locales/{en,zh}/cli.json`). */
export type IntakeKey =
  | 'unreadable' | 'unknown' | 'intake-message' | 'intake-subject' | 'intake-recipient' | 'intake-recipient-nothing'
  | 'intake-finding' | 'intake-nothing' | 'intake-problems' | 'intake-summary';

export interface IntakeIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => Buffer;
  readonly readStdin: () => Buffer;
}

export interface IntakeContext<Io extends IntakeIo> {
  readonly json: boolean;
  readonly lang: Lang;
  readonly io: Io;
  /** `diagnose --json`'s finding object (the contract); `recipient` is added here. */
  readonly findingJson: (f: Finding) => Record<string, unknown>;
  readonly label: (key: IntakeKey, params?: Readonly<Record<string, string | number>>) => string;
}

/** `done`: the intake printed the result. `plain`: one plain text, for `diagnose`'s usual path (stdin replayed). */
export type IntakeResult<Io extends IntakeIo> = { readonly kind: 'done'; readonly code: number } | { readonly kind: 'plain'; readonly file: string; readonly io: Io };

/** Windows-1252's 0x80–0x9F (0 where the code page leaves a hole, kept as the C1 control). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** The WHATWG labels of windows-1252, which Node 20's TextDecoder reads as ISO-8859-1 (C1 controls for “ ” € …). */
const CP1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'cp819', 'ibm819', 'iso-ir-100', 'csisolatin1', 'ascii', 'us-ascii', 'iso_8859-1:1987', 'iso88591']);

function decodeCp1252(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b));
    out.push(String.fromCharCode(...codes));
  }
  return out.join('');
}

/** Charset decoding on Node's TextDecoder (full ICU: GB18030/GBK/GB2312, Big5, ISO-2022-JP, Shift_JIS, …). */
export function nodeCharsetDecoder(): CharsetDecoder {
  const cache = new Map<string, TextDecoder | null>();
  return {
    decode(bytes, charset) {
      const key = charset.trim().toLowerCase();
      if (CP1252_LABELS.has(key)) return decodeCp1252(bytes);
      let d = cache.get(key);
      if (d === undefined) {
        try {
          d = new TextDecoder(key);
        } catch (err) {
          if (!(err instanceof RangeError)) throw err;
          d = null;
        }
        cache.set(key, d);
      }
      return d === null ? undefined : d.decode(bytes);
    },
  };
}

interface Source {
  readonly file: string;
  readonly read: () => Buffer;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch (err) {
    // Not on disk (or not reachable): let the caller's readFile report it.
    return err instanceof Error ? false : false;
  }
}

/** Files of a folder in name order: a Maildir's `cur/` and `new/`, else every file below it (dot files skipped). */
function folderFiles(dir: string): string[] {
  const names = readdirSync(dir, { withFileTypes: true }).filter((d) => !d.name.startsWith('.'));
  const sub = new Set(names.filter((d) => d.isDirectory()).map((d) => d.name));
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true })
      .filter((e) => !e.name.startsWith('.'))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.isFile() ? [join(d, e.name)] : []));
  if (sub.has('cur') && sub.has('new')) return [...walk(join(dir, 'cur')), ...walk(join(dir, 'new'))];
  return walk(dir);
}

function sourcesOf(paths: readonly string[], io: IntakeIo): Source[] {
  return paths.flatMap((p): Source[] => {
    if (p === '-') return [{ file: p, read: () => io.readStdin() }];
    if (isDirectory(p)) return folderFiles(p).map((f) => ({ file: f, read: () => io.readFile(f) }));
    return [{ file: p, read: () => io.readFile(p) }];
  });
}

interface Item {
  readonly file: string;
  readonly bin: string;
}

function recipientJson(d: MessageDiagnosis): Array<Record<string, unknown>> {
  return d.recipients.map((r) => ({
    recipient: r.recipient ?? null,
    action: r.action ?? null,
    status: r.status ?? null,
    diagnosticCode: r.diagnosticCode ?? null,
    remoteMta: r.remoteMta ?? null,
    reportingMta: r.reportingMta ?? null,
    origin: r.origin,
  }));
}

function titleOf(kb: Kb, f: Finding, lang: Lang): string {
  const entry = findEntry(kb, f.entry);
  const cause = f.cause ? entry?.causes.find((c) => c.id === f.cause) : undefined;
  return (cause?.title ?? entry?.title)?.[lang] ?? f.entry;
}

interface Tally {
  recipients: number;
  findings: number;
}

/** One message in the chosen language; counts go to `tally`. */
function humanMessage<Io extends IntakeIo>(kb: Kb, n: number, file: string, d: MessageDiagnosis, ctx: IntakeContext<Io>, tally: Tally): string {
  const { label, lang } = ctx;
  const out: string[] = [label('intake-message', { n, file })];
  if (d.subject) out.push(label('intake-subject', { subject: d.subject }));
  const findingLine = (f: RecipientFinding) => label('intake-finding', { code: f.code ?? '', enhanced: f.enhanced ?? '', title: titleOf(kb, f, lang), entry: f.entry, cause: f.cause ?? f.candidates.join(', ') });
  for (const r of d.recipients) {
    tally.recipients++;
    const best = r.findings[0];
    const params = { recipient: r.recipient ?? label('unknown'), action: r.action ?? label('unknown'), status: r.status ?? '-' };
    if (best) {
      tally.findings++;
      out.push(label('intake-recipient', params), findingLine(best));
    } else {
      out.push(label('intake-recipient-nothing', { ...params, diagnostic: r.diagnosticCode ?? '-' }));
    }
  }
  if (d.recipients.every((r) => r.findings.length === 0)) {
    if (d.findings.length === 0 && d.recipients.length === 0) out.push(label('intake-nothing'));
    for (const f of d.findings.slice(0, 3)) {
      tally.findings++;
      out.push(findingLine(f));
    }
  }
  if (d.problems.length > 0) out.push(label('intake-problems', { problems: d.problems.join(', ') }));
  out.push('');
  return out.join('\n');
}

function messageJson<Io extends IntakeIo>(file: string, d: MessageDiagnosis, ctx: IntakeContext<Io>): Record<string, unknown> {
  return {
    file,
    findings: d.findings.map((f) => ({ ...ctx.findingJson(f), recipient: f.recipient ?? null })),
    subject: d.subject ?? null,
    recipients: recipientJson(d),
    problems: d.problems,
  };
}

const UNREADABLE: MessageDiagnosis = { kind: 'text', subject: undefined, recipients: [], findings: [], problems: [] };

/**
 * Reads the inputs of `diagnose` and prints the per-message, per-recipient result, unless the input
 * is one plain text (then `plain`, for the classic path). Exit codes as `diagnose`'s; an unreadable
 * file among several is named on stderr, listed with the problem `unreadable`, and makes the exit code 2.
 *
 * Several messages are printed as they are read (`{"messages": [` … `]}`), so a large Maildir is never
 * held in memory.
 */
export function diagnoseIntake<Io extends IntakeIo>(kb: Kb, paths: readonly string[], ctx: IntakeContext<Io>): IntakeResult<Io> {
  const { io } = ctx;
  const decoder = nodeCharsetDecoder();
  const sources = sourcesOf(paths, io);
  const readItems = (s: Source): Item[] | Error => {
    let bin: string;
    try {
      bin = s.read().toString('latin1');
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
    return looksLikeMbox(bin) ? splitMbox(bin).map((m, i) => ({ file: `${s.file}#${i + 1}`, bin: m })) : [{ file: s.file, bin }];
  };
  const first = sources[0];
  const firstItems = first && sources.length === 1 ? readItems(first) : undefined;
  if (first && firstItems !== undefined) {
    if (firstItems instanceof Error) return { kind: 'plain', file: first.file, io };
    const only = firstItems[0];
    if (firstItems.length === 1 && only) {
      const d = diagnoseMessage(kb, only.bin, decoder);
      if (d.kind === 'text') {
        // One plain text: replay what was read, so that standard input is not read twice.
        const bytes = Buffer.from(only.bin, 'latin1');
        return { kind: 'plain', file: only.file, io: { ...io, readFile: () => bytes, readStdin: () => bytes } };
      }
      if (ctx.json) {
        const { file: _file, ...rest } = messageJson(only.file, d, ctx);
        io.stdout(JSON.stringify(rest, null, 2));
      } else {
        const tally: Tally = { recipients: 0, findings: 0 };
        io.stdout(humanMessage(kb, 1, only.file, d, ctx, tally));
        io.stdout(ctx.label('intake-summary', { messages: 1, recipients: tally.recipients, findings: tally.findings }));
      }
      return { kind: 'done', code: d.findings.length > 0 ? 0 : 1 };
    }
  }
  // Several messages: each is printed as soon as it is diagnosed.
  let n = 0;
  let found = false;
  let unreadable = false;
  const tally: Tally = { recipients: 0, findings: 0 };
  if (ctx.json) io.stdout('{\n  "messages": [');
  const emit = (file: string, d: MessageDiagnosis) => {
    n++;
    if (d.findings.length > 0) found = true;
    if (ctx.json) io.stdout(`${n > 1 ? ',' : ''}${JSON.stringify(messageJson(file, d, ctx), null, 2)}`);
    else io.stdout(humanMessage(kb, n, file, d, ctx, tally));
  };
  for (const s of sources) {
    const items = s === first && firstItems !== undefined ? firstItems : readItems(s);
    if (items instanceof Error) {
      unreadable = true;
      io.stderr(ctx.label('unreadable', { file: s.file, message: items.message }));
      emit(s.file, { ...UNREADABLE, problems: ['unreadable'] });
      continue;
    }
    for (const it of items) emit(it.file, diagnoseMessage(kb, it.bin, decoder));
  }
  if (ctx.json) io.stdout(']\n}');
  else io.stdout(ctx.label('intake-summary', { messages: n, recipients: tally.recipients, findings: tally.findings }));
  return { kind: 'done', code: unreadable ? 2 : found ? 0 : 1 };
}
