/**
 * The log analyzer's Web Worker: a thin shell around `runScanJob` (scan-job.ts). It imports the
 * knowledge-base index itself, so only the file goes in and only counts and the summary come out.
 * One scan per worker; the page ends the worker when the scan is over.
 */
import { KB } from 'virtual:kb-index';
import { createScanner } from '@/engine/logscan/scanner.ts';
import { runScanJob } from './scan-job.ts';
import type { FromWorker, ToWorker } from './scan-protocol.ts';

let cancelled = false;
let started = false;

const post = (message: FromWorker): void => {
  globalThis.postMessage(message);
};

globalThis.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'cancel') {
    cancelled = true;
    return;
  }
  if (started) return;
  started = true;
  if (!KB.ok) {
    post({ type: 'failed', code: 'KB_UNAVAILABLE', detail: KB.errors.join('\n') });
    return;
  }
  const index = KB.index;
  const year = message.year;
  runScanJob({
    blob: message.file,
    scanner: () => createScanner(index, year === undefined ? {} : { year }),
    post,
    cancelled: () => cancelled,
    now: () => performance.now(),
  }).catch((err: unknown) => {
    post({ type: 'failed', code: err instanceof DOMException && err.name === 'NotReadableError' ? 'FILE_UNREADABLE' : 'SCAN_FAILED', detail: err instanceof Error ? err.message : String(err) });
  });
});
