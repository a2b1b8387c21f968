import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemGroup } from '@/engine/logscan/types.ts';
import { formatNumber } from '@/i18n/format.ts';
import { useKbSource } from '@/store/kb-context.tsx';
import { useAppStore } from '@/store/store-context.tsx';
import { stepAfterPaste } from '@/store/wizard-flow.ts';
import { analysisForGroup } from '../open-group.ts';
import { useScan, type FinishedScan, type ScanState } from '../use-scan.ts';
import { FileDrop } from './file-drop.tsx';
import { ScanProgress } from './scan-progress.tsx';
import { ScanResults } from './scan-results.tsx';

function FailureMessage({ state }: { state: Extract<ScanState, { kind: 'failed' }> }) {
  const { t } = useTranslation('analyzer');
  const text = (() => {
    switch (state.code) {
      case 'FILE_BINARY':
        return t('error.binary', { name: state.name });
      case 'FILE_UNREADABLE':
        return t('error.unreadable', { name: state.name });
      case 'KB_UNAVAILABLE':
        return t('error.kb');
      case 'SCAN_FAILED':
        return t('error.failed', { detail: state.detail });
    }
  })();
  return (
    <p className="field-error" role="alert">
      {text}
    </p>
  );
}

/**
 * The log analyzer: a whole mail log read in a Web Worker, summarised, each problem group one click
 * from its diagnosis. `onOpenWizard` switches the shell to the wizard once the store holds the group.
 */
export function LogAnalyzerPage({ onOpenWizard, saved, onSave }: { onOpenWizard: () => void; saved: FinishedScan | null; onSave: (scan: FinishedScan | null) => void }) {
  const { t } = useTranslation('analyzer');
  const source = useKbSource();
  const lang = useAppStore((s) => s.lang);
  const applyAnalysis = useAppStore((s) => s.applyAnalysis);
  const navigate = useAppStore((s) => s.navigate);
  const { state, start, cancel } = useScan(saved);
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLHeadingElement>(null);

  // The shell keeps the last summary, so that coming back from a diagnosis shows it again.
  useEffect(() => {
    if (state.kind === 'done') onSave(state);
    else if (state.kind === 'scanning') onSave(null);
  }, [state, onSave]);

  // The Cancel button goes away with the progress: focus lands on the results or the chooser, not on the page.
  const kind = state.kind;
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!lost) return;
    if (kind === 'done') results.current?.focus();
    else if (kind === 'cancelled' || kind === 'failed') input.current?.focus();
  }, [kind]);

  const diagnose = (group: ProblemGroup) => {
    const analysis = analysisForGroup(source.index, group);
    // Leave the analyzer's URL first, so that the wizard's share state is written for the new walk.
    onOpenWizard();
    applyAnalysis(analysis);
    navigate(stepAfterPaste({ answers: {}, inferred: analysis.inferred }));
  };

  return (
    <section className="log-analyzer" aria-labelledby="analyzer-heading">
      <div className="card">
        <h2 id="analyzer-heading" tabIndex={-1}>
          {t('page.heading')}
        </h2>
        <p className="muted">{t('page.intro')}</p>
        <FileDrop onFile={start} disabled={state.kind === 'scanning'} inputRef={input} />
        <div aria-live="polite" className="status-line">
          {state.kind === 'cancelled' && t('progress.cancelled')}
          {state.kind === 'done' && t('progress.done', { name: state.name, seconds: formatNumber(Math.round(state.ms / 100) / 10, lang) })}
        </div>
        {state.kind === 'failed' && <FailureMessage state={state} />}
      </div>
      {state.kind === 'scanning' && <ScanProgress state={state} lang={lang} onCancel={cancel} />}
      {state.kind === 'done' && <ScanResults summary={state.summary} lang={lang} kb={source} onDiagnose={diagnose} headingRef={results} />}
    </section>
  );
}
