// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isScanCommand, looksBinary, parseTime, runScan, type ScanIo } from './scan.ts';

const FIXTURES = fileURLToPath(new URL('../testing/fixtures/logscan/', import.meta.url));
const POSTFIX = readFileSync(`${FIXTURES}postfix.log`);

interface Run {
  code: number;
  out: string;
  err: string;
  progress: string[];
}

/** Runs `scan` on in-memory files, delivered in chunks of `chunk` bytes. */
async function run(argv: string[], opts: { files?: Record<string, Buffer | string>; stdin?: Buffer | string; chunk?: number; tty?: boolean; env?: Record<string, string> } = {}): Promise<Run> {
  let out = '';
  let err = '';
  const progress: string[] = [];
  let clock = 0;
  const chunked = (buf: Buffer): AsyncIterable<Uint8Array> => ({
    async *[Symbol.asyncIterator]() {
      const n = opts.chunk ?? 4096;
      for (let i = 0; i < buf.length; i += n) yield buf.subarray(i, i + n);
    },
  });
  const io: ScanIo = {
    stdout: (t) => { out += `${t}\n`; },
    stderr: (t) => { err += `${t}\n`; },
    open: async (file) => {
      const data = file === '-' ? opts.stdin : opts.files?.[file];
      if (data === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), { code: 'ENOENT' });
      const buf = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
      return { size: file === '-' ? null : buf.length, chunks: chunked(buf) };
    },
    env: opts.env ?? {},
    progress: opts.tty ?? false,
    progressLine: (t) => progress.push(t),
    now: () => (clock += 100),
  };
  const code = await runScan(argv, io);
  return { code, out, err, progress };
}

describe('scan --json', () => {
  it('prints exactly one JSON object, the scan summary', async () => {
    const r = await run(['scan', '--json', '--year', '2026', 'mail.log'], { files: { 'mail.log': POSTFIX } });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const parsed = JSON.parse(r.out) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      format: 'postfix',
      lines: 27,
      outcomes: { delivered: 2, deferred: 4, bounced: 1, rejected: 1, expired: 1 },
      queue: { messages: 6, stillDeferredCount: 2 },
    });
    for (const key of ['formats', 'chars', 'unreadLines', 'unreadSamples', 'skippedLongLines', 'outOfRange', 'firstTime', 'lastTime', 'timeline', 'groups', 'topRemoteHosts', 'topRecipientDomains', 'topClientIps']) {
      expect(parsed).toHaveProperty(key);
    }
    const groups = parsed.groups as Array<Record<string, unknown>>;
    expect(groups.some((g) => g.entry === 'communication/smtp-421-service-not-available' && g.cause === 'gmail-unusual-rate' && g.count === 2)).toBe(true);
  });

  it('gives the same summary whatever the read size, multi-byte characters included', async () => {
    const text = Buffer.from(`${POSTFIX.toString('utf8')}Nov 25 10:09:00 mx1 postfix/smtpd[9]: warning: 主机名 無法解析 — ünïcödé\n`, 'utf8');
    const a = await run(['scan', '--json', '--year', '2026', 'f'], { files: { f: text }, chunk: 7 });
    const b = await run(['scan', '--json', '--year', '2026', 'f'], { files: { f: text }, chunk: 1 << 20 });
    expect(a.out).toBe(b.out);
  });

  it('reads standard input', async () => {
    const r = await run(['scan', '--json', '--year', '2026', '-'], { stdin: POSTFIX });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { lines: number }).lines).toBe(27);
  });

  it('filters with --since and --until', async () => {
    const r = await run(['scan', '--json', '--year', '2026', '--since', '2026-11-25T10:03:00Z', '--until', '2026-11-25 10:05:59', 'f'], { files: { f: POSTFIX } });
    expect(JSON.parse(r.out)).toMatchObject({ outOfRange: 18, outcomes: { delivered: 0, bounced: 1, rejected: 1, expired: 1 } });
  });
});

describe('scan report', () => {
  it('prints totals, groups with their KB titles and still-deferred messages in English', async () => {
    const r = await run(['scan', '--year', '2026', 'mail.log'], { files: { 'mail.log': POSTFIX } });
    expect(r.code).toBe(0);
    expect(r.out).toContain('mail.log: 27 lines, read as postfix');
    expect(r.out).toContain('Delivered 2 · deferred 4 · bounced 1 · rejected 1 · expired 1');
    expect(r.out).toMatch(/2 × .*\[deferred, 421 4\.7\.28\]/);
    expect(r.out).toContain('7D8E9F0A1B to dave@gmail.com: 2 attempt(s), bounces around 2026-11-30T10:01:10.000Z');
  });

  it('prints the report in Chinese', async () => {
    const r = await run(['scan', '--lang', 'zh', '--year', '2026', 'mail.log'], { files: { 'mail.log': POSTFIX } });
    expect(r.code).toBe(0);
    expect(r.out).toContain('已投递 2 · 延迟 4 · 退信 1 · 拒收 1 · 过期 1');
    expect(r.out).toContain('按诊断归类的问题');
  });

  it('says which lines it could not read', async () => {
    const r = await run(['scan', 'm'], { files: { m: readFileSync(`${FIXTURES}mixed-unknown.log`) } });
    expect(r.code).toBe(0);
    expect(r.out).toContain('3 line(s) in no known log format, e.g. line 1: this is not a log line');
  });

  it('shows a progress line on a terminal only', async () => {
    const big = Buffer.from(POSTFIX.toString('utf8').repeat(20), 'utf8');
    const tty = await run(['scan', '--json', 'f'], { files: { f: big }, chunk: 1024, tty: true });
    expect(tty.progress.some((p) => /^Scanning… \d+% · \d+ lines · \d+ lines\/s$/.test(p))).toBe(true);
    expect(tty.progress.at(-1)).toBe('');
    const piped = await run(['scan', '--json', 'f'], { files: { f: big }, chunk: 1024, tty: false });
    expect(piped.progress).toEqual([]);
  });
});

describe('scan refuses bad input', () => {
  it('refuses a binary file (NUL bytes)', async () => {
    const r = await run(['scan', 'img.bin'], { files: { 'img.bin': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]) } });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('img.bin is not a text log');
  });

  it('refuses invalid UTF-8 in the first 64 KB, in Chinese too', async () => {
    const bytes = Buffer.concat([Buffer.from('Nov 25 10:00:01 mx1 postfix/smtpd[1]: connect from a[192.0.2.1]\n'), Buffer.from([0xc3, 0x28, 0xff, 0xfe])]);
    const r = await run(['scan', '--lang', 'zh', 'x.log'], { files: { 'x.log': bytes } });
    expect(r.code).toBe(2);
    expect(r.err).toContain('x.log 不是文本日志');
  });

  it('accepts a multi-byte character cut at the 64 KB boundary', async () => {
    const line = 'Nov 25 10:00:01 mx1 postfix/smtpd[1]: warning: 主机名\n';
    const text = Buffer.from(line.repeat(2000), 'utf8');
    const r = await run(['scan', '--json', 'f'], { files: { f: text }, chunk: 65535 });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { lines: number }).lines).toBe(2000);
  });

  it('exits 2 on a missing file, a missing argument, a bad time or a bad option', async () => {
    const missing = await run(['scan', 'nope.log']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Cannot read nope.log: ENOENT');
    expect((await run(['scan'])).code).toBe(2);
    const badTime = await run(['scan', '--since', 'yesterday', 'f'], { files: { f: POSTFIX } });
    expect(badTime.code).toBe(2);
    expect(badTime.err).toContain('Cannot read the time "yesterday" given to --since');
    expect((await run(['scan', '--frobnicate', 'f'], { files: { f: POSTFIX } })).code).toBe(2);
    expect((await run(['scan', '--year', '20x6', 'f'], { files: { f: POSTFIX } })).code).toBe(2);
  });
});

describe('helpers', () => {
  it('recognises the scan command wherever the options are', () => {
    expect(isScanCommand(['scan', 'f'])).toBe(true);
    expect(isScanCommand(['--json', 'scan', 'f'])).toBe(true);
    expect(isScanCommand(['--lang', 'zh', 'scan', '--since', '2026-11-25', 'f'])).toBe(true);
    expect(isScanCommand(['diagnose', 'scan'])).toBe(false);
    expect(isScanCommand([])).toBe(false);
  });

  it('parses --since/--until times, UTC unless a zone is given', () => {
    expect(parseTime('2026-11-25')).toBe(Date.parse('2026-11-25T00:00:00Z'));
    expect(parseTime('2026-11-25T10:00')).toBe(Date.parse('2026-11-25T10:00:00Z'));
    expect(parseTime('2026-11-25 10:00:00+08:00')).toBe(Date.parse('2026-11-25T02:00:00Z'));
    expect(parseTime('2026-11-25T10:00:00Z')).toBe(Date.parse('2026-11-25T10:00:00Z'));
    expect(parseTime('tomorrow')).toBeUndefined();
    expect(parseTime('2026-13-45')).toBeUndefined();
  });

  it('detects binary heads', () => {
    expect(looksBinary(Buffer.from('plain text\n'))).toBe(false);
    expect(looksBinary(Buffer.from('a\u0000b'))).toBe(true);
    expect(looksBinary(Buffer.from([0xe4, 0xb8]))).toBe(false); // cut multi-byte at the end
    expect(looksBinary(Buffer.from([0xff, 0x41]))).toBe(true);
  });
});

describe('the scan command through the real entry point', () => {
  it('streams a file and prints JSON', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'scan', '--json', '--year', '2026', `${FIXTURES}exim-mainlog.log`], { encoding: 'utf8', cwd: fileURLToPath(new URL('../../', import.meta.url)) });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'exim', outcomes: { delivered: 1, deferred: 1, bounced: 1, rejected: 2 } });
  }, 30_000);
});
