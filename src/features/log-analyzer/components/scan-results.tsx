import { lazy, Suspense, useId, useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Counted, ProblemGroup, ScanSummary } from '@/engine/logscan/types.ts';
import { formatList, formatNumber } from '@/i18n/format.ts';
import { localized, type Lang } from '@/i18n/lang.ts';
import type { KbSource } from '@/store/kb-source.ts';
import { formatShortTime, formatTime } from '../format.ts';
import { FORMAT_KEY, OUTCOME_KEY, OUTCOMES } from '../labels.ts';

/** Hosts, domains and IPs shown per group (the page-wide lists show more). */
const GROUP_TOP = 3;

// uPlot is fetched with the chart, after a summary exists: never part of the first load.
const TimelineChart = lazy(() => import('./timeline-chart.tsx'));

interface Props {
  readonly summary: ScanSummary;
  readonly lang: Lang;
  readonly kb: KbSource;
  readonly onDiagnose: (group: ProblemGroup) => void;
  /** The overview's heading, focused when the results replace the progress. */
  readonly headingRef?: RefObject<HTMLHeadingElement | null>;
}

function Totals({ summary, lang, headingRef }: { summary: ScanSummary; lang: Lang; headingRef: RefObject<HTMLHeadingElement | null> | undefined }) {
  const { t } = useTranslation('analyzer');
  const from = formatTime(summary.firstTime, lang);
  const to = formatTime(summary.lastTime, lang);
  const n = (v: number) => formatNumber(v, lang);
  return (
    <section className="card" aria-labelledby="scan-totals">
      <h3 id="scan-totals" ref={headingRef} tabIndex={-1}>
        {t('totals.heading')}
      </h3>
      <dl className="entry-facts">
        <dt>{t('totals.format')}</dt>
        <dd>{t(FORMAT_KEY[summary.format])}</dd>
        <dt>{t('totals.lines')}</dt>
        <dd>{n(summary.lines)}</dd>
        <dt>{t('totals.unread')}</dt>
        <dd>{n(summary.unreadLines)}</dd>
        <dt>{t('totals.long')}</dt>
        <dd>{n(summary.skippedLongLines)}</dd>
        <dt>{t('totals.span')}</dt>
        <dd>{from !== null && to !== null ? t('totals.span-value', { from, to }) : t('totals.none')}</dd>
        <dt>{t('totals.messages')}</dt>
        <dd>{n(summary.queue.messages)}</dd>
      </dl>
      {summary.unreadSamples.length > 0 && (
        <details className="scan-details">
          <summary>{t('totals.unread-samples')}</summary>
          <ul className="sample-lines">
            {summary.unreadSamples.map((s) => (
              <li key={s.line}>
                <span className="muted">{n(s.line)}</span> <code>{s.text}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      <h3 id="scan-outcomes">{t('outcome.heading')}</h3>
      <ul className="outcome-list" aria-labelledby="scan-outcomes">
        {OUTCOMES.map((o) => (
          <li key={o} className={`outcome outcome-${o}`}>
            <span className="outcome-count">{n(summary.outcomes[o])}</span> <span>{t(OUTCOME_KEY[o])}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Timeline({ summary, lang }: { summary: ScanSummary; lang: Lang }) {
  const { t } = useTranslation('analyzer');
  const id = useId();
  const { buckets, bucketSeconds } = summary.timeline;
  const names = useMemo(
    () => ({
      delivered: t(OUTCOME_KEY.delivered),
      deferred: t(OUTCOME_KEY.deferred),
      bounced: t(OUTCOME_KEY.bounced),
      rejected: t(OUTCOME_KEY.rejected),
      expired: t(OUTCOME_KEY.expired),
    }),
    [t],
  );
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('chart.heading')}</h3>
      {buckets.length === 0 ? (
        <p className="muted">{t('chart.empty')}</p>
      ) : (
        <>
          <p className="visually-hidden">{t('chart.label')}</p>
          <Suspense fallback={<div className="timeline-chart" aria-hidden="true" />}>
            <TimelineChart buckets={buckets} lang={lang} names={names} />
          </Suspense>
          <details className="scan-details">
            <summary>{t('chart.table')}</summary>
            <div className="table-scroll">
              <table className="data-table">
                <caption>{t('chart.caption', { minutes: formatNumber(Math.round(bucketSeconds / 6) / 10, lang) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('chart.time')}</th>
                    {OUTCOMES.map((o) => (
                      <th key={o} scope="col">{names[o]}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {buckets.map((b) => (
                    <tr key={b.t}>
                      <th scope="row">{formatShortTime(Date.parse(b.t), lang)}</th>
                      {OUTCOMES.map((o) => (
                        <td key={o}>{formatNumber(b[o], lang)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}

function GroupRow({ group, lang, kb, onDiagnose }: { group: ProblemGroup; lang: Lang; kb: KbSource; onDiagnose: (g: ProblemGroup) => void }) {
  const { t } = useTranslation('analyzer');
  const entry = kb.summary(group.entry);
  const title = entry ? localized(entry.title, lang) : t('groups.unknown-entry', { id: group.entry });
  const causeTitle = (id: string) => {
    const cause = entry?.causes.find((c) => c.id === id);
    return cause ? localized(cause.title, lang) : id;
  };
  const codes = [group.code === null ? '' : String(group.code), group.enhanced ?? ''].filter((c) => c !== '').join(' ');
  const involved = (
    [
      [t('top.hosts'), group.topRemoteHosts],
      [t('top.domains'), group.topRecipientDomains],
      [t('top.ips'), group.topClientIps],
    ] as const
  ).filter(([, items]) => items.length > 0);
  return (
    <>
      <tr className="group-row">
        <td>
          {title}
          {codes !== '' && <div className="muted">{codes}</div>}
        </td>
        <td>
          {group.cause !== null ? (
            causeTitle(group.cause)
          ) : (
            <>
              {t('groups.several')}
              {group.candidates.length > 0 && (
                <ul className="candidate-titles">
                  {group.candidates.map((c) => (
                    <li key={c}>{causeTitle(c)}</li>
                  ))}
                </ul>
              )}
            </>
          )}
        </td>
        <td className="num">{formatNumber(group.count, lang)}</td>
        <td>{formatTime(group.firstSeen, lang) ?? '—'}</td>
        <td>{formatTime(group.lastSeen, lang) ?? '—'}</td>
        <td>
          {entry && (
            <button type="button" className="button button-primary" aria-label={t('groups.diagnose-label', { title })} onClick={() => onDiagnose(group)}>
              {t('groups.diagnose')}
            </button>
          )}
        </td>
      </tr>
      {(group.samples.length > 0 || involved.length > 0) && (
        <tr className="group-samples">
          <td colSpan={6}>
            {involved.length > 0 && (
              <dl className="group-involved">
                {involved.map(([label, items]) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{formatList(items.slice(0, GROUP_TOP).map((c) => t('top.item', { value: c.value, n: formatNumber(c.count, lang) })), lang)}</dd>
                  </div>
                ))}
              </dl>
            )}
            <span className="visually-hidden">{t('groups.samples')}</span>
            <ul className="sample-lines">
              {group.samples.map((s) => (
                <li key={s.line}>
                  <code>{s.text}</code>
                </li>
              ))}
            </ul>
          </td>
        </tr>
      )}
    </>
  );
}

function Groups({ summary, lang, kb, onDiagnose }: Omit<Props, 'headingRef'>) {
  const { t } = useTranslation('analyzer');
  return (
    <section className="card" aria-labelledby="scan-groups">
      <h3 id="scan-groups">{t('groups.heading')}</h3>
      {summary.groups.length === 0 ? (
        <p className="muted">{t('groups.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table groups-table" aria-labelledby="scan-groups">
            <thead>
              <tr>
                <th scope="col">{t('groups.entry')}</th>
                <th scope="col">{t('groups.cause')}</th>
                <th scope="col">{t('groups.count')}</th>
                <th scope="col">{t('groups.first')}</th>
                <th scope="col">{t('groups.last')}</th>
                <th scope="col"><span className="visually-hidden">{t('groups.diagnose')}</span></th>
              </tr>
            </thead>
            <tbody>
              {summary.groups.map((g) => (
                <GroupRow key={`${g.entry}|${g.cause ?? g.candidates.join(',')}|${g.outcome ?? ''}`} group={g} lang={lang} kb={kb} onDiagnose={onDiagnose} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function TopList({ heading, items, lang }: { heading: string; items: readonly Counted[]; lang: Lang }) {
  const { t } = useTranslation('analyzer');
  const id = useId();
  return (
    <div>
      <h4 id={id}>{heading}</h4>
      {items.length === 0 ? (
        <p className="muted">{t('top.empty')}</p>
      ) : (
        <ol className="top-list" aria-labelledby={id}>
          {items.map((c) => (
            <li key={c.value}>{t('top.item', { value: c.value, n: formatNumber(c.count, lang) })}</li>
          ))}
        </ol>
      )}
    </div>
  );
}

function Deferred({ summary, lang }: { summary: ScanSummary; lang: Lang }) {
  const { t } = useTranslation('analyzer');
  const { stillDeferred, stillDeferredCount } = summary.queue;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <section className="card" aria-labelledby="scan-deferred">
      <h3 id="scan-deferred">{t('deferred.heading')}</h3>
      {stillDeferredCount === 0 ? (
        <p className="muted">{t('deferred.none')}</p>
      ) : (
        <>
          <p>{t('deferred.intro', { n: n(stillDeferredCount) })}</p>
          {stillDeferred.length < stillDeferredCount && <p className="muted">{t('deferred.shown', { shown: n(stillDeferred.length), n: n(stillDeferredCount) })}</p>}
          <div className="table-scroll">
            <table className="data-table" aria-labelledby="scan-deferred">
              <thead>
                <tr>
                  <th scope="col">{t('deferred.queue-id')}</th>
                  <th scope="col">{t('deferred.recipients')}</th>
                  <th scope="col">{t('deferred.attempts')}</th>
                  <th scope="col">{t('deferred.since')}</th>
                  <th scope="col">{t('deferred.bounces-at')}</th>
                  <th scope="col">{t('deferred.last-text')}</th>
                </tr>
              </thead>
              <tbody>
                {stillDeferred.map((m) => (
                  <tr key={m.queueId}>
                    <th scope="row"><code>{m.queueId}</code></th>
                    <td>{m.recipients.join(', ')}</td>
                    <td className="num">{n(m.attempts)}</td>
                    <td>{formatTime(m.firstSeen, lang) ?? t('deferred.unknown')}</td>
                    <td>{formatTime(m.bouncesAt, lang) ?? t('deferred.unknown')}</td>
                    <td>{m.lastText === null ? '—' : <code>{m.lastText}</code>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** Everything a finished scan shows. */
export function ScanResults(props: Props) {
  const { t } = useTranslation('analyzer');
  const { summary, lang } = props;
  return (
    <div className="scan-results">
      <Totals summary={summary} lang={lang} headingRef={props.headingRef} />
      <Timeline summary={summary} lang={lang} />
      <Groups {...props} />
      <section className="card" aria-labelledby="scan-top">
        <h3 id="scan-top">{t('top.heading')}</h3>
        <div className="top-lists">
          <TopList heading={t('top.hosts')} items={summary.topRemoteHosts} lang={lang} />
          <TopList heading={t('top.domains')} items={summary.topRecipientDomains} lang={lang} />
          <TopList heading={t('top.ips')} items={summary.topClientIps} lang={lang} />
        </div>
      </section>
      <Deferred summary={summary} lang={lang} />
    </div>
  );
}
