import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { EMPTY_WALK } from '@/engine/index.ts';
import { BrowsePage } from '@/features/browse/components/browse-page.tsx';
import { EntryPage } from '@/features/browse/components/entry-page.tsx';
import { BROWSE_ROUTE, browseHash, parseBrowseHash, type BrowseRoute } from '@/features/browse/route.ts';
import { ANALYZER_ROUTE, isAnalyzerHash } from '@/features/log-analyzer/route.ts';
import type { FinishedScan } from '@/features/log-analyzer/use-scan.ts';
import { useTranslation } from 'react-i18next';
import { EntryGate } from '@/components/entry-gate.tsx';
import { FeatureBoundary } from '@/components/error-boundary.tsx';
import { KbErrorPage } from '@/features/kb-error/kb-error-page.tsx';
import { PasteStep } from '@/features/log-paste/components/paste-step.tsx';
import { LanguageSwitch } from '@/features/preferences/language-switch.tsx';
import { PathSummary } from '@/features/wizard/components/path-summary.tsx';
import { QuestionStep } from '@/features/wizard/components/question-step.tsx';
import { RoleStep } from '@/features/wizard/components/role-step.tsx';
import { SoftwareStep } from '@/features/wizard/components/software-step.tsx';
import { StepIndicator } from '@/features/wizard/components/step-indicator.tsx';
import { langTag } from '@/i18n/lang.ts';
import { useEntryState } from '@/store/kb-context.tsx';
import { useAppStore } from '@/store/store-context.tsx';
import type { AppContext } from './create-app.ts';
import { Notices } from './notices.tsx';
import { AppProviders } from './providers.tsx';
import { startUrlSync } from './url-sync.ts';

// The diagnosis (with the snippet generators) is a chunk of its own, fetched while the user answers.
const loadDiagnosis = () => import('@/features/diagnosis/components/diagnosis-view.tsx');
const DiagnosisView = lazy(() => loadDiagnosis().then((m) => ({ default: m.DiagnosisView })));
// The log analyzer (its worker client, its results and, later, the chart) is fetched when opened.
const LogAnalyzerPage = lazy(() => import('@/features/log-analyzer/components/log-analyzer-page.tsx').then((m) => ({ default: m.LogAnalyzerPage })));

function Loading() {
  const { t } = useTranslation();
  return <p className="status-line">{t('app.loading')}</p>;
}

function Wizard() {
  const step = useAppStore((s) => s.step);
  const entryId = useAppStore((s) => s.entryId);
  const entryState = useEntryState(entryId);
  // A saved or linked step whose entry is unknown starts at the paste step; one whose entry is still
  // loading (its own chunk) waits for it.
  const waiting = step !== 'paste' && (entryState.status === 'idle' || entryState.status === 'loading' || entryState.status === 'error');
  const current = entryState.status === 'ready' ? step : 'paste';
  const withPath = current === 'questions' || current === 'diagnosis';
  useEffect(() => {
    if (current !== 'paste') void loadDiagnosis();
  }, [current]);
  return (
    <>
      <FeatureBoundary>
        <StepIndicator />
      </FeatureBoundary>
      <div className={withPath ? 'layout layout-with-path' : 'layout'}>
        <div className="main-column">
          {waiting && entryId !== null && (
            <EntryGate id={entryId} fallback={null}>{() => null}</EntryGate>
          )}
          {!waiting && current === 'paste' && (
            <FeatureBoundary>
              <PasteStep />
            </FeatureBoundary>
          )}
          {current === 'role' && (
            <FeatureBoundary>
              <RoleStep />
            </FeatureBoundary>
          )}
          {current === 'software' && (
            <FeatureBoundary>
              <SoftwareStep />
            </FeatureBoundary>
          )}
          {current === 'questions' && (
            <FeatureBoundary>
              <QuestionStep />
            </FeatureBoundary>
          )}
          {current === 'diagnosis' && (
            <FeatureBoundary>
              <Suspense fallback={<Loading />}>
                <DiagnosisView />
              </Suspense>
            </FeatureBoundary>
          )}
        </div>
        {withPath && (
          <aside className="side-column">
            <FeatureBoundary>
              <PathSummary />
            </FeatureBoundary>
          </aside>
        )}
      </div>
    </>
  );
}

/** A page other than the wizard: a browse page or the log analyzer. */
type Route = BrowseRoute | { kind: 'logs' };

function parseRoute(hash: string): Route | undefined {
  return isAnalyzerHash(hash) ? { kind: 'logs' } : parseBrowseHash(hash);
}

function routeHash(route: Route): string {
  return route.kind === 'logs' ? ANALYZER_ROUTE : browseHash(route);
}

/**
 * Which page is shown: the wizard, or a browse or analyzer page from the hash. A widget (no hash)
 * keeps the route in memory only.
 */
function useRoute(manageDocument: boolean): [Route | undefined, (r: Route | undefined) => void] {
  const [route, setRoute] = useState<Route | undefined>(() => (manageDocument ? parseRoute(window.location.hash) : undefined));
  useEffect(() => {
    if (!manageDocument) return;
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [manageDocument]);
  const go = (r: Route | undefined) => {
    setRoute(r);
    if (!manageDocument) return;
    const { pathname, search } = window.location;
    // Leaving the browse pages clears the hash; the URL sync then writes the wizard's share state.
    window.history.replaceState(window.history.state, '', `${pathname}${search}${r ? routeHash(r) : ''}`);
  };
  return [route, go];
}

function Shell({ context, manageDocument }: { context: AppContext; manageDocument: boolean }) {
  const { t } = useTranslation();
  const { t: tb } = useTranslation('browse');
  const { t: ta } = useTranslation('analyzer');
  const lang = useAppStore((s) => s.lang);
  const setEntry = useAppStore((s) => s.setEntry);
  const navigate = useAppStore((s) => s.navigate);
  const main = useRef<HTMLElement>(null);
  const [route, go] = useRoute(manageDocument);
  // The last log summary outlives the analyzer page, so "Diagnose this" and back keeps it.
  const [lastScan, setLastScan] = useState<FinishedScan | null>(null);
  const openWizard = (id: string) => {
    setEntry(id);
    navigate('role', EMPTY_WALK);
    go(undefined);
  };

  useEffect(() => {
    if (!manageDocument) return;
    document.documentElement.lang = langTag(lang);
    document.title = t('app.document-title');
  }, [manageDocument, lang, t]);

  useEffect(() => {
    if (!manageDocument || !context.kb.ok) return;
    return startUrlSync(context.store, context.kb.source, window);
  }, [manageDocument, context]);

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // Focus instead of following the link: the hash holds the share state.
          e.preventDefault();
          main.current?.focus();
        }}
      >
        {t('app.skip-to-content')}
      </a>
      <header className="app-header">
        <div className="brand">
          <h1>{t('app.name')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <nav className="app-nav" aria-label={tb('nav.browse')}>
          {route && (
            <button type="button" className="button button-secondary" onClick={() => go(undefined)}>{tb('nav.wizard')}</button>
          )}
          {(!route || route.kind === 'logs') && (
            <a href={BROWSE_ROUTE} onClick={(e) => { e.preventDefault(); go({ kind: 'index', query: '' }); }}>{tb('nav.browse')}</a>
          )}
          <a
            href={ANALYZER_ROUTE}
            aria-current={route?.kind === 'logs' ? 'page' : undefined}
            onClick={(e) => { e.preventDefault(); go({ kind: 'logs' }); }}
          >
            {ta('nav.logs')}
          </a>
        </nav>
        <FeatureBoundary>
          <LanguageSwitch />
        </FeatureBoundary>
      </header>
      <Notices />
      <main id="main" ref={main} tabIndex={-1}>
        {context.kb.ok ? (
          route ? (
            <FeatureBoundary>
              {route.kind === 'logs' ? (
                <Suspense fallback={<Loading />}>
                  <LogAnalyzerPage onOpenWizard={() => go(undefined)} saved={lastScan} onSave={setLastScan} />
                </Suspense>
              ) : route.kind === 'index' ? (
                <BrowsePage query={route.query} onQuery={(q) => go({ kind: 'index', query: q })} />
              ) : (
                <EntryPage id={route.id} onOpenWizard={openWizard} />
              )}
            </FeatureBoundary>
          ) : (
            <Wizard />
          )
        ) : (
          <FeatureBoundary>
            <KbErrorPage errors={context.kb.errors} />
          </FeatureBoundary>
        )}
      </main>
      <footer className="app-footer">
        <p>{t('app.offline-note')}</p>
      </footer>
    </div>
  );
}

/**
 * The whole app for one context. `manageDocument` (the standalone page) lets it set `<html lang>`,
 * the title and the URL hash; an embedding widget passes false.
 */
export function App({ context, manageDocument = true }: { context: AppContext; manageDocument?: boolean }) {
  return (
    <AppProviders context={context}>
      <Shell context={context} manageDocument={manageDocument} />
    </AppProviders>
  );
}
