// @vitest-environment node
/**
 * The benchmark's log generator (scripts/gen-maillog.ts): deterministic for a seed, exactly the
 * number of lines asked for, every line in a shape Postfix or Exim really logs, lazy (constant
 * memory), and the CLI streams the same bytes as the library.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dsnMessage } from '../scripts/bench-lib/dsn.ts';
import { Rng, mailLogChunks, mailLogLines, type MailLogFormat } from '../scripts/bench-lib/maillog.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function text(format: MailLogFormat, lines: number, seed: number): string {
  return [...mailLogChunks(format, lines, seed)].join('');
}

const POSTFIX_LINE = /^Nov [ 1-3]\d \d\d:\d\d:\d\d mx1 postfix\/(smtpd|smtp|cleanup|qmgr|bounce|anvil)\[\d+\]: \S.*$/;
const POSTFIX_DELIVERY = /^.* postfix\/smtp\[\d+\]: ([0-9A-F]{10}): to=<[^@>\s]+@[a-z0-9.-]+>, relay=(none|[a-z0-9.-]+\[[\d.]+\]:25), delay=[\d.]+, delays=[\d./]+, dsn=([245])\.\d\.\d+, status=(sent|deferred|bounced) \((.+)\)$/;
const EXIM_ID = '[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}';
const EXIM_LINE = new RegExp(
  `^2026-11-[0-3]\\d \\d\\d:\\d\\d:\\d\\d (?:${EXIM_ID} (?:<= |=> |== |\\*\\* |Completed$)|Connection from \\[[\\d.]+\\] refused: |H=\\(?[a-z0-9.-]+\\)? \\[[\\d.]+\\]:\\d+ F=<[^>]*> rejected RCPT |TLS error on connection from )`,
);

describe('Rng', () => {
  it('is reproducible and stays in range', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 1000 }, () => a.int(3, 9));
    expect(Array.from({ length: 1000 }, () => b.int(3, 9))).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c.int(3, 9))).not.toEqual(xs);
    expect(Math.min(...xs)).toBe(3);
    expect(Math.max(...xs)).toBe(9);
    for (let i = 0; i < 1000; i++) {
      const f = a.float();
      expect(f >= 0 && f < 1).toBe(true);
    }
  });
});

describe.each(['postfix', 'exim'] as const)('%s log', (format) => {
  it('is the same for the same seed and differs for another', () => {
    const one = text(format, 3000, 7);
    expect(text(format, 3000, 7)).toBe(one);
    expect(text(format, 3000, 8)).not.toBe(one);
    // a shorter run is a prefix of a longer one with the same seed
    expect(one.startsWith(text(format, 1000, 7))).toBe(true);
  });

  it.each([0, 1, 2, 6, 7, 999, 20_000])('writes exactly %i lines, each ending in a newline', (n) => {
    const out = text(format, n, 1);
    expect(out.split('\n').length - 1).toBe(n);
    if (n > 0) expect(out.endsWith('\n')).toBe(true);
    else expect(out).toBe('');
  });

  it('yields chunks of bounded size made of whole lines', () => {
    const chunks = [...mailLogChunks(format, 5000, 3, 4096)];
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) {
      expect(c.endsWith('\n')).toBe(true);
      expect(c.length).toBeLessThan(4096 + 2000);
    }
  });

  it('is lazy: the first chunk of a billion-line log comes at once', () => {
    const t0 = performance.now();
    const it = mailLogChunks(format, 1_000_000_000, 1);
    const first = it.next();
    expect(first.done).toBe(false);
    expect(performance.now() - t0).toBeLessThan(2000);
    it.return(undefined);
  });

  it('has the size of a real log: about 120-160 bytes a line', () => {
    const out = text(format, 20_000, 1);
    const perLine = Buffer.byteLength(out) / 20_000;
    expect(perLine).toBeGreaterThan(100);
    expect(perLine).toBeLessThan(170);
    expect(/^[\x20-\x7e\n]*$/.test(out)).toBe(true);
  });
});

describe('postfix lines', () => {
  const lines = [...mailLogLines('postfix', 50_000, 1)];

  it('all have the syslog shape of a Postfix daemon', () => {
    const bad = lines.filter((l) => !POSTFIX_LINE.test(l));
    expect(bad).toEqual([]);
  });

  it('log deliveries whose DSN class agrees with the status, with a few per cent failures', () => {
    const deliveries = lines.filter((l) => l.includes('postfix/smtp[') && l.includes(' to=<'));
    expect(deliveries.length).toBeGreaterThan(5000);
    const byStatus: Record<string, number> = { sent: 0, deferred: 0, bounced: 0 };
    for (const l of deliveries) {
      const m = POSTFIX_DELIVERY.exec(l);
      expect(m, l).not.toBeNull();
      const [, , , dsnClass, status] = m ?? [];
      expect({ sent: '2', deferred: '4', bounced: '5' }[status ?? '']).toBe(dsnClass);
      byStatus[status ?? ''] = (byStatus[status ?? ''] ?? 0) + 1;
    }
    const failed = ((byStatus.deferred ?? 0) + (byStatus.bounced ?? 0)) / deliveries.length;
    expect(failed).toBeGreaterThan(0.03);
    expect(failed).toBeLessThan(0.15);
    expect(byStatus.bounced).toBeGreaterThan(0);
  });

  it('follow each queue id from client= to removed (never removed while still deferred)', () => {
    const state = new Map<string, string>();
    for (const l of lines) {
      const m = /: ([0-9A-F]{10}): (client=|message-id=|from=|to=.*status=(\w+)|removed|sender non-delivery)/.exec(l);
      if (!m?.[1]) continue;
      const [, qid, what, status] = m;
      if (what === 'client=') {
        expect(state.has(qid)).toBe(false);
        state.set(qid, 'received');
      } else {
        expect(state.has(qid), l).toBe(true);
        if (status) state.set(qid, status);
        if (what === 'removed') expect(state.get(qid)).not.toBe('deferred');
      }
    }
  });

  it('contain the things a troubleshooter looks for', () => {
    const all = lines.join('\n');
    for (const needle of ['NOQUEUE: reject: RCPT', 'Connection concurrency limit exceeded', 'Connection rate limit exceeded', 'Connection timed out', 'status=deferred', 'status=bounced', '421-4.7.28', '5.7.26', 'blocked using zen.spamhaus.org', 'Host or domain name not found']) {
      expect(all, needle).toContain(needle);
    }
  });
});

describe('exim lines', () => {
  const lines = [...mailLogLines('exim', 50_000, 1)];

  it('all have the mainlog shape', () => {
    const bad = lines.filter((l) => !EXIM_LINE.test(l));
    expect(bad).toEqual([]);
  });

  it('log a message id on <= before any delivery line, and ** / == carry an SMTP error or a defer reason', () => {
    const seen = new Set<string>();
    let bounced = 0;
    let deferred = 0;
    for (const l of lines) {
      const m = new RegExp(`^\\S+ \\S+ (${EXIM_ID}) (<=|=>|==|\\*\\*|Completed)`).exec(l);
      if (!m?.[1]) continue;
      const [, id, sym] = m;
      if (sym === '<=') seen.add(id);
      else expect(seen.has(id), l).toBe(true);
      if (sym === '**') {
        bounced++;
        expect(l).toMatch(/: SMTP error from remote mail server after [^:]+(:<[^>]+>)?: 5\d\d[ -]5\.\d\.\d+ /);
      }
      if (sym === '==') {
        deferred++;
        expect(l).toMatch(/ defer \((-44|110)\) H=\S+ \[[\d.]+\]: /);
      }
    }
    expect(bounced).toBeGreaterThan(50);
    expect(deferred).toBeGreaterThan(50);
  });
});

describe('gen-maillog CLI', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/gen-maillog.ts'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

  it('streams the same bytes as the library, for both formats', () => {
    const exim = run(['--format', 'exim', '--lines', '4000', '--seed', '9']);
    expect(exim.status).toBe(0);
    expect(exim.stdout).toBe(text('exim', 4000, 9));
    const postfix = run(['--lines', '4000']);
    expect(postfix.status).toBe(0);
    expect(postfix.stdout).toBe(text('postfix', 4000, 1));
  });

  it('refuses bad flags with exit 2', () => {
    for (const args of [['--format', 'sendmail'], ['--lines', '-3'], ['--lines', 'ten'], ['--seed', '1.5'], ['--bogus']]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/usage: gen-maillog/);
      expect(r.stdout).toBe('');
    }
  });
});

describe('generated DSNs', () => {
  it('are RFC 3464 reports with a failed Status per recipient, and reproducible', () => {
    const msg = dsnMessage(1, 5);
    expect(dsnMessage(1, 5)).toBe(msg);
    expect(msg).toMatch(/^Content-Type: multipart\/report; report-type=delivery-status;$/m);
    expect(msg).toMatch(/^Content-Type: message\/delivery-status$/m);
    const statuses = [...msg.matchAll(/^Status: (\d\.\d\.\d+)$/gm)].map((m) => m[1]);
    const finals = [...msg.matchAll(/^Final-Recipient: rfc822; \S+@\S+$/gm)];
    expect(statuses.length).toBeGreaterThan(0);
    expect(finals.length).toBe(statuses.length);
    for (const s of statuses) expect(s?.startsWith('5.')).toBe(true);
  });
});
