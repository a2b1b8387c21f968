// @vitest-environment node
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeCharsetDecoder } from './intake.ts';
import { runCli, type CliIo } from './main.ts';

const FIX = fileURLToPath(new URL('../testing/fixtures/intake/', import.meta.url));
const fx = (name: string) => join(FIX, name);

function run(argv: string[], stdin = ''): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => { out += `${t}\n`; },
    stderr: (t) => { err += `${t}\n`; },
    readFile: (p) => readFileSync(p),
    readStdin: () => Buffer.from(stdin, 'utf8'),
    env: {},
  };
  return { code: runCli(argv, io), out, err };
}

interface JsonFinding { entry: string; recipient: string | null; reason: string; code: number | null; confidence: number }
interface JsonMessage { file: string; findings: JsonFinding[] }

describe('diagnose --json on bounces', () => {
  it('gives one finding per recipient of a single DSN, in the findings shape', () => {
    const r = run(['diagnose', '--json', fx('postfix-dsn-two-recipients.eml')]);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out) as { findings: JsonFinding[]; messages?: unknown };
    expect(parsed.messages).toBeUndefined();
    expect(parsed.findings.map((f) => [f.recipient, f.entry, f.code])).toEqual([
      ['bob@example.org', 'recipient/smtp-550-user-unknown', 550],
      ['carol@example.net', 'recipient/smtp-552-mailbox-full', 452],
    ]);
    // Today's finding fields are all there, plus recipient.
    expect(Object.keys(parsed.findings[0] ?? {})).toEqual(expect.arrayContaining([
      'entry', 'cause', 'candidates', 'reason', 'code', 'enhanced', 'source', 'confidence', 'line', 'text', 'signature', 'captures', 'facts', 'count', 'matched', 'emitterCheck', 'title', 'recipient',
    ]));
  });

  it('prints one message per mbox entry, numbered, in order', () => {
    const r = run(['diagnose', '--json', fx('three-bounces.mbox')]);
    expect(r.code).toBe(0);
    const { messages } = JSON.parse(r.out) as { messages: JsonMessage[] };
    expect(messages.map((m) => m.file)).toEqual([1, 2, 3].map((n) => `${fx('three-bounces.mbox')}#${n}`));
    expect(messages.map((m) => m.findings[0]?.recipient)).toEqual(['dave@example.org', 'frank@example.org', 'mallory@example.com']);
  });

  it('reads a Maildir (cur/ then new/)', () => {
    const r = run(['diagnose', '--json', fx('maildir')]);
    const { messages } = JSON.parse(r.out) as { messages: JsonMessage[] };
    expect(messages.map((m) => m.file.split(/[\\/]/).slice(-2)[0])).toEqual(['cur', 'new']);
    expect(messages.map((m) => m.findings.map((f) => f.recipient))).toEqual([['bob@example.org', 'carol@example.net'], ['grace@example.com']]);
  });

  it('reads any folder and several paths, in input order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smtp-doctor-intake-'));
    cpSync(fx('qq-gb2312.eml'), join(dir, 'b.eml'));
    cpSync(fx('exim-bounce.eml'), join(dir, 'a.eml'));
    const r = run(['diagnose', '--json', fx('sendmail-bounce.eml'), dir, '-'], '421 4.3.2 The maximum number of concurrent server connections has exceeded a per-source limit, closing transmission channel\n');
    expect(r.code).toBe(0);
    const { messages } = JSON.parse(r.out) as { messages: JsonMessage[] };
    expect(messages.map((m) => m.file)).toEqual([fx('sendmail-bounce.eml'), join(dir, 'a.eml'), join(dir, 'b.eml'), '-']);
    expect(messages.map((m) => m.findings[0]?.recipient)).toEqual(['erin@example.com', 'dave@example.org', 'olivia@qq.com', null]);
    expect(messages[3]?.findings[0]?.entry).toBe('communication/smtp-421-service-not-available');
  });

  it('reads an mbox from standard input', () => {
    const r = run(['diagnose', '--json', '-'], readFileSync(fx('three-bounces.mbox'), 'latin1'));
    const { messages } = JSON.parse(r.out) as { messages: JsonMessage[] };
    expect(messages.map((m) => m.file)).toEqual(['-#1', '-#2', '-#3']);
  });

  it('keeps the plain-text path for one pasted text', () => {
    const r = run(['diagnose', '--json', '-'], '421 4.3.2 The maximum number of concurrent server connections has exceeded a per-source limit, closing transmission channel\n');
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.out) as object)).toEqual(['findings']);
  });

  it('reports an unreadable path among several', () => {
    const r = run(['diagnose', '--json', fx('exim-bounce.eml'), fx('does-not-exist.eml')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('does-not-exist.eml');
  });
});

describe('diagnose (human) on bounces', () => {
  it('lists messages and recipients in English and Chinese', () => {
    const en = run(['diagnose', '--lang', 'en', fx('postfix-dsn-two-recipients.eml'), fx('qq-gb2312.eml')]);
    expect(en.code).toBe(0);
    expect(en.out).toContain('Message 2:');
    expect(en.out).toContain('recipient carol@example.net');
    expect(en.out).toContain('subject: 系统退信');
    expect(en.out).toContain('2 message(s), 3 recipient(s), 3 finding(s).');
    const zh = run(['diagnose', '--lang', 'zh', fx('three-bounces.mbox')]);
    expect(zh.out).toContain('邮件 3：');
    expect(zh.out).toContain('收件人 mallory@example.com');
    expect(zh.out).toContain('共 3 封邮件');
  });

  it('names the problems of a truncated message', () => {
    const r = run(['diagnose', fx('truncated-multipart.eml')]);
    expect(r.out).toContain('missing-final-boundary');
  });
});

describe('nodeCharsetDecoder', () => {
  const d = nodeCharsetDecoder();
  it('reads windows-1252 (and its iso-8859-1 label) as the web does', () => {
    expect(d.decode(Uint8Array.from([0x93, 0x71, 0x94, 0x20, 0x80, 0xe9]), 'windows-1252')).toBe('“q” €é');
    expect(d.decode(Uint8Array.from([0x80]), 'ISO-8859-1')).toBe('€');
  });
  it('reads the Chinese and Japanese charsets and refuses unknown ones', () => {
    expect(d.decode(Uint8Array.from([0xcf, 0xb5, 0xcd, 0xb3]), 'gb2312')).toBe('系统');
    expect(d.decode(Uint8Array.from([0xcf, 0xb5, 0xcd, 0xb3]), 'GB18030')).toBe('系统');
    expect(d.decode(Uint8Array.from([0x1b, 0x24, 0x42, 0x47, 0x5b, 0x3f, 0x2e, 0x1b, 0x28, 0x42]), 'iso-2022-jp')).toBe('配信');
    expect(d.decode(Uint8Array.from([0x41]), 'x-nonsense')).toBeUndefined();
  });
});
