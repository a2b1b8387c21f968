/**
 * smtp-doctor's command line: the same engine as the wizard.
 *
 *   diagnose [--json] [--lang en|zh] FILE|DIR|MBOX|- …   (messages, mboxes and Maildirs: see intake.ts)
 *   scan [--json] [--since T] [--until T] LOGFILE|-       (a whole mail log, streamed: see scan.ts)
 *   kb [--json]
 *   snippets --entry ID --mta NAME [--version V] [--cause ID] [--json]
 *
 * Exit codes: 0 found, 1 nothing recognised, 2 bad usage or unreadable input.
 * The JSON shapes are a contract read by other tools: add fields, never rename them.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { label, pickLang, UsageError } from './labels.ts';
import {
  EMPTY_WALK, PRODUCTS, checkInput, classify, factsForFinding, redact, diagnose, findEntry, generateSnippets, isProductId, resolve, step,
  type Entry, type Finding, type Kb, type Lang, type SnippetParams, type WalkState,
} from '../engine/index.ts';
import { cliKb } from './kb-loader.ts';
import { renderDiagnosisMarkdown } from '../report/markdown.ts';
import { diagnoseIntake } from './intake.ts';
import { isScanCommand, nodeScanIo, runScan } from './scan.ts';


export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => Buffer;
  readonly readStdin: () => Buffer;
  readonly env: Readonly<Record<string, string | undefined>>;
}

function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** The finding as printed by `diagnose --json`. */
function findingJson(kb: Kb, f: Finding): Record<string, unknown> {
  const entry = findEntry(kb, f.entry);
  const cause = f.cause ? entry?.causes.find((c) => c.id === f.cause) : undefined;
  return {
    entry: f.entry,
    cause: f.cause ?? null,
    candidates: f.candidates,
    reason: f.reason,
    code: f.code ?? null,
    enhanced: f.enhanced ?? null,
    source: f.source ?? null,
    confidence: f.confidence,
    line: f.line ?? null,
    text: f.text,
    signature: f.signature ?? null,
    captures: f.captures,
    facts: f.facts,
    count: f.count,
    matched: f.matched,
    emitterCheck: f.emitterCheck,
    title: cause ? cause.title : (entry?.title ?? null),
  };
}

function paramsFromCaptures(captures: Readonly<Record<string, string>>): SnippetParams {
  const out: { -readonly [K in keyof SnippetParams]: string } = {};
  if (captures.ip) out.ip = captures.ip;
  if (captures.host) out.hostname = captures.host;
  if (captures.limit) out.limit = captures.limit;
  return out;
}

function readInput(file: string, io: CliIo, lang: Lang): { ok: true; text: string } | { ok: false; message: string } {
  let buf: Buffer;
  try {
    buf = file === '-' ? io.readStdin() : io.readFile(file);
  } catch (err) {
    return { ok: false, message: label(lang, 'unreadable', { file, message: err instanceof Error ? err.message : String(err) }) };
  }
  const text = buf.toString('utf8');
  const check = checkInput(text);
  if (!check.ok) {
    if (check.code === 'INPUT_BINARY') return { ok: false, message: label(lang, 'binary', { file }) };
    return { ok: false, message: label(lang, 'too-large', { file, limit: `${Math.round(check.limit / 1048576)} MiB` }) };
  }
  return { ok: true, text };
}

function walkFor(entry: Entry, finding: Finding): WalkState {
  return step(entry.tree, EMPTY_WALK, { type: 'infer', facts: factsForFinding(entry, finding) });
}

function cmdDiagnose(kb: Kb, positionals: string[], json: boolean, lang: Lang, given: CliIo): number {
  if (positionals.length === 0) throw new UsageError(label(lang, 'missing-file'));
  // Bounces, mboxes, folders and several paths are read by the intake (src/cli/intake.ts); one plain text continues here.
  const intake = diagnoseIntake(kb, positionals, { json, lang, io: given, findingJson: (f) => findingJson(kb, f), label: (key, params) => label(lang, key, params) });
  if (intake.kind === 'done') return intake.code;
  const { file, io } = intake;
  const input = readInput(file, io, lang);
  if (!input.ok) {
    io.stderr(input.message);
    return 2;
  }
  // Credentials in a pasted transcript never reach the output.
  const { findings } = classify(kb, redact(input.text).text);
  if (json) {
    io.stdout(toJson({ findings: findings.map((f) => findingJson(kb, f)) }));
    return findings.length > 0 ? 0 : 1;
  }
  if (findings.length === 0) {
    io.stdout(label(lang, 'nothing'));
    return 1;
  }
  const out: string[] = [label(lang, 'found', { count: findings.length })];
  findings.slice(0, 10).forEach((f, i) => {
    const entry = findEntry(kb, f.entry);
    const cause = f.cause ? entry?.causes.find((c) => c.id === f.cause) : undefined;
    out.push(label(lang, 'finding', { n: i + 1, line: f.line ?? '-', code: f.code ?? '', enhanced: f.enhanced ?? '', title: (cause?.title ?? entry?.title)?.[lang] ?? f.entry }));
    if (cause) out.push(label(lang, 'finding-cause', { cause: cause.id }));
    else out.push(label(lang, 'finding-candidates', { causes: f.candidates.join(', ') }));
    out.push(label(lang, 'finding-meta', { reason: f.reason, source: f.source ?? label(lang, 'unknown'), confidence: f.confidence.toFixed(2) }));
  });
  const best = findings[0];
  const entry = best ? findEntry(kb, best.entry) : undefined;
  if (best && entry) {
    const walk = walkFor(entry, best);
    const d = diagnose(entry, walk, { lang, params: paramsFromCaptures(best.captures) });
    out.push('');
    if (d.cause) {
      out.push(renderDiagnosisMarkdown(d, lang, { findings: [best] }));
    } else {
      const current = resolve(entry.tree, walk).current;
      if (current) {
        out.push(label(lang, 'next-question', { question: current.question[lang] }));
        out.push(label(lang, 'options', { options: current.options.map((o) => o.label[lang]).join(' | ') }));
      }
    }
  }
  io.stdout(out.join('\n'));
  return 0;
}

function cmdKb(kb: Kb, json: boolean, lang: Lang, io: CliIo): number {
  if (json) {
    io.stdout(toJson({ entries: kb.entries }));
    return 0;
  }
  const lines = [label(lang, 'entries', { count: kb.entries.length })];
  for (const e of kb.entries) {
    lines.push(label(lang, 'entry-line', { id: e.id, codes: e.codes.join(','), title: e.title[lang], causes: e.causes.length }));
  }
  io.stdout(lines.join('\n'));
  return 0;
}

interface SnippetArgs {
  entry: string | undefined;
  mta: string | undefined;
  version: string | undefined;
  cause: string | undefined;
  params: SnippetParams;
}

function cmdSnippets(kb: Kb, args: SnippetArgs, json: boolean, lang: Lang, io: CliIo): number {
  if (!args.entry) throw new UsageError(label(lang, 'missing-entry'));
  if (!args.mta) throw new UsageError(label(lang, 'missing-mta'));
  const entry = findEntry(kb, args.entry);
  if (!entry) throw new UsageError(label(lang, 'unknown-entry', { entry: args.entry }));
  const product = args.mta.toLowerCase();
  if (!isProductId(product)) throw new UsageError(label(lang, 'unknown-mta', { mta: args.mta, known: PRODUCTS.map((p) => p.id).join(', ') }));
  if (args.cause && !entry.causes.some((c) => c.id === args.cause)) throw new UsageError(label(lang, 'unknown-cause', { entry: entry.id, cause: args.cause }));
  const workarounds = entry.workarounds.filter((w) => !args.cause || w.causes.includes(args.cause));
  const seen = new Set<string>();
  const rows: Array<Record<string, unknown>> = [];
  for (const w of workarounds) {
    for (const s of generateSnippets(w.snippets, { product, version: args.version, params: args.params, lang })) {
      const key = `${s.id}\n${s.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ workaround: w.id, workaroundTitle: w.title, id: s.id, product: s.product, language: s.language, title: s.title, code: s.code, notes: s.notes });
    }
  }
  if (json) {
    io.stdout(toJson({ entry: entry.id, mta: product, version: args.version ?? null, snippets: rows }));
    return rows.length > 0 ? 0 : 1;
  }
  if (rows.length === 0) {
    io.stdout(label(lang, 'no-snippets', { mta: product, version: args.version ?? '' }));
    return 1;
  }
  const out: string[] = [];
  const byWorkaround = new Map(workarounds.map((w) => [w.id, w] as const));
  for (const r of rows) {
    const w = byWorkaround.get(String(r.workaround));
    const title = r.title as { en: string; zh: string };
    const notes = r.notes as Array<{ en: string; zh: string }>;
    out.push(`## ${title[lang]}`, label(lang, 'snippet-for', { workaround: w ? w.title[lang] : String(r.workaround) }), '', String(r.code));
    for (const n of notes) out.push(`# ${n[lang]}`);
    out.push('');
  }
  io.stdout(out.join('\n'));
  return 0;
}

/** Runs the CLI and returns its exit code. Exported for tests. */
export function runCli(argv: readonly string[], io: CliIo): number {
  let lang: Lang = 'en';
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
        entry: { type: 'string' },
        mta: { type: 'string' },
        version: { type: 'string' },
        cause: { type: 'string' },
        hostname: { type: 'string' },
        ip: { type: 'string' },
        limit: { type: 'string' },
        destination: { type: 'string' },
        'smtp-host': { type: 'string' },
        region: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    lang = pickLang(values.lang, io.env);
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.stdout(label(lang, 'usage'));
      return command === undefined && !values.help ? 2 : 0;
    }
    const loaded = cliKb();
    if (!loaded.ok) {
      io.stderr([label(lang, 'kb-invalid'), ...loaded.errors.map((e) => `  ${e}`)].join('\n'));
      return 2;
    }
    const kb = loaded.kb;
    switch (command) {
      case 'diagnose':
        return cmdDiagnose(kb, rest, values.json, lang, io);
      case 'kb':
        return cmdKb(kb, values.json, lang, io);
      case 'snippets': {
        const params: { -readonly [K in keyof SnippetParams]: string } = {};
        if (values.hostname) params.hostname = values.hostname;
        if (values.ip) params.ip = values.ip;
        if (values.limit) params.limit = values.limit;
        if (values.destination) params.destination = values.destination;
        if (values['smtp-host']) params.smtpHost = values['smtp-host'];
        if (values.region) params.region = values.region;
        return cmdSnippets(kb, { entry: values.entry, mta: values.mta, version: values.version, cause: values.cause, params }, values.json, lang, io);
      }
      default:
        throw new UsageError(label(lang, 'unknown-command', { command }));
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\n\n${label(lang, 'usage')}`);
      return 2;
    }
    if (err instanceof TypeError && 'code' in err && typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${label(lang, 'bad-option', { message: err.message })}\n\n${label(lang, 'usage')}`);
      return 2;
    }
    throw err;
  }
}

function isMain(): boolean {
  const entry = process.argv[1] ?? '';
  return /(?:^|[\\/])main\.[cm]?[jt]s$/.test(entry);
}

// `scan` streams its input, so it is the one asynchronous command (src/cli/scan.ts).
if (isMain() && isScanCommand(process.argv.slice(2))) {
  void runScan(process.argv.slice(2), nodeScanIo()).then((code) => {
    process.exitCode = code;
  });
} else if (isMain()) {
  const code = runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(`${t}\n`),
    stderr: (t) => process.stderr.write(`${t}\n`),
    readFile: (p) => readFileSync(p),
    readStdin: () => readFileSync(0),
    env: process.env,
  });
  process.exitCode = code;
}
