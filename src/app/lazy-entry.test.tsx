// @vitest-environment jsdom
/**
 * The browser build loads each knowledge-base entry from its own chunk when the user opens it. These
 * tests drive the app over a lazy source whose loads the test controls: what the user sees while an
 * entry loads, when its chunk fails (offline before it was cached), and after "Try again".
 */
import { act, screen } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Entry } from '@/engine/index.ts';
import { summarizeKb } from '@/engine/kb/summary.ts';
import { browseHash } from '@/features/browse/route.ts';
import { lazyKbSource, type EntryLoaders } from '@/store/kb-source.ts';
import { TEST_ENTRY_ID, testKb } from '@/testing/fixtures/test-kb.ts';
import { preloadLazyChunks, renderApp, resetBrowser } from '@/testing/render-with-providers.tsx';

// The wizard prefetches the diagnosis chunk once a step past the paste is shown; load it up front so
// that no import is still running when a test's environment is torn down.
beforeAll(preloadLazyChunks);
beforeEach(resetBrowser);

interface Gate {
  readonly loaders: EntryLoaders;
  /** How many times the entry's chunk was requested. */
  readonly calls: () => number;
  readonly resolve: () => void;
  readonly reject: (message: string) => void;
}

/** Loaders whose single pending load the test settles; each call makes a new pending load. */
function gatedLoaders(): Gate {
  const kb = testKb();
  let calls = 0;
  let settle: { resolve: (m: { default: Entry }) => void; reject: (e: Error) => void } | undefined;
  const loaders: Record<string, () => Promise<{ default: Entry }>> = {};
  for (const e of kb.entries) {
    loaders[e.id] = () => {
      calls++;
      return new Promise((resolve, reject) => {
        settle = { resolve, reject };
      });
    };
  }
  const entry = kb.entries.find((e) => e.id === TEST_ENTRY_ID);
  if (!entry) throw new Error('fixture entry missing');
  return {
    loaders,
    calls: () => calls,
    resolve: () => settle?.resolve({ default: entry }),
    reject: (message) => settle?.reject(new Error(message)),
  };
}

function renderLazy(gate: Gate) {
  const source = lazyKbSource(summarizeKb(testKb()), gate.loaders);
  return renderApp({ kb: { ok: true, source } });
}

describe('an entry loaded on demand', () => {
  it('shows a loading line, then the entry page, and fetches the chunk once', async () => {
    window.history.replaceState(null, '', `/${browseHash({ kind: 'entry', id: TEST_ENTRY_ID })}`);
    const gate = gatedLoaders();
    renderLazy(gate);
    expect(await screen.findByText('Loading…')).toBeInTheDocument();
    await act(async () => gate.resolve());
    expect(await screen.findByRole('button', { name: 'Diagnose this error in the troubleshooter' })).toBeInTheDocument();
    expect(gate.calls()).toBe(1);
  });

  it('says why when the chunk cannot be fetched, and "Try again" loads it', async () => {
    window.history.replaceState(null, '', `/${browseHash({ kind: 'entry', id: TEST_ENTRY_ID })}`);
    const gate = gatedLoaders();
    const { user } = renderLazy(gate);
    await screen.findByText('Loading…');
    await act(async () => gate.reject('Failed to fetch dynamically imported module'));
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not be loaded \(Failed to fetch dynamically imported module\)/);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(gate.calls()).toBe(2);
    await act(async () => gate.resolve());
    expect(await screen.findByRole('button', { name: 'Diagnose this error in the troubleshooter' })).toBeInTheDocument();
  });

  it('walks the wizard into the entry once it has loaded, without a detour to the paste step', async () => {
    window.history.replaceState(null, '', `/${browseHash({ kind: 'entry', id: TEST_ENTRY_ID })}`);
    const gate = gatedLoaders();
    const { user } = renderLazy(gate);
    await act(async () => gate.resolve());
    await user.click(await screen.findByRole('button', { name: 'Diagnose this error in the troubleshooter' }));
    expect(await screen.findByRole('heading', { name: 'Which side are you on?' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /paste/i })).not.toBeInTheDocument();
    expect(gate.calls()).toBe(1);
  });
});
