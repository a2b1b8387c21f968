// TEMPORARY: renders the app on the fixture KB for a visual check. Delete before handing over.
import { createRoot } from 'react-dom/client';
import '@/styles/app.css';
import { App } from '@/app/app.tsx';
import { browserStorage, createAppContext } from '@/app/create-app.ts';
import { detectLanguage } from '@/app/detect-language.ts';
import { testKbResult } from './fixtures/test-kb.ts';

const context = createAppContext({ kb: testKbResult(), initialLang: detectLanguage(navigator.languages), storage: browserStorage(), hash: window.location.hash });
createRoot(document.getElementById('root')!).render(<App context={context} />);
