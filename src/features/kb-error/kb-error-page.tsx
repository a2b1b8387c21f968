import { useTranslation } from 'react-i18next';

/** Shown instead of the wizard when the bundled knowledge base fails validation: never a blank page. */
export function KbErrorPage({ errors }: { errors: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <section className="card kb-error" aria-labelledby="kb-error-heading">
      <h2 id="kb-error-heading">{t('kb-error.heading')}</h2>
      <p>{t('kb-error.intro')}</p>
      <h3>{t('kb-error.list-label', { n: errors.length })}</h3>
      <ul className="kb-error-list">
        {errors.map((e, i) => (
          // The loader's messages are for the developer who packaged the app; they stay in English.
          <li key={i} lang="en">
            <code>{e}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
