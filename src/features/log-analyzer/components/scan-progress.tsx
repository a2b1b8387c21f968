import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/i18n/format.ts';
import type { Lang } from '@/i18n/lang.ts';
import { estimateTimeLeft, formatMegabytes } from '../format.ts';
import type { ScanState } from '../use-scan.ts';

export function ScanProgress({ state, lang, onCancel }: { state: Extract<ScanState, { kind: 'scanning' }>; lang: Lang; onCancel: () => void }) {
  const { t } = useTranslation('analyzer');
  const id = useId();
  const eta = estimateTimeLeft(state.bytes, state.total, state.now - state.startedAt);
  const etaText =
    eta === null ? t('progress.eta-unknown') : eta.unit === 'seconds' ? t('progress.eta-seconds', { n: formatNumber(eta.n, lang) }) : t('progress.eta-minutes', { n: formatNumber(eta.n, lang) });
  return (
    <section className="card scan-progress" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={`${id}-bar`} className="field-label">
        {t('progress.label', { name: state.name })}
      </label>
      <progress id={`${id}-bar`} max={Math.max(1, state.total)} value={state.bytes} />
      <p className="scan-progress-figures">
        <span>{t('progress.bytes', { done: formatMegabytes(state.bytes, lang), total: formatMegabytes(state.total, lang) })}</span>
        <span>{t('progress.lines', { n: formatNumber(state.lines, lang) })}</span>
        <span>{etaText}</span>
      </p>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {t('progress.cancel')}
      </button>
    </section>
  );
}
