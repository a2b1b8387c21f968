// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { FromWorker, ToWorker } from '@/workers/scan-protocol.ts';
import { SCAN_SUMMARY } from '@/testing/fixtures/scan-summary.ts';
import { runScan, ScanError, type TransportFactory } from './scan-client.ts';

/** A transport the test drives by hand, standing in for the worker. */
function manualTransport() {
  const posted: ToWorker[] = [];
  let listener: ((m: FromWorker) => void) | undefined;
  let closed = 0;
  let opened = 0;
  const factory: TransportFactory = () => {
    opened += 1;
    return { post: (m) => void posted.push(m), listen: (l) => void (listener = l), close: () => void (closed += 1) };
  };
  return {
    factory,
    posted,
    send: (m: FromWorker) => listener?.(m),
    opened: () => opened,
    closed: () => closed,
  };
}

const logFile = () => new File(['Mar  3 10:12:01 mx1 postfix/smtpd[2211]: connect from unknown[203.0.113.5]\n'], 'mail.log', { lastModified: Date.UTC(2026, 2, 3) });

describe('runScan', () => {
  it('sends the file, reports progress and resolves with the summary', async () => {
    const t = manualTransport();
    const onProgress = vi.fn();
    const file = logFile();
    const result = runScan(file, { transport: t.factory, onProgress });
    await vi.waitFor(() => expect(t.posted).toHaveLength(1));
    expect(t.posted[0]).toEqual({ type: 'start', file, year: 2026 });
    t.send({ type: 'progress', bytes: 10, total: file.size, lines: 1 });
    expect(onProgress).toHaveBeenCalledWith({ bytes: 10, total: file.size, lines: 1 });
    t.send({ type: 'done', summary: SCAN_SUMMARY, bytes: file.size });
    await expect(result).resolves.toBe(SCAN_SUMMARY);
    expect(t.closed()).toBe(1);
  });

  it('cancels: asks the worker to stop, ends it and rejects', async () => {
    const t = manualTransport();
    const controller = new AbortController();
    const result = runScan(logFile(), { transport: t.factory, signal: controller.signal });
    await vi.waitFor(() => expect(t.posted).toHaveLength(1));
    controller.abort();
    await expect(result).rejects.toMatchObject({ code: 'SCAN_CANCELLED' });
    expect(t.posted.at(-1)).toEqual({ type: 'cancel' });
    expect(t.closed()).toBe(1);
  });

  it('refuses a binary file without starting a worker', async () => {
    const t = manualTransport();
    const gz = new File([new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00])], 'mail.log.gz');
    const err: unknown = await runScan(gz, { transport: t.factory }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScanError);
    expect(err).toMatchObject({ code: 'FILE_BINARY' });
    expect(t.opened()).toBe(0);
  });

  it('passes on what the worker could not do', async () => {
    const t = manualTransport();
    const result = runScan(logFile(), { transport: t.factory });
    await vi.waitFor(() => expect(t.posted).toHaveLength(1));
    t.send({ type: 'failed', code: 'KB_UNAVAILABLE' });
    await expect(result).rejects.toMatchObject({ code: 'KB_UNAVAILABLE' });
  });
});
