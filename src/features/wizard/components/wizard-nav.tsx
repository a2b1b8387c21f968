import { useTranslation } from 'react-i18next';

/** Back and the form's submit button, in that order for the tab sequence. */
export function WizardNav({ onBack, submitLabel }: { onBack?: () => void; submitLabel?: string }) {
  const { t } = useTranslation('wizard');
  return (
    <div className="wizard-nav">
      {onBack && (
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('nav.back')}
        </button>
      )}
      <button type="submit" className="button button-primary">
        {submitLabel ?? t('nav.next')}
      </button>
    </div>
  );
}
