// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { LogScanner } from '@/engine/logscan/types.ts';
import { SCAN_SUMMARY } from '@/testing/fixtures/scan-summary.ts';
import type { FromWorker } from './scan-protocol.ts';
import { hasNulByte, runScanJob } from './scan-job.ts';

/** Records what the job feeds it; the summary it returns only carries the text it saw. */
function recordingScanner() {
  const chunks: string[] = [];
  let ended = false;
  const scanner: LogScanner = {
    push: (chunk) => void chunks.push(chunk),
    progress: () => ({ lines: chunks.join('').split('\n').length - 1, chars: chunks.join('').length }),
    end: () => {
      ended = true;
      // The UI tests' fixture with the counts of what this scanner saw.
      const text = chunks.join('');
      return { ...SCAN_SUMMARY, lines: text.split('\n').length - 1, chars: text.length };
    },
  };
  return { scanner, chunks, ended: () => ended };
}

function collect() {
  const messages: FromWorker[] = [];
  return { messages, post: (m: FromWorker) => void messages.push(m) };
}

describe('runScanJob', () => {
  it('feeds the whole file in slices, keeping characters split across slices intact', async () => {
    const text = '邮件 deferred 421 4.7.0 ✓\n'.repeat(50);
    const blob = new Blob([text]);
    const rec = recordingScanner();
    const { messages, post } = collect();
    let clock = 0;
    await runScanJob({ blob, scanner: () => rec.scanner, post, cancelled: () => false, now: () => (clock += 10), sliceBytes: 7, progressIntervalMs: 100 });
    expect(rec.chunks.join('')).toBe(text);
    expect(rec.chunks.length).toBeGreaterThan(100);
    expect(rec.ended()).toBe(true);
    const done = messages.at(-1);
    expect(done?.type).toBe('done');
    const progress = messages.filter((m) => m.type === 'progress');
    // Throttled: one slice in ten reports (10 ms per slice, 100 ms between reports), plus start and end.
    expect(progress.length).toBeLessThan(rec.chunks.length / 5);
    expect(progress.at(-1)).toEqual({ type: 'progress', bytes: blob.size, total: blob.size, lines: 50 });
  });

  it('refuses a file with NUL bytes before creating a scanner', async () => {
    const blob = new Blob([new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00])]);
    const { messages, post } = collect();
    let created = false;
    await runScanJob({ blob, scanner: () => ((created = true), recordingScanner().scanner), post, cancelled: () => false, now: () => 0 });
    expect(messages).toEqual([{ type: 'failed', code: 'FILE_BINARY' }]);
    expect(created).toBe(false);
  });

  it('stops reading when cancelled', async () => {
    const blob = new Blob(['a line\n'.repeat(1000)]);
    const rec = recordingScanner();
    const { messages, post } = collect();
    await runScanJob({ blob, scanner: () => rec.scanner, post, cancelled: () => rec.chunks.length >= 3, now: () => 0, sliceBytes: 100 });
    expect(rec.chunks).toHaveLength(3);
    expect(rec.ended()).toBe(false);
    expect(messages.at(-1)).toEqual({ type: 'cancelled' });
  });

  it('detects NUL bytes', () => {
    expect(hasNulByte(new TextEncoder().encode('Mar  3 10:12:01 mx1 postfix/smtpd[2211]: connect'))).toBe(false);
    expect(hasNulByte(new Uint8Array([0x41, 0x00, 0x42, 0x00]))).toBe(true);
  });
});
