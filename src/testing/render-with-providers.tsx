/**
 * Test helpers: render the whole app (as `main.tsx` does, with a fresh context each time) or a
 * component inside the app's providers. Everything the user sees goes through the real store,
 * i18n instance and knowledge base.
 */
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LoadResult } from '@/engine/index.ts';
import { App } from '@/app/app.tsx';
import { createAppContext, type AppKb } from '@/app/create-app.ts';
import { detectLanguage } from '@/app/detect-language.ts';
import { AppProviders } from '@/app/providers.tsx';
import type { StorageBackend } from '@/store/safe-storage.ts';
import { testKbResult } from './fixtures/test-kb.ts';

export interface RenderAppOptions {
  /** Defaults to the fixture knowledge base, every entry loaded; pass an `AppKb` with a lazy source to test loading. */
  readonly kb?: LoadResult | AppKb;
  /** navigator.languages as the app shell would see them; defaults to ['en-US']. */
  readonly languages?: readonly string[];
  /** Defaults to jsdom's localStorage (shared by "reloads" within a test). */
  readonly storage?: StorageBackend | null;
}

/**
 * Loads the lazily imported chunks up front, so that a test waiting for the diagnosis measures the
 * app, not the first transform of the chunk (call in `beforeAll`).
 */
export async function preloadLazyChunks(): Promise<void> {
  await import('@/features/diagnosis/components/diagnosis-view.tsx');
}

/** Clears what a previous test (or "page load") left behind: storage, hash, <html lang>. */
export function resetBrowser(): void {
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
  document.documentElement.lang = '';
}

/** Renders the app as a page load would: reads the hash and the saved session. */
export function renderApp(options: RenderAppOptions = {}) {
  const user = userEvent.setup();
  const context = createAppContext({
    kb: options.kb ?? testKbResult(),
    initialLang: detectLanguage(options.languages ?? ['en-US']),
    storage: options.storage === undefined ? window.localStorage : options.storage,
    hash: window.location.hash,
  });
  const view = render(<App context={context} />);
  return { user, context, ...view };
}

/** Renders one component inside the providers of a fresh app context. */
export function renderWithProviders(ui: ReactElement, options: RenderAppOptions = {}) {
  const user = userEvent.setup();
  const context = createAppContext({
    kb: options.kb ?? testKbResult(),
    initialLang: detectLanguage(options.languages ?? ['en-US']),
    storage: options.storage === undefined ? null : options.storage,
  });
  const view = render(<AppProviders context={context}>{ui}</AppProviders>);
  return { user, context, ...view };
}
