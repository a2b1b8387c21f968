/**
 * Write a synthetic, realistically shaped MTA log to stdout, for benchmarks and manual testing.
 *
 *   npx tsx scripts/gen-maillog.ts [--format postfix|exim] [--lines N] [--seed S] > mail.log
 *
 * Deterministic for a given format, line count and seed. Streams with backpressure: only one ~64 KB
 * chunk is in memory at a time, so `--lines 9000000` (≈ 1 GB) runs in constant memory.
 */
import { parseArgs } from 'node:util';
import { MAIL_LOG_FORMATS, mailLogChunks, type MailLogFormat } from './bench-lib/maillog.ts';

const USAGE = 'usage: gen-maillog.ts [--format postfix|exim] [--lines N] [--seed S] > mail.log';

function parseCount(name: string, raw: string, min: number): number {
  if (!/^\d+$/.test(raw)) throw new Error(`--${name} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`--${name} must be at least ${min}, got ${raw}`);
  return n;
}

function isFormat(value: string): value is MailLogFormat {
  return (MAIL_LOG_FORMATS as readonly string[]).includes(value);
}

async function main(): Promise<number> {
  let format: MailLogFormat;
  let lines: number;
  let seed: number;
  try {
    const { values } = parseArgs({
      options: {
        format: { type: 'string', default: 'postfix' },
        lines: { type: 'string', default: '100000' },
        seed: { type: 'string', default: '1' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (!isFormat(values.format)) throw new Error(`--format must be postfix or exim, got "${values.format}"`);
    format = values.format;
    lines = parseCount('lines', values.lines, 0);
    seed = parseCount('seed', values.seed, 0);
    if (seed > 0xffffffff) throw new Error('--seed must fit in 32 bits');
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }

  const out = process.stdout;
  let closed = false;
  out.on('error', (err: NodeJS.ErrnoException) => {
    // `gen-maillog | head` closes the pipe early: stop quietly.
    if (err.code === 'EPIPE') closed = true;
    else {
      process.stderr.write(`gen-maillog: ${err.message}\n`);
      process.exit(1);
    }
  });
  for (const chunk of mailLogChunks(format, lines, seed)) {
    if (closed) break;
    if (!out.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          out.off('drain', done);
          out.off('close', done);
          out.off('error', done);
          resolve();
        };
        out.on('drain', done);
        out.on('close', done);
        out.on('error', done);
      });
    }
  }
  return 0;
}

process.exitCode = await main();
