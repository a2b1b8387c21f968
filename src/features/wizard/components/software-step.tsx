import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentEntry } from '@/store/kb-context.tsx';
import { useAppStore } from '@/store/store-context.tsx';
import { factOf, isFromPaste, roleOf, stepAfter, stepBefore } from '@/store/wizard-flow.ts';
import { useStepFocus } from '@/components/step-focus.tsx';
import { isChoice, isPlausibleVersion, versionsOf, type ChoiceList } from '../choices.ts';
import { ProductField } from './product-field.tsx';
import { VersionField, initialVersion, versionOf, type VersionValue } from './version-field.tsx';
import { WizardNav } from './wizard-nav.tsx';

export function SoftwareStep() {
  const { t } = useTranslation('wizard');
  const entry = useCurrentEntry();
  const walk = useAppStore((s) => s.walk);
  const navigate = useAppStore((s) => s.navigate);
  const heading = useStepFocus<HTMLHeadingElement>('software');
  const role = roleOf(walk);
  const isApp = role === 'app-sender';
  const productList: ChoiceList = isApp ? 'client' : 'mta';

  const knownProduct = factOf(walk, 'product');
  const knownEmitter = factOf(walk, 'emitter');
  const pasteProduct = isFromPaste(walk, 'product') && isChoice(productList, knownProduct) ? knownProduct : undefined;
  const pasteEmitter = isApp && isFromPaste(walk, 'emitter') && isChoice('emitter', knownEmitter) ? knownEmitter : undefined;

  const [product, setProduct] = useState(isChoice(productList, knownProduct) ? knownProduct : '');
  const [emitter, setEmitter] = useState(isChoice('emitter', knownEmitter) ? knownEmitter : '');
  const [editProduct, setEditProduct] = useState(false);
  const [editEmitter, setEditEmitter] = useState(false);
  const [version, setVersion] = useState<VersionValue>(() => initialVersion(factOf(walk, 'version'), versionsOf(isChoice(productList, knownProduct) ? knownProduct : undefined)));
  const [errors, setErrors] = useState<{ product?: boolean; emitter?: boolean; version?: boolean }>({});

  if (!entry) return null;
  const askProduct = pasteProduct === undefined || editProduct;
  const askEmitter = isApp && (pasteEmitter === undefined || editEmitter);
  const effectiveProduct = askProduct ? (isChoice(productList, product) ? product : undefined) : pasteProduct;
  const versions = versionsOf(effectiveProduct);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const typedVersion = versionOf(version);
    const next = {
      product: askProduct && !isChoice(productList, product),
      emitter: askEmitter && !isChoice('emitter', emitter),
      version: typedVersion !== undefined && !isPlausibleVersion(typedVersion),
    };
    setErrors(next);
    if (next.product || next.emitter || next.version || effectiveProduct === undefined) return;

    const answers: Record<string, string> = { ...walk.answers };
    if (askProduct) answers.product = effectiveProduct;
    if (askEmitter) answers.emitter = emitter;
    // The user's own server is the one that answered: it is the emitter.
    if (role === 'emitting-server' && (askProduct || factOf(walk, 'emitter') === undefined)) answers.emitter = effectiveProduct;
    const shownVersion = versions.length > 0 ? typedVersion : undefined;
    if (shownVersion === undefined) delete answers.version;
    else answers.version = shownVersion;
    const nextWalk = { answers, inferred: walk.inferred };
    navigate(stepAfter('software', entry.tree, nextWalk), nextWalk);
  };

  return (
    <form className="step-form" onSubmit={onSubmit} noValidate>
      <h2 id="step-heading" ref={heading} tabIndex={-1}>
        {isApp ? t('software.heading-app') : t('software.heading-server')}
      </h2>
      <p className="intro">{isApp ? t('software.intro-app') : t('software.intro-server')}</p>
      {isApp && (
        <ProductField
          list="emitter"
          label={t('software.emitter-label')}
          value={emitter}
          onChange={(v) => {
            setEmitter(v);
            setErrors((er) => ({ ...er, emitter: false }));
          }}
          known={askEmitter ? undefined : pasteEmitter}
          onEditKnown={() => setEditEmitter(true)}
          error={errors.emitter ? t('software.required') : undefined}
        />
      )}
      <ProductField
        list={productList}
        label={isApp ? t('software.client-label') : t('software.mta-label')}
        value={product}
        onChange={(v) => {
          setProduct(v);
          setVersion({ choice: '', typed: '' });
          setErrors((er) => ({ ...er, product: false }));
        }}
        known={askProduct ? undefined : pasteProduct}
        onEditKnown={() => setEditProduct(true)}
        error={errors.product ? t('software.required') : undefined}
      />
      {versions.length > 0 && (
        <VersionField
          versions={versions}
          value={version}
          onChange={(v) => {
            setVersion(v);
            setErrors((er) => ({ ...er, version: false }));
          }}
          error={errors.version ? t('software.version-invalid') : undefined}
        />
      )}
      <WizardNav onBack={() => navigate(stepBefore('software', entry.tree, walk).step)} />
    </form>
  );
}
