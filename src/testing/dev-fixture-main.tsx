// TEMPORARY: renders the app on the shipped KB with dangling references dropped, for a visual check. Delete before handing over.
import { createRoot } from 'react-dom/client';
import '@/styles/app.css';
import { App } from '@/app/app.tsx';
import { browserStorage, createAppContext } from '@/app/create-app.ts';
import { detectLanguage } from '@/app/detect-language.ts';
import { bundledRawEntries } from '@/kb-data/bundled.ts';
import { loadKb } from '@/engine/index.ts';

const { entries } = bundledRawEntries();
const e = structuredClone(entries[0]) as any;
const causeIds = new Set(e.causes.map((c: any) => c.id));
const srcIds = new Set(e.sources.map((s: any) => s.id));
e.compatibility = e.compatibility.filter((c: any) => c.sources.every((s: string) => srcIds.has(s)));
for (const k of ['workarounds', 'deadEnds']) {
  for (const w of e[k]) w.causes = w.causes.filter((c: string) => causeIds.has(c));
  e[k] = e[k].filter((w: any) => w.causes.length > 0);
}
const context = createAppContext({ kb: loadKb([e]), initialLang: detectLanguage(navigator.languages), storage: browserStorage(), hash: window.location.hash });
createRoot(document.getElementById('root')!).render(<App context={context} />);
