/**
 * The worker's loop, free of worker globals so it can be tested directly: reads a Blob in slices,
 * decodes it as a stream of UTF-8, feeds the scanner and reports progress at most every
 * `progressIntervalMs`. No DOM: a Blob, a TextDecoder and a clock are all it uses.
 */
import type { LogScanner } from '@/engine/logscan/types.ts';
import type { FromWorker } from './scan-protocol.ts';

/** How much of the start of a file is checked for NUL bytes. */
export const BINARY_PROBE_BYTES = 64 * 1024;
/** Bytes read per slice: large enough to amortise the async read, small enough to cancel quickly. */
export const SLICE_BYTES = 2 * 1024 * 1024;

/** A text log has no NUL byte; a compressed, image or UTF-16 file has them early. */
export function hasNulByte(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) !== -1;
}

/** Whether the start of the blob shows it is not a text log. */
export async function looksBinary(blob: Blob): Promise<boolean> {
  const head = await blob.slice(0, BINARY_PROBE_BYTES).arrayBuffer();
  return hasNulByte(new Uint8Array(head));
}

export interface ScanJobOptions {
  readonly blob: Blob;
  /** Builds the scanner once the file passed the binary check. */
  readonly scanner: () => LogScanner;
  readonly post: (message: FromWorker) => void;
  readonly cancelled: () => boolean;
  readonly now: () => number;
  readonly sliceBytes?: number;
  readonly progressIntervalMs?: number;
}

export async function runScanJob(options: ScanJobOptions): Promise<void> {
  const { blob, post, cancelled, now } = options;
  const sliceBytes = options.sliceBytes ?? SLICE_BYTES;
  const interval = options.progressIntervalMs ?? 100;
  const total = blob.size;
  if (await looksBinary(blob)) {
    post({ type: 'failed', code: 'FILE_BINARY' });
    return;
  }
  const scanner = options.scanner();
  const decoder = new TextDecoder('utf-8');
  let done = 0;
  let lastReport = -Infinity;
  post({ type: 'progress', bytes: 0, total, lines: 0 });
  while (done < total) {
    if (cancelled()) {
      post({ type: 'cancelled' });
      return;
    }
    const end = Math.min(total, done + sliceBytes);
    const buffer = await blob.slice(done, end).arrayBuffer();
    // A multi-byte character cut by the slice boundary is kept by the decoder for the next slice.
    scanner.push(decoder.decode(buffer, { stream: true }));
    done = end;
    const t = now();
    if (t - lastReport >= interval) {
      lastReport = t;
      post({ type: 'progress', bytes: done, total, lines: scanner.progress().lines });
    }
  }
  if (cancelled()) {
    post({ type: 'cancelled' });
    return;
  }
  const rest = decoder.decode();
  if (rest !== '') scanner.push(rest);
  const summary = scanner.end();
  post({ type: 'progress', bytes: total, total, lines: summary.lines });
  post({ type: 'done', summary, bytes: total });
}
