import { useTranslation } from 'react-i18next';
import type { Diagnosis } from '@/engine/index.ts';
import { ACTOR_TEXT, REASON_TEXT } from '@/i18n/engine-labels.ts';
import { formatList } from '@/i18n/format.ts';
import { localized, type Lang } from '@/i18n/lang.ts';
import { CodeBlock } from '@/components/code-block.tsx';

function WhoMustAct({ diagnosis, lang }: { diagnosis: Diagnosis; lang: Lang }) {
  const { t } = useTranslation('diagnosis');
  const { t: tc } = useTranslation('common');
  const cause = diagnosis.cause;
  if (!cause) return null;
  const role = diagnosis.role;
  const names = (roles: readonly (typeof cause.actors)[number][]) => formatList(roles.map((r) => tc(ACTOR_TEXT[r])), lang);
  const others = cause.actors.filter((a) => a !== role);
  let text: string;
  if (role === undefined) text = t('act.unknown-role', { actors: names(cause.actors) });
  else if (!cause.actors.includes(role)) text = t('act.not-you', { actors: names(cause.actors) });
  else if (others.length > 0) text = t('act.you-and-others', { others: names(others) });
  else text = t('act.you-only');
  return (
    <div className="who-acts">
      <h4>{t('act.heading')}</h4>
      <p>{text}</p>
    </div>
  );
}

export function CauseSection({ diagnosis, lang }: { diagnosis: Diagnosis; lang: Lang }) {
  const { t } = useTranslation('diagnosis');
  const { t: tc } = useTranslation('common');
  const cause = diagnosis.cause;
  if (!cause) return null;
  return (
    <>
      <section className="card cause" aria-labelledby="cause-heading">
        <p className="eyebrow">{t('cause.eyebrow')}</p>
        <h3 id="cause-heading">{localized(cause.title, lang)}</h3>
        <p className="muted">
          {t('cause.family', { title: localized(diagnosis.entry.title, lang) })} · {t('cause.reason', { reason: tc(REASON_TEXT[cause.reason]) })}
        </p>
        <p>{localized(cause.explanation, lang)}</p>
        <WhoMustAct diagnosis={diagnosis} lang={lang} />
      </section>
      <section className="card" aria-labelledby="confirm-heading">
        <h3 id="confirm-heading">{t('confirm.heading')}</h3>
        <ol className="check-list">
          {cause.confirm.map((c, i) => (
            <li key={i}>
              <p>{localized(c.text, lang)}</p>
              {c.command !== undefined && <CodeBlock code={c.command} name={t('confirm.command-name', { n: i + 1 })} />}
              {c.expect && (
                <p className="expect">
                  <span className="expect-label">{t('confirm.expect')}</span> {localized(c.expect, lang)}
                </p>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
