/**
 * Runs a scan off the main thread: `runScan(file, { onProgress, signal })` resolves to the
 * `ScanSummary`. The browser build talks to a module Web Worker; tests (jsdom has no Worker) pass a
 * transport of their own. The binary check reads the first 64 KB here too, so a wrong file is refused
 * before a worker starts.
 */
import type { ScanSummary } from '@/engine/logscan/types.ts';
import { looksBinary } from '@/workers/scan-job.ts';
import type { FromWorker, ScanFailureCode, ScanProgressMessage, ToWorker } from '@/workers/scan-protocol.ts';

/** One scan's channel to whatever does the work. */
export interface ScanTransport {
  post(message: ToWorker): void;
  listen(listener: (message: FromWorker) => void): void;
  /** Ends the channel (terminates the worker). */
  close(): void;
}

export type TransportFactory = () => ScanTransport;

export type ScanErrorCode = ScanFailureCode | 'SCAN_CANCELLED';

export class ScanError extends Error {
  readonly code: ScanErrorCode;
  /** What the worker or the browser said, for the message shown with `SCAN_FAILED`. */
  readonly detail: string;
  constructor(code: ScanErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ScanError';
    this.code = code;
    this.detail = detail ?? '';
  }
}

/** The browser's transport: a module worker built by Vite from src/workers/scan-worker.ts. */
export const workerTransport: TransportFactory = () => {
  const worker = new Worker(new URL('../../workers/scan-worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (message) => worker.postMessage(message),
    listen: (listener) => {
      worker.addEventListener('message', (e: MessageEvent<FromWorker>) => listener(e.data));
      // A worker that fails to load or throws outside the job reports as a failed scan.
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        listener({ type: 'failed', code: 'SCAN_FAILED', detail: e.message });
      });
    },
    close: () => worker.terminate(),
  };
};

export interface RunScanOptions {
  readonly onProgress?: (progress: Omit<ScanProgressMessage, 'type'>) => void;
  readonly signal?: AbortSignal;
  readonly transport?: TransportFactory;
}

/** Rejects with a `ScanError`: `FILE_BINARY`, `SCAN_CANCELLED`, `SCAN_FAILED`, … */
export async function runScan(file: Blob, options: RunScanOptions = {}): Promise<ScanSummary> {
  const { onProgress, signal } = options;
  if (signal?.aborted) throw new ScanError('SCAN_CANCELLED');
  if (await looksBinary(file)) throw new ScanError('FILE_BINARY');
  if (signal?.aborted) throw new ScanError('SCAN_CANCELLED');
  const transport = (options.transport ?? workerTransport)();
  return new Promise<ScanSummary>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: { ok: true; summary: ScanSummary } | { ok: false; error: ScanError }) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      transport.close();
      if (outcome.ok) resolve(outcome.summary);
      else reject(outcome.error);
    };
    function onAbort() {
      // Ask the worker to stop reading, then end it: nothing it sends afterwards is wanted.
      transport.post({ type: 'cancel' });
      finish({ ok: false, error: new ScanError('SCAN_CANCELLED') });
    }
    signal?.addEventListener('abort', onAbort);
    transport.listen((message) => {
      if (settled) return;
      switch (message.type) {
        case 'progress':
          onProgress?.({ bytes: message.bytes, total: message.total, lines: message.lines });
          break;
        case 'done':
          finish({ ok: true, summary: message.summary });
          break;
        case 'failed':
          finish({ ok: false, error: new ScanError(message.code, message.detail) });
          break;
        case 'cancelled':
          finish({ ok: false, error: new ScanError('SCAN_CANCELLED') });
          break;
      }
    });
    const year = file instanceof File && file.lastModified > 0 ? new Date(file.lastModified).getUTCFullYear() : undefined;
    transport.post(year === undefined ? { type: 'start', file } : { type: 'start', file, year });
  });
}
