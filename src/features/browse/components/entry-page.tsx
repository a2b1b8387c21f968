import { useTranslation } from 'react-i18next';
import type { Entry } from '@/engine/index.ts';
import { findSummary } from '@/engine/kb/summary.ts';
import { EntryGate } from '@/components/entry-gate.tsx';
import { REASON_TEXT } from '@/i18n/engine-labels.ts';
import { localized } from '@/i18n/lang.ts';
import { useKb } from '@/store/kb-context.tsx';
import { useAppStore } from '@/store/store-context.tsx';
import { BROWSE_ROUTE, browseHash } from '../route.ts';
import { productName } from '../product-name.ts';

/** One entry's own page: what it is, its causes with the exact texts, versions, related entries. */
export function EntryPage({ id, onOpenWizard }: { id: string; onOpenWizard: (id: string) => void }) {
  const { t } = useTranslation('browse');
  const notFound = (
    <section className="card">
      <p>{t('entry.not-found', { id })}</p>
      <a href={BROWSE_ROUTE}>{t('entry.back')}</a>
    </section>
  );
  return <EntryGate id={id} fallback={notFound}>{(entry) => <EntryDetails entry={entry} onOpenWizard={onOpenWizard} />}</EntryGate>;
}

function EntryDetails({ entry, onOpenWizard }: { entry: Entry; onOpenWizard: (id: string) => void }) {
  const { t } = useTranslation('browse');
  const { t: tc } = useTranslation('common');
  const kb = useKb();
  const lang = useAppStore((s) => s.lang);
  return (
    <article className="card entry-page" aria-labelledby="entry-heading">
      <p><a href={BROWSE_ROUTE}>{t('entry.back')}</a></p>
      <h2 id="entry-heading" tabIndex={-1}>{localized(entry.title, lang)}</h2>
      <p>{localized(entry.summary, lang)}</p>
      <button type="button" className="button" onClick={() => onOpenWizard(entry.id)}>{t('entry.open-wizard')}</button>
      <dl className="entry-facts">
        <dt>{t('entry.codes')}</dt>
        <dd>{entry.codes.join(', ')}</dd>
        <dt>{t('entry.enhanced')}</dt>
        <dd>{entry.enhanced.join(', ')}</dd>
      </dl>
      <p className="muted">{t('entry.as-of', { date: entry.meta.asOf })}</p>
      <h3>{t('entry.causes-heading')}</h3>
      <ul className="entry-causes">
        {entry.causes.map((c) => (
          <li key={c.id}>
            <strong>{localized(c.title, lang)}</strong> <span className="muted">({tc(REASON_TEXT[c.reason])})</span>
            <p className="muted">
              {t('entry.emitted-by', { names: [...new Set(c.emitters.map((e) => productName(e.product)))].join(lang === 'zh' ? '、' : ', ') })}
            </p>
            <details>
              <summary>{t('entry.texts')}</summary>
              <ul>
                {c.emitters.flatMap((e) => e.texts).map((x, i) => (
                  <li key={i}><code>{x.reply ?? x.log}</code></li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
      <h3>{t('entry.compatibility-heading')}</h3>
      <ul>
        {entry.compatibility.map((c, i) => (
          <li key={i}>
            {productName(c.product)} {c.versions}: {localized(c.notes, lang)}
          </li>
        ))}
      </ul>
      {entry.related.length > 0 && (
        <>
          <h3>{t('entry.related-heading')}</h3>
          <ul>
            {entry.related.flatMap((r) => {
              const other = findSummary(kb, r);
              return other ? [<li key={r}><a href={browseHash({ kind: 'entry', id: r })}>{localized(other.title, lang)}</a></li>] : [];
            })}
          </ul>
        </>
      )}
    </article>
  );
}
