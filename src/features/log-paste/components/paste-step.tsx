import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/i18n/format.ts';
import { useKbSource } from '@/store/kb-context.tsx';
import { useAppStore } from '@/store/store-context.tsx';
import { stepAfterPaste } from '@/store/wizard-flow.ts';
import { useStepFocus } from '@/components/step-focus.tsx';
import { analysePaste, factsForChoice, summarise, type AnalysisResult } from '../analyse.ts';
import { EntryPicker } from './entry-picker.tsx';
import { FindingsList } from './findings-list.tsx';

type Status = { kind: 'idle'; redacted: number } | { kind: 'working' } | { kind: 'need-entry' } | Exclude<AnalysisResult, { kind: 'ok' }>;

export function PasteStep() {
  const { t } = useTranslation('wizard');
  const source = useKbSource();
  const kb = source.index;
  const lang = useAppStore((s) => s.lang);
  const entryId = useAppStore((s) => s.entryId);
  const paste = useAppStore((s) => s.paste);
  const summary = useAppStore((s) => s.summary);
  const walk = useAppStore((s) => s.walk);
  const applyAnalysis = useAppStore((s) => s.applyAnalysis);
  const setSummary = useAppStore((s) => s.setSummary);
  const setEntry = useAppStore((s) => s.setEntry);
  const navigate = useAppStore((s) => s.navigate);
  const heading = useStepFocus<HTMLHeadingElement>('paste');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [status, setStatus] = useState<Status>({ kind: 'idle', redacted: 0 });
  const id = useId();
  const single = kb.entries.length === 1 ? kb.entries[0] : undefined;

  // Findings are derived, so they are not saved: classify a paste restored after a reload again.
  useEffect(() => {
    if (paste !== '' && summary === null) setSummary(summarise(kb, paste));
  }, [kb, paste, summary, setSummary]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onAnalyse = (e: FormEvent) => {
    e.preventDefault();
    // The textarea is uncontrolled: a 2 MiB paste must not re-render on every keystroke.
    const text = textRef.current?.value ?? '';
    setStatus({ kind: 'working' });
    clearTimeout(timer.current);
    // Yield once so that "Analysing…" is painted before a long text is scanned.
    timer.current = setTimeout(() => {
      const result = analysePaste(kb, text, entryId);
      if (result.kind === 'ok') {
        applyAnalysis({ paste: result.paste, summary: result.summary, entryId: result.entryId, inferred: result.inferred });
        setStatus({ kind: 'idle', redacted: result.redacted });
      } else {
        setStatus(result);
      }
    }, 0);
  };

  const proceed = () => {
    const chosenEntry = entryId === null ? undefined : source.summary(entryId);
    const entry = chosenEntry ?? single;
    if (!entry) {
      setStatus({ kind: 'need-entry' });
      return;
    }
    if (!chosenEntry) setEntry(entry.id);
    navigate(stepAfterPaste(walk));
  };

  const onChoose = (index: number) => {
    if (!summary) return;
    const choice = factsForChoice(kb, summary.findings[index], summary.facts, entryId);
    applyAnalysis({ paste, summary: { ...summary, chosen: index }, ...choice });
  };

  const message =
    status.kind === 'empty'
      ? t('paste.empty')
      : status.kind === 'need-entry'
        ? t('paste.need-entry')
        : status.kind === 'refused'
          ? status.code === 'INPUT_BINARY'
            ? t('paste.refused-binary')
            : t('paste.refused-too-large', { size: formatNumber(status.limit / 1048576, lang) })
          : undefined;

  return (
    <div className="step-form">
      <h2 id="step-heading" ref={heading} tabIndex={-1}>
        {t('paste.heading')}
      </h2>
      <p className="intro">{t('paste.intro')}</p>
      <form onSubmit={onAnalyse} noValidate>
        <div className="field">
          <label htmlFor={`${id}-text`} className="field-label">
            {t('paste.label')}
          </label>
          <textarea
            id={`${id}-text`}
            ref={textRef}
            className="paste-area"
            defaultValue={paste}
            rows={8}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="off"
            aria-describedby={`${id}-hint${message ? ` ${id}-error` : ''}`}
            aria-invalid={message ? true : undefined}
          />
          <p id={`${id}-hint`} className="hint">
            {t('paste.hint')}
          </p>
          {message && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {message}
            </p>
          )}
        </div>
        {kb.entries.length > 1 && <EntryPicker />}
        <div className="wizard-nav">
          <button type="submit" className="button button-secondary">
            {t('paste.analyse')}
          </button>
          {summary === null && (
            <button type="button" className="button button-link" onClick={proceed}>
              {t('paste.skip')}
            </button>
          )}
        </div>
      </form>
      <p className="status-line" aria-live="polite">
        {status.kind === 'working' ? t('paste.working') : ''}
      </p>
      {status.kind === 'idle' && status.redacted > 0 && <p className="hint">{t('paste.redacted', { n: formatNumber(status.redacted, lang) })}</p>}
      {summary && (
        <>
          <FindingsList kb={kb} summary={summary} lang={lang} onChoose={onChoose} />
          <div className="wizard-nav">
            <button type="button" className="button button-primary" onClick={proceed}>
              {t('paste.continue')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
