import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadEnd } from '@/engine/index.ts';
import { localized, type Lang } from '@/i18n/lang.ts';
import { FigureText } from './figure-text.tsx';

function DeadEndItem({ deadEnd, lang }: { deadEnd: DeadEnd; lang: Lang }) {
  const { t } = useTranslation('diagnosis');
  const [open, setOpen] = useState(false);
  const id = useId();
  const title = localized(deadEnd.title, lang);
  return (
    <li className="dead-end">
      <h4>{title}</h4>
      <FigureText figure={deadEnd.failRate} kind="fail" lang={lang} />
      <button
        type="button"
        className="button button-small"
        aria-expanded={open}
        aria-controls={id}
        aria-label={open ? t('dead-ends.hide-named', { title }) : t('dead-ends.tried-named', { title })}
        onClick={() => setOpen(!open)}
      >
        {open ? t('dead-ends.hide') : t('dead-ends.tried')}
      </button>
      <div id={id} className="dead-end-why" hidden={!open}>
        <p>
          <strong>{t('dead-ends.why')}</strong> {localized(deadEnd.why, lang)}
        </p>
        <p>
          <strong>{t('dead-ends.instead')}</strong> {localized(deadEnd.instead, lang)}
        </p>
      </div>
    </li>
  );
}

export function DeadEndList({ deadEnds, lang }: { deadEnds: readonly DeadEnd[]; lang: Lang }) {
  const { t } = useTranslation('diagnosis');
  if (deadEnds.length === 0) return null;
  return (
    <section className="card" aria-labelledby="dead-ends-heading">
      <h3 id="dead-ends-heading">{t('dead-ends.heading')}</h3>
      <p className="muted">{t('dead-ends.intro')}</p>
      <ul className="dead-ends">
        {deadEnds.map((d) => (
          <DeadEndItem key={d.id} deadEnd={d} lang={lang} />
        ))}
      </ul>
    </section>
  );
}
