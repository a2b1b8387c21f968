import { useTranslation } from 'react-i18next';
import { productInfo, type Finding } from '@/engine/index.ts';
import { findSummary, type KbIndex } from '@/engine/kb/summary.ts';
import { REASON_TEXT } from '@/i18n/engine-labels.ts';
import { formatNumber, formatPercent } from '@/i18n/format.ts';
import { localized, type Lang } from '@/i18n/lang.ts';
import type { InputSummary } from '@/store/input-slice.ts';

function findingTitle(kb: KbIndex, f: Finding, lang: Lang): string | undefined {
  const entry = findSummary(kb, f.entry);
  const cause = f.cause === undefined ? undefined : entry?.causes.find((c) => c.id === f.cause);
  return cause ? localized(cause.title, lang) : entry ? localized(entry.title, lang) : undefined;
}

function candidateTitles(kb: KbIndex, f: Finding, lang: Lang): string[] {
  const entry = findSummary(kb, f.entry);
  return f.candidates.flatMap((id) => {
    const cause = entry?.causes.find((c) => c.id === id);
    return cause ? [localized(cause.title, lang)] : [];
  });
}

/** The line with the part the signature matched marked; text only, never HTML. */
function MatchedText({ text, matched }: { text: string; matched: string | undefined }) {
  const at = matched === undefined || matched === '' ? -1 : text.indexOf(matched);
  if (matched === undefined || at < 0) return <code>{text}</code>;
  return (
    <code>
      {text.slice(0, at)}
      <mark>{matched}</mark>
      {text.slice(at + matched.length)}
    </code>
  );
}

export function FindingsList({ kb, summary, lang, onChoose }: { kb: KbIndex; summary: InputSummary; lang: Lang; onChoose: (index: number) => void }) {
  const { t } = useTranslation('wizard');
  const { t: tc } = useTranslation('common');
  return (
    <section className="findings" aria-labelledby="findings-heading">
      <h3 id="findings-heading">{t('paste.results-heading')}</h3>
      <p className="muted">{t('paste.results-summary', { lines: formatNumber(summary.lines, lang), matches: formatNumber(summary.findings.length, lang) })}</p>
      {summary.findings.length === 0 ? (
        <p>{t('paste.no-findings')}</p>
      ) : (
        <ol className="finding-list">
          {summary.findings.map((f, i) => {
            const title = findingTitle(kb, f, lang);
            const candidates = f.cause === undefined ? candidateTitles(kb, f, lang) : [];
            const chosen = i === summary.chosen;
            return (
              <li key={`${f.signature ?? 'code'}-${f.line ?? 0}-${i}`} className={chosen ? 'finding finding-chosen' : 'finding'}>
                <div className="finding-head">
                  <span className="reply-code">{[f.code, f.enhanced].filter((x) => x !== undefined).join(' ')}</span>
                  {title !== undefined && <strong className="finding-title">{title}</strong>}
                  {chosen && <span className="badge badge-ok">{t('paste.used-finding')}</span>}
                </div>
                <dl className="facts-grid">
                  <div>
                    <dt>{t('paste.finding-code')}</dt>
                    <dd>{f.code ?? t('paste.unknown')}</dd>
                  </div>
                  <div>
                    <dt>{t('paste.finding-enhanced')}</dt>
                    <dd>{f.enhanced ?? t('paste.unknown')}</dd>
                  </div>
                  <div>
                    <dt>{t('paste.finding-emitter')}</dt>
                    <dd>{f.source === undefined ? t('paste.unknown') : productInfo(f.source).name}</dd>
                  </div>
                  <div>
                    <dt>{t('paste.finding-reason')}</dt>
                    <dd>{tc(REASON_TEXT[f.reason])}</dd>
                  </div>
                  <div>
                    <dt>{t('paste.finding-confidence')}</dt>
                    <dd>{formatPercent(f.confidence, lang)}</dd>
                  </div>
                  {f.recipient !== undefined && (
                    <div>
                      <dt>{t('paste.finding-recipient')}</dt>
                      <dd><code>{f.recipient}</code></dd>
                    </div>
                  )}
                  {f.line !== undefined && f.recipient === undefined && (
                    <div>
                      <dt>{t('paste.finding-line')}</dt>
                      <dd>{formatNumber(f.line, lang)}</dd>
                    </div>
                  )}
                </dl>
                {candidates.length > 0 && (
                  <div className="finding-candidates">
                    <span>{t('paste.finding-candidates')}</span>
                    <ul>
                      {candidates.map((c) => (
                        <li key={c}>{c}</li>
                      ))}
                    </ul>
                  </div>
                )}
                <p className="finding-matched-label">
                  {t('paste.finding-matched')}
                  {f.count > 1 && <span className="muted"> {t('paste.finding-count', { n: formatNumber(f.count, lang) })}</span>}
                </p>
                <pre className="matched" tabIndex={0} aria-label={t('paste.finding-matched')}>
                  <MatchedText text={f.text} matched={f.matched} />
                </pre>
                {!chosen && (
                  <button type="button" className="button button-small" onClick={() => onChoose(i)}>
                    {t('paste.use-finding', { n: formatNumber(i + 1, lang) })}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
