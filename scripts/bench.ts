/**
 * The performance benchmark of issue 5 (a benchmark, not a timed test: it prints, it never fails
 * the build).
 *
 *   npm run -s bench [-- --lines N] [--big-lines N] [--skip-big] [--bounces N] [--keep]
 *
 * 1. Generates a Postfix and an Exim log (--lines, default 500 000 each) with scripts/gen-maillog.ts.
 * 2. Gets the reference tools from Debian (pflogsumm, Sisimai) into node_modules/.cache/smtp-doctor-bench/.
 * 3. Times `cli scan --json`, pflogsumm and `grep -cE` on the same files: wall time, MB/s, lines/s,
 *    peak RSS of each child process.
 * 4. Unless --skip-big: a ~1 GB Postfix log (--big-lines, default 9 000 000) through `scan`.
 * 5. A folder of bounces (--bounces, default 600): `cli diagnose --json DIR` against Sisimai.
 * 6. The browser analyzer: the built app in headless Chromium, from choosing the file to the results.
 *
 * Every figure printed is measured in this run; a part that cannot run says why and is skipped.
 * MB = 10^6 bytes everywhere (throughput and memory).
 */
import { measureBrowserScan } from './bench-lib/browser.ts';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { preparePflogsumm, prepareSisimai, type Tool } from './bench-lib/debian.ts';
import { dsnMessage } from './bench-lib/dsn.ts';
import { hasGnuTime, measure, measureBest, type Measurement } from './bench-lib/measure.ts';
import type { MailLogFormat } from './bench-lib/maillog.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules/.cache/smtp-doctor-bench');
const FIXTURES = join(ROOT, 'src/testing/fixtures/intake');
const GREP_PATTERN = 'status=(deferred|bounced)|reject:|\\*\\*|==';
const SEED = 1;
const MB = 1e6;

const { values: opts } = parseArgs({
  options: {
    lines: { type: 'string', default: '500000' },
    'big-lines': { type: 'string', default: '9000000' },
    bounces: { type: 'string', default: '600' },
    'skip-big': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  process.stdout.write('usage: npm run -s bench [-- --lines N] [--big-lines N] [--skip-big] [--bounces N] [--keep]\n');
  process.exit(0);
}
function count(name: string, raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < 1) {
    process.stderr.write(`--${name} must be a positive whole number\n`);
    process.exit(2);
  }
  return n;
}
const LINES = count('lines', opts.lines);
const BIG_LINES = count('big-lines', opts['big-lines']);
const BOUNCES = count('bounces', opts.bounces);

// ---------------------------------------------------------------------------------------------
// Output helpers

function log(text = ''): void {
  process.stdout.write(`${text}\n`);
}
function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
function mem(bytes: number | null): string {
  return bytes === null ? 'n/a' : `${fmt(bytes / MB)} MB`;
}
function loadAverage(): string {
  return loadavg().map((l) => l.toFixed(2)).join(' ');
}
function firstLine(text: string): string {
  return text.trim().split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 200) ?? '';
}

interface Row {
  readonly what: string;
  readonly input: string;
  readonly wall: number | null;
  readonly mbps: number | null;
  readonly linesps: number | null;
  readonly itemsps?: number | null;
  readonly rss: number | null;
  readonly note: string;
}
const rows: Row[] = [];

interface Verdict {
  readonly check: string;
  readonly value: string;
  readonly target: string;
  readonly status: 'PASS' | 'FAIL' | 'not measured' | 'info';
  readonly note?: string;
}
const verdicts: Verdict[] = [];

function ratioVerdict(check: string, value: number | null, min: number, why: string): void {
  if (value === null) verdicts.push({ check, value: '—', target: `≥ ${min}×`, status: 'not measured', note: why });
  else verdicts.push({ check, value: `${fmt(value, 2)}×`, target: `≥ ${min}×`, status: value >= min ? 'PASS' : 'FAIL' });
}
function memVerdict(check: string, bytes: number | null, why: string): void {
  if (bytes === null) verdicts.push({ check, value: '—', target: '< 200 MB', status: 'not measured', note: why });
  else verdicts.push({ check, value: mem(bytes), target: '< 200 MB', status: bytes < 200 * MB ? 'PASS' : 'FAIL' });
}

// ---------------------------------------------------------------------------------------------
// Children

const SCRATCH = mkdtempSync(join(tmpdir(), 'smtp-doctor-bench-'));
const NODE = process.execPath;
/**
 * The CLI exactly as `npm run cli` runs it, minus npm's and tsx's wrapper processes.
 * SMTP_DOCTOR_BENCH_CLI=path/to/entry.ts points the benchmark at another entry (to check the
 * benchmark itself, or to compare a bundled build).
 */
const CLI_ENTRY = resolve(process.env.SMTP_DOCTOR_BENCH_CLI ?? join(ROOT, 'src/cli/main.ts'));
const CLI = ['--import', 'tsx', CLI_ENTRY];

async function cli(args: readonly string[], stdout = 'devnull'): Promise<Measurement> {
  return measure(NODE, [...CLI, ...args], { cwd: ROOT, scratch: SCRATCH, stdout });
}

interface Generated {
  readonly path: string;
  readonly lines: number;
  readonly bytes: number;
}

async function generate(format: MailLogFormat, lines: number, name: string): Promise<Generated | null> {
  const path = join(SCRATCH, name);
  const m = await measure(NODE, ['--import', 'tsx', join(ROOT, 'scripts/gen-maillog.ts'), '--format', format, '--lines', String(lines), '--seed', String(SEED)], {
    cwd: ROOT,
    scratch: SCRATCH,
    stdout: path,
  });
  if (m.exitCode !== 0) {
    log(`  generator failed (exit ${m.exitCode}): ${firstLine(m.stderr)}`);
    return null;
  }
  const bytes = statSync(path).size;
  log(`  ${name}: ${int(lines)} lines, ${fmt(bytes / MB)} MB in ${fmt(m.wall, 2)} s (${fmt(bytes / MB / m.wall)} MB/s, generator peak RSS ${mem(m.peakRss)})`);
  rows.push({ what: `generate ${format}`, input: name, wall: m.wall, mbps: bytes / MB / m.wall, linesps: lines / m.wall, rss: m.peakRss, note: 'gen-maillog.ts' });
  return { path, lines, bytes };
}

function throughputRow(what: string, file: Generated, m: Measurement & { runs?: number }, note: string): Row {
  const row: Row = {
    what,
    input: relative(SCRATCH, file.path),
    wall: m.wall,
    mbps: file.bytes / MB / m.wall,
    linesps: file.lines / m.wall,
    rss: m.peakRss,
    note: (m.runs && m.runs > 1 ? `best of ${m.runs}; ` : '') + note,
  };
  rows.push(row);
  log(`  ${what.padEnd(10)} ${fmt(m.wall, m.wall < 1 ? 3 : 2).padStart(7)} s  ${fmt(row.mbps ?? 0).padStart(7)} MB/s  ${int(row.linesps ?? 0).padStart(11)} lines/s  peak ${mem(m.peakRss)}${note ? `  (${note})` : ''}`);
  return row;
}

/**
 * What scan's own summary says it read, so a scan that stopped early cannot pass for a fast one.
 * The JSON went to a file (not /dev/null) for this; it is a summary, a few hundred KB at most.
 */
function scanReport(jsonPath: string, file: Generated): string {
  try {
    if (statSync(jsonPath).size > 200 * MB) return 'summary too big to check';
    const parsed: unknown = JSON.parse(readFileSync(jsonPath, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return 'summary is not an object';
    const lines = 'lines' in parsed && typeof parsed.lines === 'number' ? parsed.lines : null;
    const groups = 'groups' in parsed && Array.isArray(parsed.groups) ? parsed.groups.length : null;
    const parts = [
      lines === null ? 'no line count in summary' : lines === file.lines ? `read all ${int(lines)} lines` : `WARNING: read ${int(lines)} of ${int(file.lines)} lines`,
      groups === null ? '' : `${groups} problem groups`,
    ];
    return parts.filter(Boolean).join(', ');
  } catch (err) {
    return `summary unreadable: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    rmSync(jsonPath, { force: true });
  }
}

function missingRow(what: string, input: string, note: string): void {
  rows.push({ what, input, wall: null, mbps: null, linesps: null, rss: null, note });
  log(`  ${what}: ${note}`);
}

// ---------------------------------------------------------------------------------------------
// Probes: are the other engineers' parts there yet?

async function probeScan(sample: string): Promise<string | null> {
  const m = await cli(['scan', '--json', sample], 'capture');
  if (m.exitCode > 1) return `exit ${m.exitCode}: ${firstLine(m.stderr) || firstLine(m.stdout)}`;
  try {
    JSON.parse(m.stdout);
    return null;
  } catch {
    return 'scan --json did not print JSON';
  }
}

async function probeDiagnoseFolder(dir: string, expected: number): Promise<string | null> {
  const m = await cli(['diagnose', '--json', dir], 'capture');
  if (m.exitCode > 1) return `exit ${m.exitCode}: ${firstLine(m.stderr) || firstLine(m.stdout)}`;
  try {
    const parsed: unknown = JSON.parse(m.stdout);
    const messages = typeof parsed === 'object' && parsed !== null && 'messages' in parsed ? parsed.messages : undefined;
    if (!Array.isArray(messages)) return 'diagnose --json DIR did not print {"messages": [...]}';
    if (messages.length !== expected) return `diagnose --json DIR printed ${messages.length} messages for ${expected} files`;
    return null;
  } catch {
    return 'diagnose --json DIR did not print JSON';
  }
}

// ---------------------------------------------------------------------------------------------
// Bounce folder

function fixtureFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...fixtureFiles(p));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.eml')) out.push(p);
  }
  return out.sort();
}

function buildBounceFolder(dir: string, n: number): string {
  mkdirSync(dir, { recursive: true });
  const fixtures = fixtureFiles(FIXTURES);
  for (let i = 0; i < n; i++) {
    const name = join(dir, `bounce-${String(i + 1).padStart(4, '0')}.eml`);
    const source = fixtures[i % Math.max(1, fixtures.length)];
    if (source !== undefined) copyFileSync(source, name);
    else writeFileSync(name, dsnMessage(SEED, i));
  }
  return fixtures.length > 0
    ? `${n} copies of the ${fixtures.length} .eml fixtures under ${relative(ROOT, FIXTURES)}/`
    : `${n} generated RFC 3464 DSNs (no .eml fixtures under ${relative(ROOT, FIXTURES)}/ yet)`;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  log(`smtp-doctor benchmark — ${new Date().toISOString()} — node ${process.version}, ${process.platform}/${process.arch}`);
  log(`${availableParallelism()} CPUs, load average ${loadAverage()} (a busy machine slows every tool; compare ratios within one run)`);
  log(`scratch: ${SCRATCH}${opts.keep ? ' (kept)' : ' (removed at the end)'}`);
  const gnuTime = await hasGnuTime(SCRATCH);
  log(`peak RSS from: ${gnuTime ? '/usr/bin/time (ru_maxrss, exact)' : '/proc/<pid>/status VmHWM sampled every 10 ms (install `time` for exact figures)'}`);
  log(`CLI: node --import tsx ${relative(ROOT, CLI_ENTRY)}`);
  log('MB = 10^6 bytes. One run each; runs under 2 s are repeated and the fastest of 3 kept.');

  log('\n[1] Generating logs');
  const logs: Partial<Record<MailLogFormat, Generated>> = {};
  for (const format of ['postfix', 'exim'] as const) {
    const g = await generate(format, LINES, `${format}-${LINES}.log`);
    if (g) logs[format] = g;
  }

  log('\n[2] Reference tools (cache: node_modules/.cache/smtp-doctor-bench/)');
  const pflogsumm: Tool = preparePflogsumm(CACHE);
  log(pflogsumm.ok ? `  pflogsumm: ${pflogsumm.version} — ${pflogsumm.origin}` : `  pflogsumm: NOT AVAILABLE — ${pflogsumm.reason}`);
  const sisimai: Tool = prepareSisimai(CACHE);
  log(sisimai.ok ? `  sisimai: ${sisimai.version} — ${sisimai.origin}` : `  sisimai: NOT AVAILABLE — ${sisimai.reason}`);
  const grepVersion = firstLine((await measure('grep', ['--version'], { scratch: SCRATCH, stdout: 'capture' })).stdout);
  log(`  grep: ${grepVersion || 'NOT AVAILABLE'} (LC_ALL=C)`);

  log('\n[3] Logs: scan vs pflogsumm vs grep');
  const start = await measureBest(NODE, [...CLI, '--help'], { cwd: ROOT, scratch: SCRATCH });
  log(`  CLI start-up (--help): ${fmt(start.wall, 2)} s, peak ${mem(start.peakRss)} — included in every CLI figure below`);
  rows.push({ what: 'cli --help', input: '—', wall: start.wall, mbps: null, linesps: null, rss: start.peakRss, note: 'start-up cost only' });

  let scanMissing: string | null = 'no generated log';
  const sampleSource = logs.postfix ?? logs.exim;
  if (sampleSource) {
    const sample = join(SCRATCH, 'probe.log');
    const g = await measure(NODE, ['--import', 'tsx', join(ROOT, 'scripts/gen-maillog.ts'), '--lines', '200'], { cwd: ROOT, scratch: SCRATCH, stdout: sample });
    scanMissing = g.exitCode === 0 ? await probeScan(sample) : 'could not write the probe log';
  }
  if (scanMissing) log(`  scan: not available yet (${scanMissing})`);

  const scanBy: Partial<Record<MailLogFormat, Row>> = {};
  const pflogBy: Partial<Record<MailLogFormat, Row>> = {};
  const grepBy: Partial<Record<MailLogFormat, Row>> = {};
  for (const format of ['postfix', 'exim'] as const) {
    const file = logs[format];
    if (!file) continue;
    log(` ${format} (${relative(SCRATCH, file.path)}, ${fmt(file.bytes / MB)} MB):`);
    if (scanMissing) missingRow('scan', relative(SCRATCH, file.path), 'not available yet');
    else {
      const json = join(SCRATCH, `scan-${format}.json`);
      const m = await measureBest(NODE, [...CLI, 'scan', '--json', file.path], { cwd: ROOT, scratch: SCRATCH, stdout: json });
      if (m.exitCode > 1) missingRow('scan', relative(SCRATCH, file.path), `scan failed: exit ${m.exitCode}: ${firstLine(m.stderr)}`);
      else scanBy[format] = throughputRow('scan', file, m, `scan --json; ${scanReport(json, file)}`);
    }
    if (format !== 'postfix') missingRow('pflogsumm', relative(SCRATCH, file.path), 'n/a: pflogsumm reads Postfix logs only');
    else if (!pflogsumm.ok) missingRow('pflogsumm', relative(SCRATCH, file.path), `not available: ${pflogsumm.reason}`);
    else {
      const m = await measureBest(pflogsumm.cmd, [...pflogsumm.args, file.path], { scratch: SCRATCH, env: pflogsumm.env });
      if (m.exitCode !== 0) missingRow('pflogsumm', relative(SCRATCH, file.path), `pflogsumm failed: exit ${m.exitCode}: ${firstLine(m.stderr)}`);
      else pflogBy[format] = throughputRow('pflogsumm', file, m, 'pflogsumm FILE > /dev/null');
    }
    const gm = await measureBest('grep', ['-cE', GREP_PATTERN, file.path], { scratch: SCRATCH, stdout: 'capture', env: { ...process.env, LC_ALL: 'C' } });
    if (gm.exitCode > 1) missingRow('grep', relative(SCRATCH, file.path), `grep failed: exit ${gm.exitCode}: ${firstLine(gm.stderr)}`);
    else grepBy[format] = throughputRow('grep -cE', file, gm, `${int(Number(gm.stdout.trim()))} matching lines`);
  }

  const netOfStart = (row: Row | undefined, file: Generated | undefined): number | null =>
    row?.wall && file && row.wall > start.wall ? file.bytes / MB / (row.wall - start.wall) : null;
  for (const format of ['postfix', 'exim'] as const) {
    const scan = scanBy[format];
    const why = scanMissing ? 'scan not available yet' : 'scan did not run';
    if (format === 'postfix') {
      const p = pflogBy.postfix;
      ratioVerdict('scan / pflogsumm throughput (postfix)', scan?.mbps && p?.mbps ? scan.mbps / p.mbps : null, 10, !scan ? why : 'pflogsumm did not run');
    }
    const g = grepBy[format];
    ratioVerdict(`scan / grep throughput (${format})`, scan?.mbps && g?.mbps ? scan.mbps / g.mbps : null, 0.25, !scan ? why : 'grep did not run');
    memVerdict(`scan peak RSS (${format}, ${fmt((logs[format]?.bytes ?? 0) / MB, 0)} MB log)`, scan?.rss ?? null, why);
    const net = netOfStart(scan, logs[format]);
    if (net !== null) {
      const p = format === 'postfix' ? pflogBy.postfix?.mbps : undefined;
      const g = grepBy[format]?.mbps;
      verdicts.push({
        check: `scan MB/s without the ${fmt(start.wall, 2)} s CLI start-up (${format})`,
        value: `${fmt(net)} MB/s`,
        target: '—',
        status: 'info',
        note: [p ? `${fmt(net / p, 2)}× pflogsumm` : '', g ? `${fmt(net / g, 2)}× grep` : ''].filter(Boolean).join(', '),
      });
    }
  }

  log('\n[4] A ~1 GB log');
  if (opts['skip-big']) {
    log('  skipped (--skip-big)');
    memVerdict('scan peak RSS (~1 GB log)', null, 'skipped (--skip-big)');
  } else if (scanMissing) {
    log('  skipped: scan not available yet (nothing to measure on it)');
    memVerdict('scan peak RSS (~1 GB log)', null, 'scan not available yet');
  } else {
    const free = (() => {
      try {
        const s = statfsSync(SCRATCH);
        return s.bavail * s.bsize;
      } catch {
        return Number.POSITIVE_INFINITY;
      }
    })();
    const need = BIG_LINES * 130;
    if (free < need) {
      log(`  skipped: ${fmt(free / MB, 0)} MB free in ${tmpdir()}, about ${fmt(need / MB, 0)} MB needed`);
      memVerdict('scan peak RSS (~1 GB log)', null, 'not enough disk space');
    } else {
      const big = await generate('postfix', BIG_LINES, `postfix-${BIG_LINES}.log`);
      if (big) {
        const json = join(SCRATCH, 'scan-big.json');
        const m = await measure(NODE, [...CLI, 'scan', '--json', big.path], { cwd: ROOT, scratch: SCRATCH, stdout: json });
        if (m.exitCode > 1) {
          missingRow('scan (big)', relative(SCRATCH, big.path), `scan failed: exit ${m.exitCode}: ${firstLine(m.stderr)}`);
          memVerdict('scan peak RSS (~1 GB log)', null, 'scan failed');
        } else {
          throughputRow('scan (big)', big, m, `scan --json; ${scanReport(json, big)}`);
          memVerdict(`scan peak RSS (${fmt(big.bytes / MB, 0)} MB log)`, m.peakRss, '');
        }
        rmSync(big.path, { force: true });
      } else memVerdict('scan peak RSS (~1 GB log)', null, 'generation failed');
    }
  }

  log('\n[5] Bounces: diagnose --json DIR vs Sisimai');
  const bounceDir = join(SCRATCH, 'bounces');
  const origin = buildBounceFolder(bounceDir, BOUNCES);
  log(`  folder: ${origin}`);
  const probeDir = join(SCRATCH, 'bounce-probe');
  mkdirSync(probeDir);
  for (const f of readdirSync(bounceDir).slice(0, 3)) copyFileSync(join(bounceDir, f), join(probeDir, f));
  const diagMissing = await probeDiagnoseFolder(probeDir, Math.min(3, BOUNCES));
  let diagRate: number | null = null;
  let sisiRate: number | null = null;
  if (diagMissing) {
    log(`  diagnose --json DIR: not available yet (${diagMissing})`);
    rows.push({ what: 'diagnose DIR', input: 'bounces/', wall: null, mbps: null, linesps: null, rss: null, note: 'not available yet' });
  } else {
    const m = await measureBest(NODE, [...CLI, 'diagnose', '--json', bounceDir], { cwd: ROOT, scratch: SCRATCH });
    if (m.exitCode > 1) log(`  diagnose failed: exit ${m.exitCode}: ${firstLine(m.stderr)}`);
    else {
      diagRate = BOUNCES / m.wall;
      rows.push({ what: 'diagnose DIR', input: 'bounces/', wall: m.wall, mbps: null, linesps: null, itemsps: diagRate, rss: m.peakRss, note: `${BOUNCES} messages${m.runs > 1 ? `; best of ${m.runs}` : ''}` });
      log(`  diagnose   ${fmt(m.wall, 3).padStart(7)} s  ${fmt(diagRate).padStart(8)} messages/s  peak ${mem(m.peakRss)}`);
    }
  }
  if (!sisimai.ok) {
    log(`  sisimai: not available (${sisimai.reason})`);
    rows.push({ what: 'sisimai', input: 'bounces/', wall: null, mbps: null, linesps: null, rss: null, note: `not available: ${sisimai.reason}` });
  } else {
    const m = await measureBest(sisimai.cmd, [...sisimai.args, bounceDir], { scratch: SCRATCH, env: sisimai.env, stdout: 'capture' });
    if (m.exitCode !== 0) log(`  sisimai failed: exit ${m.exitCode}: ${firstLine(m.stderr)}`);
    else {
      sisiRate = BOUNCES / m.wall;
      const found = firstLine(m.stdout);
      rows.push({ what: 'sisimai', input: 'bounces/', wall: m.wall, mbps: null, linesps: null, itemsps: sisiRate, rss: m.peakRss, note: `${BOUNCES} messages, ${found} results${m.runs > 1 ? `; best of ${m.runs}` : ''}` });
      log(`  sisimai    ${fmt(m.wall, 3).padStart(7)} s  ${fmt(sisiRate).padStart(8)} messages/s  peak ${mem(m.peakRss)}  (${found} bounce results)`);
    }
  }
  ratioVerdict('diagnose / sisimai messages per second', diagRate !== null && sisiRate !== null ? diagRate / sisiRate : null, 2,
    diagMissing ? 'diagnose DIR not available yet' : 'sisimai did not run');

  log('\n[6] Browser analyzer (headless Chromium)');
  const browserFile = logs.postfix;
  if (!browserFile) {
    missingRow('browser', '—', 'no generated Postfix log');
    ratioVerdict('browser / CLI scan throughput (postfix)', null, 0.5, 'no generated Postfix log');
  } else {
    const b = await measureBrowserScan(ROOT, SCRATCH, browserFile.path);
    if (!b.ok) {
      missingRow('browser', relative(SCRATCH, browserFile.path), `not measured: ${b.reason}`);
      ratioVerdict('browser / CLI scan throughput (postfix)', null, 0.5, b.reason);
    } else {
      const row = throughputRow('browser', browserFile, { wall: b.seconds, peakRss: null, rssMethod: 'none', exitCode: 0, stdout: '', stderr: '' }, 'choose file -> results, Web Worker, headless Chromium');
      const scan = scanBy.postfix;
      ratioVerdict('browser / CLI scan throughput (postfix)', row.mbps && scan?.mbps ? row.mbps / scan.mbps : null, 0.5, 'scan did not run');
    }
  }

  // -------------------------------------------------------------------------------------------
  log('\n== Results (all measured in this run) ==');
  const header = ['step', 'input', 'wall s', 'MB/s', 'lines/s', 'msgs/s', 'peak RSS', 'note'];
  const table = rows.map((r) => [
    r.what,
    r.input,
    r.wall === null ? '—' : fmt(r.wall, r.wall < 1 ? 3 : 2),
    r.mbps === null ? '—' : fmt(r.mbps),
    r.linesps === null ? '—' : int(r.linesps),
    r.itemsps === undefined || r.itemsps === null ? '—' : fmt(r.itemsps),
    r.rss === null ? '—' : mem(r.rss),
    r.note,
  ]);
  printTable(header, table);
  log('');
  printTable(['check', 'measured', 'target', 'status', 'note'], verdicts.map((v) => [v.check, v.value, v.target, v.status, v.note ?? '']));
  log(`\nTotal benchmark time ${fmt((Date.now() - started) / 1000, 0)} s; load average at the end ${loadAverage()}.`);
}

function printTable(header: readonly string[], body: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  log(line(header));
  log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of body) log(line(r));
}

// An interrupted run must not leave a 1 GB file behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (!opts.keep) rmSync(SCRATCH, { recursive: true, force: true });
    process.exit(130);
  });
}

try {
  await main();
} finally {
  if (!opts.keep) rmSync(SCRATCH, { recursive: true, force: true });
}
