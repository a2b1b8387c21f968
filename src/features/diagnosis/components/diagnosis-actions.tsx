import { useTranslation } from 'react-i18next';
import type { Diagnosis } from '@/engine/index.ts';
import type { Lang } from '@/i18n/lang.ts';
import { useAppStoreApi, useAppStore } from '@/store/store-context.tsx';
import { useAnnounce } from '@/components/announcer.tsx';
import { CopyButton } from '@/components/copy-button.tsx';
import { downloadText } from '../download.ts';
import { renderMarkdown } from '../markdown-adapter.ts';
import { shareUrl } from '../share-url.ts';

export function DiagnosisActions({ diagnosis, lang }: { diagnosis: Diagnosis; lang: Lang }) {
  const { t } = useTranslation('diagnosis');
  const api = useAppStoreApi();
  const startOver = useAppStore((s) => s.startOver);
  const summary = useAppStore((s) => s.summary);
  const announce = useAnnounce();
  const currentUrl = () => {
    const s = api.getState();
    return shareUrl(s.entryId, s.step, s.walk);
  };
  const onExport = async () => {
    const markdown = await renderMarkdown(diagnosis, lang, currentUrl(), summary?.findings ?? []);
    const file = `smtp-doctor-${diagnosis.cause?.id ?? 'diagnosis'}.md`;
    announce(downloadText(file, markdown) ? t('actions.export-done', { file }) : t('actions.export-failed'));
  };
  return (
    <section className="card actions" aria-labelledby="actions-heading">
      <h3 id="actions-heading">{t('actions.heading')}</h3>
      <div className="action-row">
        <CopyButton text={currentUrl} name={t('actions.share')} label={t('actions.share')} className="button button-secondary" doneMessage={t('actions.share-done')} />
        <button type="button" className="button button-secondary" onClick={() => void onExport()}>
          {t('actions.export')}
        </button>
        <button type="button" className="button button-link" onClick={startOver}>
          {t('actions.start-over')}
        </button>
      </div>
      <p className="hint">{t('actions.privacy')}</p>
    </section>
  );
}
