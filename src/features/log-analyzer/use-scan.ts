import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ScanSummary } from '@/engine/logscan/types.ts';
import { runScan, ScanError, workerTransport, type ScanErrorCode, type TransportFactory } from './scan-client.ts';

/** Which transport scans use: the Web Worker, or a test's own. */
export const ScanTransportContext = createContext<TransportFactory>(workerTransport);

/** A finished scan: what the page shows, and what the shell keeps while the user is in the wizard. */
export interface FinishedScan {
  readonly kind: 'done';
  readonly name: string;
  readonly summary: ScanSummary;
  readonly ms: number;
}

export type ScanState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'scanning'; readonly name: string; readonly bytes: number; readonly total: number; readonly lines: number; readonly startedAt: number; readonly now: number }
  | FinishedScan
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly name: string; readonly code: Exclude<ScanErrorCode, 'SCAN_CANCELLED'>; readonly detail: string };

/**
 * One scan at a time: starting another cancels the one running; leaving the page cancels too.
 * `initial` is a scan finished earlier (kept by the shell), shown again on return.
 */
export function useScan(initial: FinishedScan | null): { state: ScanState; start: (file: File) => void; cancel: () => void } {
  const transport = useContext(ScanTransportContext);
  const [state, setState] = useState<ScanState>(initial ?? { kind: 'idle' });
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(
    (file: File) => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      const startedAt = performance.now();
      setState({ kind: 'scanning', name: file.name, bytes: 0, total: file.size, lines: 0, startedAt, now: startedAt });
      runScan(file, {
        transport,
        signal: controller.signal,
        onProgress: (p) => {
          if (running.current !== controller) return;
          setState({ kind: 'scanning', name: file.name, bytes: p.bytes, total: p.total, lines: p.lines, startedAt, now: performance.now() });
        },
      }).then(
        (summary) => {
          if (running.current !== controller) return;
          running.current = null;
          setState({ kind: 'done', name: file.name, summary, ms: performance.now() - startedAt });
        },
        (err: unknown) => {
          if (running.current !== controller) return;
          running.current = null;
          const code = err instanceof ScanError ? err.code : 'SCAN_FAILED';
          if (code === 'SCAN_CANCELLED') setState({ kind: 'cancelled' });
          else setState({ kind: 'failed', name: file.name, code, detail: err instanceof ScanError ? err.detail : err instanceof Error ? err.message : String(err) });
        },
      );
    },
    [transport],
  );

  const cancel = useCallback(() => {
    const controller = running.current;
    if (!controller) return;
    running.current = null;
    controller.abort();
    setState({ kind: 'cancelled' });
  }, []);

  return { state, start, cancel };
}
