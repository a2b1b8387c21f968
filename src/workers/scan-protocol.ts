/**
 * Messages between the log analyzer page and its Web Worker (`scan-worker.ts`). Plain data only: a
 * `Blob` (or `File`) goes in, counts and the final `ScanSummary` come out; the knowledge base never
 * crosses `postMessage` (the worker imports its own copy of the index).
 */
import type { ScanSummary } from '@/engine/logscan/types.ts';

export type ToWorker =
  | { readonly type: 'start'; readonly file: Blob; readonly year?: number }
  | { readonly type: 'cancel' };

/** Why a scan did not produce a summary. */
export type ScanFailureCode = 'FILE_BINARY' | 'FILE_UNREADABLE' | 'KB_UNAVAILABLE' | 'SCAN_FAILED';

export interface ScanProgressMessage {
  readonly type: 'progress';
  readonly bytes: number;
  readonly total: number;
  readonly lines: number;
}

export type FromWorker =
  | ScanProgressMessage
  | { readonly type: 'done'; readonly summary: ScanSummary; readonly bytes: number }
  | { readonly type: 'failed'; readonly code: ScanFailureCode; readonly detail?: string }
  | { readonly type: 'cancelled' };
