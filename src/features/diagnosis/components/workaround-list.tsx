import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generateSnippets, productInfo, productsFor, type Diagnosis, type ProductId, type SnippetParams } from '@/engine/index.ts';
import { ACTOR_TEXT } from '@/i18n/engine-labels.ts';
import { formatList } from '@/i18n/format.ts';
import { localized, type Lang } from '@/i18n/lang.ts';
import { CodeBlock } from '@/components/code-block.tsx';
import { FigureText } from './figure-text.tsx';
import { SnippetBlock } from './snippet-block.tsx';

interface Target {
  readonly product: ProductId | undefined;
  readonly version: string;
}

/** Product and version the snippets are written for; starts at the user's, switchable to any other. */
function SnippetTarget({ products, target, onChange }: { products: readonly ProductId[]; target: Target; onChange: (t: Target) => void }) {
  const { t } = useTranslation('diagnosis');
  const id = useId();
  const versions = target.product ? productInfo(target.product).versions : [];
  const custom = target.version !== '' && !versions.includes(target.version);
  return (
    <fieldset className="snippet-target">
      <legend>{t('snippets.for')}</legend>
      <div className="inline-fields">
        <div className="field">
          <label htmlFor={`${id}-product`} className="field-label">
            {t('snippets.product')}
          </label>
          <select id={`${id}-product`} value={target.product ?? ''} onChange={(e) => onChange({ product: products.find((p) => p === e.target.value), version: '' })}>
            {products.map((p) => (
              <option key={p} value={p}>
                {p === 'other' ? t('snippets.product-other') : productInfo(p).name}
              </option>
            ))}
          </select>
        </div>
        {versions.length > 0 && (
          <div className="field">
            <label htmlFor={`${id}-version`} className="field-label">
              {t('snippets.version')}
            </label>
            <select id={`${id}-version`} value={target.version} onChange={(e) => onChange({ product: target.product, version: e.target.value })}>
              <option value="">{t('snippets.version-any')}</option>
              {custom && <option value={target.version}>{target.version}</option>}
              {versions.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
    </fieldset>
  );
}

export function WorkaroundList({ diagnosis, params, lang }: { diagnosis: Diagnosis; params: SnippetParams; lang: Lang }) {
  const { t } = useTranslation('diagnosis');
  const { t: tc } = useTranslation('common');
  const ids = [...new Set(diagnosis.workarounds.flatMap((w) => w.workaround.snippets))];
  const products = productsFor(ids);
  const [target, setTarget] = useState<Target>(() => ({
    product: diagnosis.product !== undefined && products.includes(diagnosis.product) ? diagnosis.product : products[0],
    version: diagnosis.version ?? '',
  }));
  const productName = target.product === undefined ? '' : target.product === 'other' ? t('snippets.product-other') : productInfo(target.product).name;

  return (
    <section className="card" aria-labelledby="workarounds-heading">
      <h3 id="workarounds-heading">{t('workarounds.heading')}</h3>
      {diagnosis.workarounds.length === 0 ? (
        <p>{t('workarounds.none')}</p>
      ) : (
        <>
          <p className="muted">{t('workarounds.intro')}</p>
          {products.length > 0 && <SnippetTarget products={products} target={target} onChange={setTarget} />}
          <ol className="workarounds">
            {diagnosis.workarounds.map(({ workaround: w, forYou }) => {
              const snippets = target.product ? generateSnippets(w.snippets, { product: target.product, version: target.version === '' ? undefined : target.version, params, lang }) : [];
              return (
                <li key={w.id} className="workaround">
                  <div className="workaround-head">
                    <h4>{localized(w.title, lang)}</h4>
                    <span className={forYou ? 'badge badge-ok' : 'badge'}>
                      {forYou ? t('workarounds.for-you') : t('workarounds.for-others', { actors: formatList(w.actors.map((a) => tc(ACTOR_TEXT[a])), lang) })}
                    </span>
                  </div>
                  <FigureText figure={w.successRate} kind="success" lang={lang} />
                  <ol className="steps-list">
                    {w.steps.map((s, i) => (
                      <li key={i}>{localized(s, lang)}</li>
                    ))}
                  </ol>
                  {snippets.map((s) => (
                    <SnippetBlock key={s.id} snippet={s} lang={lang} />
                  ))}
                  {w.snippets.length > 0 && snippets.length === 0 && target.product !== undefined && <p className="muted">{t('snippets.none', { product: productName })}</p>}
                  <div className="verify">
                    <h5>{t('workarounds.verify')}</h5>
                    <ul>
                      {w.verify.map((v, i) => (
                        <li key={i}>
                          <p>{localized(v.text, lang)}</p>
                          {v.command !== undefined && <CodeBlock code={v.command} name={t('workarounds.verify-command-name', { title: localized(w.title, lang), n: i + 1 })} />}
                          {v.expect && (
                            <p className="expect">
                              <span className="expect-label">{t('confirm.expect')}</span> {localized(v.expect, lang)}
                            </p>
                          )}
                        </li>
                      ))}
                    </ul>
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
