import { useId, type ReactNode } from 'react';

export interface RadioOption {
  readonly value: string;
  readonly label: string;
  readonly description?: string;
}

/**
 * Native radios in a fieldset: Tab enters the group, arrow keys move, Space selects, Enter submits the
 * surrounding form. `legend` may hold the step heading.
 */
export function RadioGroup({
  legend,
  name,
  options,
  value,
  onChange,
  help,
  error,
}: {
  legend: ReactNode;
  name: string;
  options: readonly RadioOption[];
  value: string | undefined;
  onChange: (value: string) => void;
  help?: ReactNode;
  error?: string | undefined;
}) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="radio-group" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {help && (
        <div id={helpId} className="help">
          {help}
        </div>
      )}
      <div className="options">
        {options.map((o) => {
          const optionId = `${id}-${o.value}`;
          return (
            <div className="option" key={o.value}>
              <input
                type="radio"
                id={optionId}
                name={name}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
                aria-describedby={o.description ? `${optionId}-desc` : undefined}
              />
              <div className="option-text">
                <label htmlFor={optionId} className="option-label">
                  {o.label}
                </label>
                {o.description && (
                  <span id={`${optionId}-desc`} className="option-description">
                    {o.description}
                  </span>
                )}
              </div>
            </div>
          );
        })}
      </div>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
