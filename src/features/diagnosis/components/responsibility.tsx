import { useTranslation } from 'react-i18next';
import type { Diagnosis } from '@/engine/index.ts';
import { findSummary } from '@/engine/kb/summary.ts';
import { CopyButton } from '@/components/copy-button.tsx';
import { localized, type Lang } from '@/i18n/lang.ts';
import { useKb } from '@/store/kb-context.tsx';
import { useAppStore } from '@/store/store-context.tsx';

const OWNER_TEXT = {
  'your-app': 'owner.your-app',
  'your-server': 'owner.your-server',
  'their-server': 'owner.their-server',
  'your-provider': 'owner.your-provider',
} as const;

/** Whose fault it is and, where someone else must act, who to contact with a ready message. */
export function Responsibility({ diagnosis, lang }: { diagnosis: Diagnosis; lang: Lang }) {
  const { t } = useTranslation('diagnosis');
  const cause = diagnosis.cause;
  if (!cause) return null;
  // The receiving side's operator is the user: nobody else to contact.
  const theirIsYours = diagnosis.role === 'emitting-server' && cause.owner === 'their-server';
  const ownerKey = theirIsYours ? 'owner.their-server-is-yours' : OWNER_TEXT[cause.owner];
  return (
    <section className="card" aria-labelledby="owner-heading">
      <h3 id="owner-heading">{t('owner.heading')}</h3>
      <p>{t(ownerKey)}</p>
      {cause.contact !== undefined && !theirIsYours && (
        <>
          <h4>{t('contact.heading')}</h4>
          <p>{localized(cause.contact.who, lang)}</p>
          <p className="muted">{t('contact.message')}</p>
          <pre className="message-template">{localized(cause.contact.message, lang)}</pre>
          <CopyButton text={localized(cause.contact.message, lang)} name={t('contact.message-name')} />
        </>
      )}
    </section>
  );
}

/** Entries often confused with this one, offered when the walk ends on a "not this one" leaf. */
export function Offers({ diagnosis, lang }: { diagnosis: Diagnosis; lang: Lang }) {
  const { t } = useTranslation('diagnosis');
  const kb = useKb();
  const setEntry = useAppStore((s) => s.setEntry);
  const navigate = useAppStore((s) => s.navigate);
  const walk = useAppStore((s) => s.walk);
  const offered = (diagnosis.resolution.leaf?.offer ?? []).flatMap((id) => {
    const e = findSummary(kb, id);
    return e ? [e] : [];
  });
  if (offered.length === 0) return null;
  const open = (id: string) => {
    // Keep what the user told us (role, software, emitter); the new entry's tree asks the rest.
    setEntry(id);
    navigate('questions', walk);
  };
  return (
    <section className="card" aria-labelledby="offer-heading">
      <h3 id="offer-heading">{t('offer.heading')}</h3>
      <p>{t('offer.intro')}</p>
      <ul>
        {offered.map((e) => (
          <li key={e.id}>
            <button type="button" className="button button-secondary" onClick={() => open(e.id)}>
              {t('offer.open', { title: localized(e.title, lang) })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Days between two ISO dates (YYYY-MM-DD). */
function daysBetween(from: string, to: Date): number {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Number.isNaN(start) ? 0 : Math.floor((to.getTime() - start) / 86_400_000);
}

/** Warns when the entry's receiver-policy facts were checked more than a year ago. */
export function StalePolicyWarning({ diagnosis, now }: { diagnosis: Diagnosis; now: Date }) {
  const { t } = useTranslation('diagnosis');
  const asOf = diagnosis.entry.meta.asOf;
  if (daysBetween(asOf, now) <= 365) return null;
  return (
    <p className="notice notice-warning" role="note">
      {t('stale.warning', { date: asOf })}
    </p>
  );
}
