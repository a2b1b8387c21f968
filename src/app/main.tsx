import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { LoadResult } from '@/engine/index.ts';
import '@/styles/app.css';
import { App } from './app.tsx';
import { browserStorage, createAppContext } from './create-app.ts';
import { detectLanguage } from './detect-language.ts';

/**
 * The knowledge base is its own chunk: the app shell (React, i18n, wizard) does not wait for it to
 * download, and a content update does not invalidate the cached shell (nor the reverse).
 */
async function loadKb(): Promise<LoadResult> {
  try {
    const { bundledKb } = await import('@/kb-data/kb.ts');
    return bundledKb();
  } catch (err) {
    // bundledKb reports problems as data; a throw (or a failed chunk) is shown on the error page, never a blank one.
    return { ok: false, errors: [err instanceof Error ? err.message : String(err)] };
  }
}

async function start(root: HTMLElement): Promise<void> {
  const context = createAppContext({
    kb: await loadKb(),
    initialLang: detectLanguage(navigator.languages.length > 0 ? navigator.languages : [navigator.language]),
    storage: browserStorage(),
    hash: window.location.hash,
  });
  createRoot(root).render(
    <StrictMode>
      <App context={context} />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) void start(root);
