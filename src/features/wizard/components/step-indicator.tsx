import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/store-context.tsx';
import { WIZARD_STEPS, isFromPaste, type WizardStep } from '@/store/wizard-flow.ts';

const STEP_TEXT = {
  paste: 'steps.paste',
  role: 'steps.role',
  software: 'steps.software',
  questions: 'steps.questions',
  diagnosis: 'steps.diagnosis',
} as const satisfies Record<WizardStep, string>;

const STATUS_TEXT = {
  done: 'steps.status-done',
  known: 'steps.status-known',
  current: 'steps.status-current',
  todo: 'steps.status-todo',
} as const;

export function StepIndicator() {
  const { t } = useTranslation('wizard');
  const step = useAppStore((s) => s.step);
  const roleFromPaste = useAppStore((s) => isFromPaste(s.walk, 'role'));
  const current = WIZARD_STEPS.indexOf(step);
  return (
    <nav className="steps" aria-label={t('steps.label')}>
      <ol>
        {WIZARD_STEPS.map((s, i) => {
          const status = i < current ? (s === 'role' && roleFromPaste ? 'known' : 'done') : i === current ? 'current' : 'todo';
          return (
            <li key={s} className={`step step-${status}`} aria-current={i === current ? 'step' : undefined}>
              <span className="step-number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="step-label">{t(STEP_TEXT[s])}</span>
              <span className="visually-hidden">{t(STATUS_TEXT[status])}</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
