import { useTranslation } from 'react-i18next';
import type { Diagnosis, Source } from '@/engine/index.ts';
import { CONFIRMATION_TEXT, SOURCE_KIND_TEXT } from '@/i18n/engine-labels.ts';
import { localized, type Lang } from '@/i18n/lang.ts';

/** The sources this diagnosis rests on: the cause's, its texts', its workarounds' and its dead ends'. */
export function sourcesOf(d: Diagnosis): Source[] {
  const ids = new Set<string>();
  if (d.cause) {
    for (const id of d.cause.sources) ids.add(id);
    for (const e of d.cause.emitters) for (const text of e.texts) for (const id of text.sources) ids.add(id);
  }
  for (const { workaround } of d.workarounds) for (const id of workaround.sources) ids.add(id);
  for (const de of d.deadEnds) for (const id of de.sources) ids.add(id);
  return d.entry.sources.filter((s) => ids.has(s.id));
}

export function SourceList({ diagnosis, lang }: { diagnosis: Diagnosis; lang: Lang }) {
  const { t } = useTranslation('diagnosis');
  const { t: tc } = useTranslation('common');
  const sources = sourcesOf(diagnosis);
  if (sources.length === 0) return null;
  return (
    <section className="card" aria-labelledby="sources-heading">
      <h3 id="sources-heading">{t('sources.heading')}</h3>
      <ul className="sources">
        {sources.map((s) => (
          <li key={s.id}>
            <span className="source-title">
              {s.url === undefined ? (
                s.title
              ) : (
                <a href={s.url} target="_blank" rel="noopener noreferrer">
                  {s.title}
                </a>
              )}
            </span>
            <span className="source-meta">
              {tc(SOURCE_KIND_TEXT[s.kind])}
              {s.locator !== undefined && <> · {t('sources.locator', { locator: s.locator })}</>} ·{' '}
              <span className={`confirmation confirmation-${s.confirmation}`}>{tc(CONFIRMATION_TEXT[s.confirmation])}</span>
            </span>
            {s.url !== undefined && <span className="source-url">{s.url}</span>}
            {s.note && <span className="source-note">{localized(s.note, lang)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
