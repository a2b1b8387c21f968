import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isRole, type Role } from '@/engine/index.ts';
import { useCurrentEntry } from '@/store/kb-context.tsx';
import { useAppStore } from '@/store/store-context.tsx';
import { roleOf, stepBefore } from '@/store/wizard-flow.ts';
import { RadioGroup } from '@/components/radio-group.tsx';
import { useStepFocus } from '@/components/step-focus.tsx';
import { ROLES, ROLE_TEXT } from '../choices.ts';
import { WizardNav } from './wizard-nav.tsx';

/** Facts that depend on the role: a new role asks for them again. */
const ROLE_DEPENDENT = ['product', 'version', 'emitter'];

export function RoleStep() {
  const { t } = useTranslation('wizard');
  const entry = useCurrentEntry();
  const walk = useAppStore((s) => s.walk);
  const navigate = useAppStore((s) => s.navigate);
  const current = roleOf(walk);
  const [selected, setSelected] = useState<Role | undefined>(current);
  const [error, setError] = useState(false);
  const heading = useStepFocus<HTMLHeadingElement>('role');
  if (!entry) return null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!selected) {
      setError(true);
      return;
    }
    const answers: Record<string, string> = {};
    for (const [k, v] of Object.entries(walk.answers)) {
      if (selected === current || !ROLE_DEPENDENT.includes(k)) answers[k] = v;
    }
    // Confirming the role the paste gave keeps it marked as read from the paste.
    if (!(walk.answers.role === undefined && walk.inferred.role === selected)) answers.role = selected;
    navigate('software', { answers, inferred: walk.inferred });
  };

  return (
    <form className="step-form" onSubmit={onSubmit} noValidate>
      <RadioGroup
        legend={
          <h2 id="step-heading" ref={heading} tabIndex={-1}>
            {t('role.heading')}
          </h2>
        }
        name="role"
        options={ROLES.map((r) => ({ value: r, label: t(ROLE_TEXT[r].label), description: t(ROLE_TEXT[r].description) }))}
        value={selected}
        onChange={(v) => {
          if (isRole(v)) setSelected(v);
          setError(false);
        }}
        error={error ? t('role.required') : undefined}
      />
      <WizardNav onBack={() => navigate(stepBefore('role', entry.tree, walk).step)} />
    </form>
  );
}
