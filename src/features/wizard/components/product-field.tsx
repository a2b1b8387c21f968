import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductId } from '@/engine/index.ts';
import { choicesFor, type ChoiceList } from '../choices.ts';
import { useProductName } from '../use-product-name.ts';

/**
 * A product select, or, when the paste already told us, the known value with a Change button.
 */
export function ProductField({
  list,
  label,
  value,
  onChange,
  known,
  onEditKnown,
  error,
}: {
  list: ChoiceList;
  label: string;
  value: string;
  onChange: (value: string) => void;
  known: ProductId | undefined;
  onEditKnown: () => void;
  error: string | undefined;
}) {
  const { t } = useTranslation('wizard');
  const name = useProductName();
  const id = useId();
  if (known !== undefined) {
    return (
      <div className="field known-fact">
        <span className="field-label">{label}</span>
        <span className="known-value">
          <strong>{name(known, list)}</strong> <span className="badge badge-paste">{t('known.badge')}</span>
        </span>
        <button type="button" className="button button-link" aria-label={t('nav.change-named', { name: label })} onClick={onEditKnown}>
          {t('nav.change')}
        </button>
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{t('software.choose')}</option>
        {choicesFor(list).map((p) => (
          <option key={p} value={p}>
            {name(p, list)}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
