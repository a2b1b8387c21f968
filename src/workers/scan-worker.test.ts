// @vitest-environment node
/**
 * The worker entry with its globals stubbed (no Worker in tests): a start message runs the real
 * scanner over the file on the fixture knowledge base and posts progress, then the summary.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { POSTFIX_LOG_LINE } from '@/testing/fixtures/test-kb.ts';
import type { FromWorker, ToWorker } from './scan-protocol.ts';

vi.mock('virtual:kb-index', async () => {
  const kb = await import('@/testing/fixtures/test-kb.ts');
  const summary = await import('@/engine/kb/summary.ts');
  return { KB: { ok: true, index: summary.summarizeKb(kb.testKb()) }, ENTRY_LOADERS: {} };
});

async function loadWorker() {
  vi.resetModules();
  const posted: FromWorker[] = [];
  let onMessage: ((e: { data: ToWorker }) => void) | undefined;
  vi.stubGlobal('postMessage', (m: FromWorker) => posted.push(m));
  vi.stubGlobal('addEventListener', (type: string, listener: (e: { data: ToWorker }) => void) => {
    if (type === 'message') onMessage = listener;
  });
  await import('./scan-worker.ts');
  return { posted, send: (data: ToWorker) => onMessage?.({ data }) };
}

afterEach(() => vi.unstubAllGlobals());

describe('scan worker', () => {
  it('scans the file it is sent and posts the summary', async () => {
    const worker = await loadWorker();
    worker.send({ type: 'start', file: new Blob([`${POSTFIX_LOG_LINE}\n`.repeat(20)]), year: 2026 });
    await vi.waitFor(() => expect(worker.posted.at(-1)?.type).toBe('done'));
    const done = worker.posted.at(-1);
    expect(worker.posted[0]).toMatchObject({ type: 'progress', bytes: 0 });
    if (done?.type !== 'done') throw new Error('no summary');
    expect(done.summary.lines).toBe(20);
    expect(done.summary.groups[0]).toMatchObject({ entry: 'test/smtp-421-fixture', cause: 'fx-count', count: 20 });
  });

  it('refuses binary data', async () => {
    const worker = await loadWorker();
    worker.send({ type: 'start', file: new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])]) });
    await vi.waitFor(() => expect(worker.posted).toEqual([{ type: 'failed', code: 'FILE_BINARY' }]));
  });
});
