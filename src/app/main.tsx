import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/styles/app.css';
import { lazyKbSource } from '@/store/kb-source.ts';
import { App } from './app.tsx';
import { browserStorage, createAppContext, type AppKb } from './create-app.ts';
import { detectLanguage } from './detect-language.ts';

/**
 * The knowledge base's index is its own chunk (the shell does not wait for it to download, and a
 * content update does not invalidate the cached shell); each entry is a further chunk, fetched when
 * the user opens it. The build validated every entry (scripts/vite-plugin-kb.ts).
 */
async function loadKb(): Promise<AppKb> {
  try {
    const { KB, ENTRY_LOADERS } = await import('virtual:kb-index');
    return KB.ok ? { ok: true, source: lazyKbSource(KB.index, ENTRY_LOADERS) } : KB;
  } catch (err) {
    // A failed chunk is shown on the error page, never a blank one.
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
