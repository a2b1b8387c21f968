// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './main.ts';

interface Run {
  code: number;
  out: string;
  err: string;
}

function run(argv: string[], opts: { stdin?: string; files?: Record<string, string | Buffer>; env?: Record<string, string> } = {}): Run {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => { out += `${t}\n`; },
    stderr: (t) => { err += `${t}\n`; },
    readFile: (p) => {
      const f = opts.files?.[p];
      if (f === undefined) throw new Error(`ENOENT: no such file or directory, open '${p}'`);
      return Buffer.isBuffer(f) ? f : Buffer.from(f, 'utf8');
    },
    readStdin: () => Buffer.from(opts.stdin ?? '', 'utf8'),
    env: opts.env ?? {},
  };
  const code = runCli(argv, io);
  return { code, out, err };
}

const EXCHANGE = '421 4.3.2 The maximum number of concurrent server connections has exceeded a per-source limit, closing transmission channel';
const POSTFIX = 'Mar  3 10:12:01 mx1 postfix/smtpd[2211]: warning: Connection concurrency limit exceeded: 51 from unknown[203.0.113.5] for service smtp';
const YAHOO = '421 4.7.0 [TSS04] Messages from 203.0.113.5 temporarily deferred due to unexpected volume or user complaints';

describe('diagnose --json', () => {
  it.each([
    [EXCHANGE, 'exchange-per-source-limit', 421, '4.3.2', 'exchange'],
    [POSTFIX, 'postfix-connection-count-limit', null, null, 'postfix'],
    [YAHOO, 'yahoo-tss04-volume-complaints', 421, '4.7.0', 'yahoo'],
  ])('%s', (text, cause, code, enhanced, source) => {
    const r = run(['diagnose', '--json', '-'], { stdin: `${text}\n` });
    expect(r.code).toBe(0);
    const parsed: unknown = JSON.parse(r.out);
    expect(parsed).toMatchObject({ findings: expect.any(Array) });
    const best = (parsed as { findings: Array<Record<string, unknown>> }).findings[0];
    expect(best).toMatchObject({ entry: 'communication/smtp-421-service-not-available', cause, source, line: 1 });
    if (code !== null) expect(best).toMatchObject({ code, enhanced });
    expect(typeof best?.reason).toBe('string');
    expect(best?.confidence).toBeGreaterThan(0.5);
  });

  it('prints exactly one JSON object and nothing else', () => {
    const r = run(['diagnose', '--json', 'in.txt'], { files: { 'in.txt': `noise\n${POSTFIX}\nmore noise\n` } });
    expect(() => JSON.parse(r.out)).not.toThrow();
    expect(Object.keys(JSON.parse(r.out) as object)).toEqual(['findings']);
    expect((JSON.parse(r.out) as { findings: Array<{ line: number }> }).findings[0]?.line).toBe(2);
  });

  it('exits 1 with an empty list when nothing is recognised', () => {
    const r = run(['diagnose', '--json', '-'], { stdin: 'hello world\n' });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ findings: [] });
  });

  it('says the bare 421 line does not decide the cause', () => {
    const r = run(['diagnose', '--json', '-'], { stdin: '421 4.7.0 Service not available, closing transmission channel' });
    expect(r.code).toBe(0);
    const best = (JSON.parse(r.out) as { findings: Array<Record<string, unknown>> }).findings[0];
    expect(best?.cause).toBeNull();
    expect((best?.candidates as unknown[]).length).toBeGreaterThan(1);
    expect(best?.confidence).toBeLessThanOrEqual(0.3);
  });
});

describe('diagnose (text)', () => {
  it('prints the cause and its remedies in English', () => {
    const r = run(['diagnose', '--lang', 'en', '-'], { stdin: POSTFIX });
    expect(r.code).toBe(0);
    expect(r.out).toContain('postfix-connection-count-limit');
    expect(r.out).toContain('## Root cause');
    expect(r.out).toContain('smtpd_client_connection_count_limit');
  });

  it('prints it in Chinese with --lang zh or a zh LANG', () => {
    const a = run(['diagnose', '--lang', 'zh', '-'], { stdin: YAHOO });
    const b = run(['diagnose', '-'], { stdin: YAHOO, env: { LANG: 'zh_CN.UTF-8' } });
    expect(a.out).toContain('根本原因');
    expect(b.out).toBe(a.out);
  });

  it('asks the next question when the text alone does not decide', () => {
    const r = run(['diagnose', '-'], { stdin: '421 4.7.0 Service not available, closing transmission channel' });
    expect(r.out).toMatch(/answer in the wizard: /);
  });
});

describe('bad input and usage', () => {
  it('refuses binary input with exit 2 and a clear message', () => {
    const r = run(['diagnose', 'x.bin'], { files: { 'x.bin': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0]) } });
    expect(r.code).toBe(2);
    expect(r.err).toContain('binary');
  });
  it('reports an unreadable file with exit 2', () => {
    const r = run(['diagnose', 'missing.txt']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Cannot read missing.txt');
  });
  it('reports a missing file argument, an unknown command, a bad option and a bad language', () => {
    expect(run(['diagnose']).code).toBe(2);
    expect(run(['frobnicate']).err).toContain('Unknown command "frobnicate"');
    expect(run(['diagnose', '--colour', 'x']).code).toBe(2);
    expect(run(['kb', '--lang', 'fr']).err).toContain('Unknown language "fr"');
  });
  it('answers usage errors in Chinese when asked', () => {
    expect(run(['frobnicate', '--lang', 'zh']).err).toContain('未知命令');
  });
});

describe('kb --json', () => {
  it('lists entries with bilingual texts', () => {
    const r = run(['kb', '--json']);
    expect(r.code).toBe(0);
    const { entries } = JSON.parse(r.out) as { entries: Array<Record<string, unknown>> };
    const e = entries.find((x) => x.id === 'communication/smtp-421-service-not-available');
    expect(e).toBeDefined();
    for (const key of ['id', 'codes', 'enhanced', 'reason', 'causes', 'deadEnds', 'workarounds', 'sources']) expect(e).toHaveProperty(key);
    expect(e?.title).toEqual({ en: expect.any(String), zh: expect.any(String) });
    const causes = e?.causes as Array<{ title: { en: string; zh: string } }>;
    expect(causes.length).toBeGreaterThan(40);
  });
});

describe('snippets', () => {
  it('prints version-gated Postfix settings', () => {
    const r37 = run(['snippets', '--entry', 'communication/smtp-421-service-not-available', '--mta', 'postfix', '--version', '3.7', '--json']);
    const r38 = run(['snippets', '--entry', 'communication/smtp-421-service-not-available', '--mta', 'postfix', '--version', '3.8', '--json']);
    expect(r37.code).toBe(0);
    const code37 = (JSON.parse(r37.out) as { snippets: Array<{ code: string }> }).snippets.map((s) => s.code).join('\n');
    const code38 = (JSON.parse(r38.out) as { snippets: Array<{ code: string }> }).snippets.map((s) => s.code).join('\n');
    expect(code37).toContain('smtpd_client_connection_count_limit');
    expect(code37).not.toContain('smtpd_client_ipv4_prefix_length');
    expect(code38).toContain('smtpd_client_ipv4_prefix_length');
  });
  it('fills the user values', () => {
    const r = run(['snippets', '--entry', 'communication/smtp-421-service-not-available', '--mta', 'exchange', '--version', '2019', '--ip', '198.51.100.7', '--json']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Set-ReceiveConnector');
  });
  it('rejects an unknown entry or MTA with exit 2', () => {
    expect(run(['snippets', '--entry', 'nope/nope', '--mta', 'postfix']).code).toBe(2);
    expect(run(['snippets', '--entry', 'communication/smtp-421-service-not-available', '--mta', 'qmail']).err).toContain('Unknown MTA');
  });
});

describe('npm run -s cli (real process)', () => {
  it('keeps the exit codes and the JSON contract end to end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smtp-doctor-cli-'));
    const file = join(dir, 'bounce.txt');
    writeFileSync(file, `${POSTFIX}\n`);
    const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'diagnose', '--json', file], { encoding: 'utf8' });
    expect((JSON.parse(out) as { findings: Array<{ cause: string }> }).findings[0]?.cause).toBe('postfix-connection-count-limit');
    const none = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'diagnose', '--json', '-'], { input: 'nothing here\n', encoding: 'utf8' });
    expect(none.status).toBe(1);
    const bad = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'diagnose', join(dir, 'absent')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });
});

describe('credentials', () => {
  it('never prints an AUTH PLAIN secret from a pasted transcript', () => {
    const transcript = [
      '<-  220 mx.example.com ESMTP',
      ' -> EHLO client.example.org',
      '<-  250 AUTH PLAIN LOGIN',
      ' -> AUTH PLAIN AGFsaWNlAHMzY3JldC1wYXNzd29yZA==',
      '<-  235 2.7.0 Authentication successful',
      ' -> MAIL FROM:<alice@example.org>',
      'send failed via smtp://alice:Sup3rS3cretPw@mail.example.com:587 Error: Invalid greeting. response=421 4.7.0 mx.example.com Error: too many connections from 203.0.113.5',
      '<** 421 4.7.0 mx.example.com Error: too many connections from 203.0.113.5',
    ].join('\n');
    const r = run(['diagnose', '--json', '-'], { stdin: transcript });
    expect(r.out).not.toContain('AGFsaWNlAHMzY3JldC1wYXNzd29yZA');
    expect(r.out).not.toContain('Sup3rS3cretPw');
    expect(r.out).toContain('smtp://alice:');
    const r2 = run(['diagnose', '-'], { stdin: transcript });
    expect(r2.out).not.toContain('AGFsaWNlAHMzY3JldC1wYXNzd29yZA');
    expect(r2.out).not.toContain('Sup3rS3cretPw');
  });
});
