import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { REASON_TEXT } from '@/i18n/engine-labels.ts';
import { localized } from '@/i18n/lang.ts';
import { useKb } from '@/store/kb-context.tsx';
import { useAppStore } from '@/store/store-context.tsx';
import { browseHash } from '../route.ts';
import { searchEntries } from '@/engine/kb/search.ts';

/** The searchable index of every entry; each result links to the entry's own page. */
export function BrowsePage({ query, onQuery }: { query: string; onQuery: (q: string) => void }) {
  const { t } = useTranslation('browse');
  const { t: tc } = useTranslation('common');
  const kb = useKb();
  const lang = useAppStore((s) => s.lang);
  const inputId = useId();
  const hits = useMemo(() => searchEntries(kb, query), [kb, query]);
  return (
    <section className="card browse" aria-labelledby="browse-heading">
      <h2 id="browse-heading" tabIndex={-1}>{t('index.heading')}</h2>
      <p className="muted">{t('index.intro')}</p>
      <label htmlFor={inputId} className="field-label">{t('index.search-label')}</label>
      <input
        id={inputId}
        type="search"
        className="search-input"
        value={query}
        placeholder={t('index.search-placeholder')}
        aria-describedby={`${inputId}-count`}
        onChange={(e) => onQuery(e.target.value)}
      />
      <p role="status" className="muted" id={`${inputId}-count`}>
        {hits.length === 0 && query.trim() !== '' ? t('index.none', { query }) : t('index.count', { count: hits.length, total: kb.entries.length })}
      </p>
      <ul className="browse-list">
        {hits.map(({ entry }) => (
          <li key={entry.id}>
            <a href={browseHash({ kind: 'entry', id: entry.id })}>{localized(entry.title, lang)}</a>
            <p className="muted">
              {t('index.meta', {
                codes: [...entry.codes.map(String), ...entry.enhanced].join(' · '),
                causes: t('index.causes', { count: entry.causes.length }),
                reason: tc(REASON_TEXT[entry.reason]),
              })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
