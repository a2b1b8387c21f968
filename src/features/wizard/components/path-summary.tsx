import { useTranslation } from 'react-i18next';
import { isProductId, resolve } from '@/engine/index.ts';
import { localized } from '@/i18n/lang.ts';
import { useCurrentEntry } from '@/store/kb-context.tsx';
import { useAppStore } from '@/store/store-context.tsx';
import { factOf, isFromPaste, roleOf, wizardFacts } from '@/store/wizard-flow.ts';
import { ROLE_TEXT } from '../choices.ts';
import { useProductName } from '../use-product-name.ts';

interface Item {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly fromPaste: boolean;
  readonly onChange: () => void;
}

/** The answers so far, each with the way to change it, and a mark on those read from the paste. */
export function PathSummary() {
  const { t } = useTranslation('wizard');
  const entry = useCurrentEntry();
  const walk = useAppStore((s) => s.walk);
  const lang = useAppStore((s) => s.lang);
  const navigate = useAppStore((s) => s.navigate);
  const editFact = useAppStore((s) => s.editFact);
  const productName = useProductName();
  if (!entry) return null;

  const role = roleOf(walk);
  const isApp = role === 'app-sender';
  const items: Item[] = [];
  if (role) {
    items.push({ key: 'role', label: t('path.role'), value: t(ROLE_TEXT[role].short), fromPaste: isFromPaste(walk, 'role'), onChange: () => navigate('role') });
  }
  const emitter = factOf(walk, 'emitter');
  if (isApp && emitter !== undefined) {
    items.push({
      key: 'emitter',
      label: t('path.emitter'),
      value: isProductId(emitter) ? productName(emitter, 'emitter') : emitter,
      fromPaste: isFromPaste(walk, 'emitter'),
      onChange: () => navigate('software'),
    });
  }
  const product = factOf(walk, 'product');
  if (product !== undefined) {
    items.push({
      key: 'product',
      label: isApp ? t('path.client') : t('path.mta'),
      value: isProductId(product) ? productName(product, isApp ? 'client' : 'mta') : product,
      fromPaste: isFromPaste(walk, 'product'),
      onChange: () => navigate('software'),
    });
  }
  const version = factOf(walk, 'version');
  if (version !== undefined) {
    items.push({ key: 'version', label: t('path.version'), value: version, fromPaste: isFromPaste(walk, 'version'), onChange: () => navigate('software') });
  }
  const own = wizardFacts(role);
  for (const s of resolve(entry.tree, walk).path) {
    if (own.includes(s.node.fact)) continue;
    const option = s.node.options.find((o) => o.value === s.value);
    items.push({
      key: s.node.id,
      label: localized(s.node.question, lang),
      value: option ? localized(option.label, lang) : s.value,
      fromPaste: s.origin === 'paste',
      onChange: () => editFact(s.node.fact),
    });
  }
  if (items.length === 0) return null;

  return (
    <section className="path-summary" aria-labelledby="path-heading">
      <h2 id="path-heading">{t('path.heading')}</h2>
      <dl>
        {items.map((item) => (
          <div className="path-item" key={item.key}>
            <dt>{item.label}</dt>
            <dd>
              <span className="path-value">{item.value}</span>
              {item.fromPaste && <span className="badge badge-paste">{t('known.badge')}</span>}
              <button type="button" className="button button-link" aria-label={t('nav.change-named', { name: item.label })} onClick={item.onChange}>
                {t('nav.change')}
              </button>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
