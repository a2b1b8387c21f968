import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export const OTHER_VERSION = '__other';

export interface VersionValue {
  /** '' = unknown, a listed version, or OTHER_VERSION (then `typed` holds it). */
  readonly choice: string;
  readonly typed: string;
}

/** The version as a fact: undefined when unknown. */
export function versionOf(value: VersionValue): string | undefined {
  if (value.choice === OTHER_VERSION) return value.typed.trim() === '' ? undefined : value.typed.trim();
  return value.choice === '' ? undefined : value.choice;
}

export function initialVersion(known: string | undefined, versions: readonly string[]): VersionValue {
  if (known === undefined) return { choice: '', typed: '' };
  return versions.includes(known) ? { choice: known, typed: '' } : { choice: OTHER_VERSION, typed: known };
}

export function VersionField({
  versions,
  value,
  onChange,
  error,
}: {
  versions: readonly string[];
  value: VersionValue;
  onChange: (value: VersionValue) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation('wizard');
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t('software.version-label')}
      </label>
      <select id={id} value={value.choice} aria-describedby={`${id}-hint`} onChange={(e) => onChange({ choice: e.target.value, typed: value.typed })}>
        <option value="">{t('software.version-unknown')}</option>
        {versions.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
        <option value={OTHER_VERSION}>{t('software.version-other')}</option>
      </select>
      <p id={`${id}-hint`} className="hint">
        {t('software.version-hint')}
      </p>
      {value.choice === OTHER_VERSION && (
        <div className="field field-nested">
          <label htmlFor={`${id}-typed`} className="field-label">
            {t('software.version-other-label')}
          </label>
          <input
            id={`${id}-typed`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            maxLength={32}
            value={value.typed}
            onChange={(e) => onChange({ choice: OTHER_VERSION, typed: e.target.value })}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {error && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
