import { useTranslation } from 'react-i18next';
import type { Diagnosis } from '@/engine/index.ts';
import { localized, type Lang } from '@/i18n/lang.ts';
import { useAppStore } from '@/store/store-context.tsx';

/** Shown when the walk has not reached a cause yet (a link or a reload at an unfinished walk). */
export function CandidateList({ diagnosis, lang }: { diagnosis: Diagnosis; lang: Lang }) {
  const { t } = useTranslation('diagnosis');
  const navigate = useAppStore((s) => s.navigate);
  return (
    <section className="card" aria-labelledby="candidates-heading">
      <h3 id="candidates-heading">{t('candidates.heading')}</h3>
      <p>{t('candidates.intro')}</p>
      <ul className="candidates">
        {diagnosis.candidates.map((c) => (
          <li key={c.id}>
            <strong>{localized(c.title, lang)}</strong>
            <p className="muted">{localized(c.explanation, lang)}</p>
          </li>
        ))}
      </ul>
      <div className="wizard-nav">
        <button type="button" className="button button-primary" onClick={() => navigate('questions')}>
          {t('candidates.continue')}
        </button>
      </div>
    </section>
  );
}
