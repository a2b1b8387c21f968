import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { LoadResult } from '@/engine/index.ts';
import { bundledKb } from '@/kb-data/kb.ts';
import '@/styles/app.css';
import { App } from './app.tsx';
import { browserStorage, createAppContext } from './create-app.ts';
import { detectLanguage } from './detect-language.ts';

function loadKb(): LoadResult {
  try {
    return bundledKb();
  } catch (err) {
    // bundledKb reports problems as data; a throw is a bug, shown on the error page rather than a blank one.
    return { ok: false, errors: [err instanceof Error ? err.message : String(err)] };
  }
}

const root = document.getElementById('root');
if (root) {
  const context = createAppContext({
    kb: loadKb(),
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
