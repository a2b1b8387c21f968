import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diagnose } from '@/engine/index.ts';
import { useCurrentEntry } from '@/store/kb-context.tsx';
import { useAppStore } from '@/store/store-context.tsx';
import { stepBefore } from '@/store/wizard-flow.ts';
import { useStepFocus } from '@/components/step-focus.tsx';
import { snippetParams } from '../snippet-params.ts';
import { CandidateList } from './candidate-list.tsx';
import { CauseSection } from './cause-section.tsx';
import { DeadEndList } from './dead-end-list.tsx';
import { DiagnosisActions } from './diagnosis-actions.tsx';
import { Offers, Responsibility, StalePolicyWarning } from './responsibility.tsx';
import { SourceList } from './source-list.tsx';
import { WorkaroundList } from './workaround-list.tsx';

export function DiagnosisView() {
  const { t } = useTranslation('diagnosis');
  const { t: tw } = useTranslation('wizard');
  const entry = useCurrentEntry();
  const lang = useAppStore((s) => s.lang);
  const walk = useAppStore((s) => s.walk);
  const summary = useAppStore((s) => s.summary);
  const navigate = useAppStore((s) => s.navigate);
  const params = useMemo(() => snippetParams(summary), [summary]);
  const diagnosis = useMemo(() => (entry ? diagnose(entry, walk, { lang, params }) : undefined), [entry, walk, lang, params]);
  const heading = useStepFocus<HTMLHeadingElement>('diagnosis');
  if (!entry || !diagnosis) return null;

  const back = () => {
    const b = stepBefore('diagnosis', entry.tree, walk);
    navigate(b.step, b.walk);
  };
  // Snippet choices start from the user's product and version: remount when those change.
  const targetKey = `${diagnosis.cause?.id ?? ''}|${diagnosis.product ?? ''}|${diagnosis.version ?? ''}`;

  return (
    <article className="diagnosis" aria-labelledby="step-heading">
      <div className="diagnosis-head">
        <h2 id="step-heading" ref={heading} tabIndex={-1}>
          {t('view.heading')}
        </h2>
        <button type="button" className="button button-secondary" onClick={back}>
          {tw('nav.back')}
        </button>
      </div>
      <StalePolicyWarning diagnosis={diagnosis} now={new Date()} />
      {diagnosis.cause ? (
        <>
          <CauseSection diagnosis={diagnosis} lang={lang} />
          <Responsibility diagnosis={diagnosis} lang={lang} />
          <Offers diagnosis={diagnosis} lang={lang} />
          <WorkaroundList key={targetKey} diagnosis={diagnosis} params={params} lang={lang} />
          <DeadEndList deadEnds={diagnosis.deadEnds} lang={lang} />
          <SourceList diagnosis={diagnosis} lang={lang} />
        </>
      ) : (
        <CandidateList diagnosis={diagnosis} lang={lang} />
      )}
      <DiagnosisActions diagnosis={diagnosis} lang={lang} />
    </article>
  );
}
