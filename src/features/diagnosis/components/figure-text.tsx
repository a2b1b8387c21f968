import { useTranslation } from 'react-i18next';
import type { Figure } from '@/engine/index.ts';
import { BASIS_TEXT } from '@/i18n/engine-labels.ts';
import { formatPercent } from '@/i18n/format.ts';
import { localized, type Lang } from '@/i18n/lang.ts';

/** A rate with where it comes from: "Success rate: 90% · editorial estimate — why". */
export function FigureText({ figure, kind, lang }: { figure: Figure; kind: 'success' | 'fail'; lang: Lang }) {
  const { t } = useTranslation('diagnosis');
  const { t: tc } = useTranslation('common');
  const percent = formatPercent(figure.value, lang);
  return (
    <p className="figure">
      <strong>{kind === 'success' ? t('figure.success', { percent }) : t('figure.fail', { percent })}</strong>
      <span className="figure-basis">{t('figure.basis', { basis: tc(BASIS_TEXT[figure.basis]) })}</span>
      <span className="figure-note">{localized(figure.note, lang)}</span>
    </p>
  );
}
