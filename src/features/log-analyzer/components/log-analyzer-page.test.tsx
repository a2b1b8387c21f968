// @vitest-environment jsdom
/**
 * The analyzer page inside the whole app, with a hand-driven transport in place of the Web Worker
 * (jsdom has none) and a hand-made summary (src/testing/fixtures/scan-summary.ts).
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/app/app.tsx';
import { createAppContext } from '@/app/create-app.ts';
import { detectLanguage } from '@/app/detect-language.ts';
import type { FromWorker, ToWorker } from '@/workers/scan-protocol.ts';
import { SCAN_SUMMARY } from '@/testing/fixtures/scan-summary.ts';
import { FIXTURE_TEXT, POSTFIX_LOG_LINE } from '@/testing/fixtures/test-kb.ts';
import { testKbResult } from '@/testing/fixtures/test-kb.ts';
import { preloadLazyChunks, resetBrowser } from '@/testing/render-with-providers.tsx';
import type { TransportFactory } from '../scan-client.ts';
import { ScanTransportContext } from '../use-scan.ts';

// jsdom has no canvas: the chart module is replaced; its table alternative is what the tests read.
vi.mock('./timeline-chart.tsx', () => ({ default: () => <div data-testid="timeline-chart" /> }));

function manualWorker() {
  const posted: ToWorker[] = [];
  let listener: ((m: FromWorker) => void) | undefined;
  let closed = 0;
  const factory: TransportFactory = () => ({ post: (m) => void posted.push(m), listen: (l) => void (listener = l), close: () => void (closed += 1) });
  return {
    factory,
    posted,
    send: (m: FromWorker) => act(() => listener?.(m)),
    closed: () => closed,
  };
}

function renderAnalyzer(languages: readonly string[] = ['en-US']) {
  window.history.replaceState(null, '', '/#/logs');
  const worker = manualWorker();
  const user = userEvent.setup();
  const context = createAppContext({ kb: testKbResult(), initialLang: detectLanguage(languages), storage: null, hash: window.location.hash });
  render(
    <ScanTransportContext.Provider value={worker.factory}>
      <App context={context} />
    </ScanTransportContext.Provider>,
  );
  return { user, worker, context };
}

const logFile = () => new File([`${POSTFIX_LOG_LINE}\n`.repeat(100)], 'mail.log', { type: 'text/plain' });

async function chooseFile(user: ReturnType<typeof userEvent.setup>, file: File, label = 'Choose a log file') {
  await user.upload(await screen.findByLabelText(label), file);
}

async function finishScan(user: ReturnType<typeof userEvent.setup>, worker: ReturnType<typeof manualWorker>) {
  const file = logFile();
  await chooseFile(user, file);
  await waitFor(() => expect(worker.posted).toHaveLength(1));
  worker.send({ type: 'done', summary: SCAN_SUMMARY, bytes: file.size });
  return screen.findByRole('heading', { name: 'Problems by diagnosis' });
}

beforeAll(async () => {
  await preloadLazyChunks();
  await import('./log-analyzer-page.tsx');
});
beforeEach(resetBrowser);

describe('log analyzer page', () => {
  it('opens from the header and offers a keyboard-usable file chooser', async () => {
    const user = userEvent.setup();
    const context = createAppContext({ kb: testKbResult(), initialLang: 'en', storage: null, hash: '' });
    render(<App context={context} />);
    await user.click(screen.getByRole('link', { name: 'Analyse a mail log' }));
    expect(await screen.findByRole('heading', { name: 'Analyse a whole mail log' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/logs');
    expect(screen.getByRole('link', { name: 'Analyse a mail log' })).toHaveAttribute('aria-current', 'page');
    // The chooser is a native file input, reached with Tab.
    const input = screen.getByLabelText('Choose a log file');
    for (let i = 0; i < 6 && document.activeElement !== input; i += 1) await user.tab();
    expect(input).toHaveFocus();
  });

  it('renders in Chinese', async () => {
    renderAnalyzer(['zh-CN']);
    expect(await screen.findByRole('heading', { name: '分析整份邮件日志' })).toBeInTheDocument();
    expect(screen.getByLabelText('选择日志文件')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '浏览全部错误' })).toBeInTheDocument();
  });

  it('streams a chosen file with progress, and Cancel stops it', async () => {
    const { user, worker } = renderAnalyzer();
    const file = logFile();
    await chooseFile(user, file);
    await waitFor(() => expect(worker.posted[0]).toMatchObject({ type: 'start', file }));
    worker.send({ type: 'progress', bytes: Math.floor(file.size / 2), total: file.size, lines: 50 });
    const bar = screen.getByRole('progressbar', { name: 'Reading mail.log' });
    expect(bar).toHaveAttribute('value', String(Math.floor(file.size / 2)));
    expect(screen.getByText('50 lines')).toBeInTheDocument();
    expect(screen.getByLabelText('Choose a log file')).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(worker.posted.at(-1)).toEqual({ type: 'cancel' });
    expect(worker.closed()).toBe(1);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByText('The analysis was cancelled. Nothing was kept.')).toBeInTheDocument();
    expect(screen.getByLabelText('Choose a log file')).toHaveFocus();
    // A late message from the ended worker changes nothing.
    worker.send({ type: 'done', summary: SCAN_SUMMARY, bytes: file.size });
    expect(screen.queryByRole('heading', { name: 'Problems by diagnosis' })).not.toBeInTheDocument();
  });

  it('shows the summary: totals, outcomes, the chart and its table, groups, hosts and deferred messages', async () => {
    const { user, worker } = renderAnalyzer();
    await finishScan(user, worker);
    expect(screen.getByText('1,200')).toBeInTheDocument();
    const outcomes = screen.getByRole('list', { name: 'Outcomes' });
    expect(within(outcomes).getByText('900')).toBeInTheDocument();
    expect(within(outcomes).getByText('Rejected')).toBeInTheDocument();
    expect(await screen.findByTestId('timeline-chart')).toBeInTheDocument();
    await user.click(screen.getByText('Show the figures as a table'));
    const table = screen.getByRole('table', { name: 'Outcomes per 60 minutes (UTC)' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByText('320')).toBeInTheDocument();

    const groups = screen.getByRole('table', { name: 'Problems by diagnosis' });
    // Each group: a row of figures, then a row of its sample lines.
    const rows = within(groups).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    expect(within(rows[0]!).getByText(FIXTURE_TEXT.countCause.en)).toBeInTheDocument();
    expect(within(rows[0]!).getByText('51')).toBeInTheDocument();
    expect(rows[1]!.querySelector('code')?.textContent).toBe(POSTFIX_LOG_LINE);
    expect(within(rows[1]!).getByText('203.0.113.5: 51')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('several causes')).toBeInTheDocument();
    expect(within(rows[2]!).getByText(FIXTURE_TEXT.remoteCause.en)).toBeInTheDocument();

    expect(within(screen.getByRole('list', { name: 'Remote hosts' })).getByText('mx.example.net: 7')).toBeInTheDocument();
    const deferred = screen.getByRole('table', { name: 'Messages still deferred' });
    expect(within(deferred).getByText('4F1A2B3C4D')).toBeInTheDocument();
    expect(within(deferred).getByText('Mar 8, 2026, 11:00:00 AM')).toBeInTheDocument();
  });

  it('shows the summary in Chinese', async () => {
    const { user, worker } = renderAnalyzer(['zh-CN']);
    const file = logFile();
    await chooseFile(user, file, '选择日志文件');
    await waitFor(() => expect(worker.posted).toHaveLength(1));
    worker.send({ type: 'done', summary: SCAN_SUMMARY, bytes: file.size });
    expect(await screen.findByRole('heading', { name: '按诊断归类的问题' })).toBeInTheDocument();
    expect(screen.getByText(FIXTURE_TEXT.countCause.zh)).toBeInTheDocument();
    expect(screen.getByText('多种可能原因')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^诊断此问题/ })).toHaveLength(2);
  });

  it('"Diagnose this" opens the wizard on the entry with the group\'s facts, asking no role again', async () => {
    const { user, worker, context } = renderAnalyzer();
    await finishScan(user, worker);
    const groups = screen.getByRole('table', { name: 'Problems by diagnosis' });
    await user.click(within(groups).getAllByRole('button', { name: /^Diagnose this/ })[0]!);
    expect(await screen.findByRole('heading', { name: 'Which mail server do you run?' })).toBeInTheDocument();
    expect(window.location.hash).not.toBe('#/logs');
    expect(screen.queryByRole('radio', { name: 'My application sends the mail' })).not.toBeInTheDocument();
    expect(screen.getByText('from your paste')).toBeInTheDocument();
    expect(context.store.getState().entryId).toBe('test/smtp-421-fixture');
    await user.selectOptions(screen.getByLabelText('Version'), '3.7');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    // The emitter and the Postfix log question were settled by the group: straight to the cause.
    expect(await screen.findByRole('heading', { name: FIXTURE_TEXT.countCause.en })).toBeInTheDocument();

    // Back to the analyzer: the summary is still there, no second scan.
    await user.click(screen.getByRole('link', { name: 'Analyse a mail log' }));
    expect(await screen.findByRole('heading', { name: 'Problems by diagnosis' })).toBeInTheDocument();
    expect(worker.posted).toHaveLength(1);
  });

  it('starts a scan for a file dropped on the drop zone', async () => {
    const { worker } = renderAnalyzer();
    const zone = (await screen.findByText('Drop a log file here')).parentElement!;
    const file = logFile();
    fireEvent.dragOver(zone, { dataTransfer: { files: [file] } });
    fireEvent.drop(zone, { dataTransfer: { files: [file] } });
    await waitFor(() => expect(worker.posted[0]).toMatchObject({ type: 'start', file }));
  });

  it('refuses a binary file with a clear message', async () => {
    const { user, worker } = renderAnalyzer();
    await chooseFile(user, new File([new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00])], 'mail.log.gz'));
    expect(await screen.findByRole('alert')).toHaveTextContent('“mail.log.gz” is not a text log');
    expect(worker.posted).toHaveLength(0);
  });

  it('reports a scan that failed in the worker', async () => {
    const { user, worker } = renderAnalyzer();
    await chooseFile(user, logFile());
    await waitFor(() => expect(worker.posted).toHaveLength(1));
    worker.send({ type: 'failed', code: 'SCAN_FAILED', detail: 'out of memory' });
    expect(await screen.findByRole('alert')).toHaveTextContent('The analysis stopped because of an error: out of memory');
    expect(screen.getByLabelText('Choose a log file')).toBeEnabled();
  });
});
