// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browseHash } from '../route.ts';
import { preloadLazyChunks, renderApp, resetBrowser } from '@/testing/render-with-providers.tsx';
import { TEST_ENTRY_ID } from '@/testing/fixtures/test-kb.ts';

// Opening the wizard prefetches the diagnosis chunk: load it first so no import outlives a test.
beforeAll(preloadLazyChunks);
beforeEach(resetBrowser);

describe('browsing the knowledge base', () => {
  it('searches, opens an entry page by its own URL, and starts the wizard on it', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('link', { name: 'Browse all errors' }));
    const search = await screen.findByRole('searchbox', { name: 'Search the knowledge base' });
    await user.type(search, '999');
    expect(search).toHaveAccessibleDescription(/No error matches “999”/);
    await user.clear(search);
    await user.type(search, '421');
    expect(window.location.hash).toBe(browseHash({ kind: 'index', query: '421' }));
    const link = screen.getAllByRole('link').find((a) => a.getAttribute('href') === browseHash({ kind: 'entry', id: TEST_ENTRY_ID }));
    expect(link).toBeDefined();
    window.location.hash = browseHash({ kind: 'entry', id: TEST_ENTRY_ID });
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await user.click(await screen.findByRole('button', { name: 'Diagnose this error in the troubleshooter' }));
    expect(await screen.findByRole('heading', { name: 'Which side are you on?' })).toBeInTheDocument();
    expect(window.location.hash).not.toContain('#/entries');
  });

  it('opens an entry page straight from a link, in Chinese', async () => {
    window.history.replaceState(null, '', `/${browseHash({ kind: 'entry', id: TEST_ENTRY_ID })}`);
    renderApp({ languages: ['zh-CN'] });
    expect(await screen.findByRole('button', { name: '用排查向导诊断这个错误' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回全部错误' })).toBeInTheDocument();
  });

  it('says so when the linked entry does not exist', async () => {
    window.history.replaceState(null, '', `/${browseHash({ kind: 'entry', id: 'nope/none' })}`);
    renderApp();
    expect(await screen.findByText('There is no error “nope/none” in the knowledge base.')).toBeInTheDocument();
  });
});
