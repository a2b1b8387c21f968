import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { resolve, type QuestionNode, type Tree } from '@/engine/index.ts';
import { localized } from '@/i18n/lang.ts';
import { useCurrentEntry } from '@/store/kb-context.tsx';
import { useAppStore } from '@/store/store-context.tsx';
import { factOf, stepAfter, stepBefore } from '@/store/wizard-flow.ts';
import { RadioGroup } from '@/components/radio-group.tsx';
import { useStepFocus } from '@/components/step-focus.tsx';
import { WizardNav } from './wizard-nav.tsx';

function QuestionForm({ tree, node, initial, editing }: { tree: Tree; node: QuestionNode; initial: string | undefined; editing: boolean }) {
  const { t } = useTranslation('wizard');
  const lang = useAppStore((s) => s.lang);
  const walk = useAppStore((s) => s.walk);
  const navigate = useAppStore((s) => s.navigate);
  const [selected, setSelected] = useState(node.options.some((o) => o.value === initial) ? initial : undefined);
  const [error, setError] = useState(false);
  const heading = useStepFocus<HTMLHeadingElement>(`question:${node.id}`);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (selected === undefined) {
      setError(true);
      return;
    }
    const next = { answers: { ...walk.answers, [node.fact]: selected }, inferred: walk.inferred };
    navigate(stepAfter('questions', tree, next), next);
  };
  const onBack = () => {
    if (editing) navigate(stepAfter('questions', tree, walk));
    else {
      const back = stepBefore('questions', tree, walk);
      navigate(back.step, back.walk);
    }
  };

  return (
    <form className="step-form" onSubmit={onSubmit} noValidate>
      <RadioGroup
        legend={
          <h2 id="step-heading" ref={heading} tabIndex={-1}>
            {localized(node.question, lang)}
          </h2>
        }
        name={`q-${node.id}`}
        options={node.options.map((o) => ({ value: o.value, label: localized(o.label, lang) }))}
        value={selected}
        onChange={(v) => {
          setSelected(v);
          setError(false);
        }}
        help={
          node.help && (
            <p>
              <span className="help-label">{t('question.help')}</span> {localized(node.help, lang)}
            </p>
          )
        }
        error={error ? t('question.required') : undefined}
      />
      <WizardNav onBack={onBack} />
    </form>
  );
}

export function QuestionStep() {
  const { t } = useTranslation('wizard');
  const entry = useCurrentEntry();
  const walk = useAppStore((s) => s.walk);
  const editingFact = useAppStore((s) => s.editingFact);
  const navigate = useAppStore((s) => s.navigate);
  const heading = useStepFocus<HTMLHeadingElement>('questions:done');
  if (!entry) return null;
  const resolution = resolve(entry.tree, walk);
  const editing = editingFact === null ? undefined : resolution.path.find((s) => s.node.fact === editingFact);
  const node = editing?.node ?? resolution.current;
  if (node) return <QuestionForm key={node.id} tree={entry.tree} node={node} initial={editing?.value ?? factOf(walk, node.fact)} editing={editing !== undefined} />;
  return (
    <div className="step-form">
      <h2 id="step-heading" ref={heading} tabIndex={-1}>
        {t('question.done-heading')}
      </h2>
      <p>{t('question.done-text')}</p>
      <div className="wizard-nav">
        <button type="button" className="button button-primary" onClick={() => navigate('diagnosis')}>
          {t('nav.see-diagnosis')}
        </button>
      </div>
    </div>
  );
}
