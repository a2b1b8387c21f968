import { useTranslation } from 'react-i18next';
import type { NoticeCode } from '@/store/notice-slice.ts';
import { useAppStore } from '@/store/store-context.tsx';

const NOTICE_TEXT = {
  'storage-corrupt': 'notice.storage-corrupt',
  'storage-invalid': 'notice.storage-invalid',
  'storage-unavailable': 'notice.storage-unavailable',
  'storage-write-failed': 'notice.storage-write-failed',
  'link-invalid': 'notice.link-invalid',
} as const satisfies Record<NoticeCode, string>;

export function Notices() {
  const { t } = useTranslation();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  return (
    <div className="notices" aria-live="polite" aria-label={t('notice.region')} role="region">
      {notices.map((code) => (
        <div className="notice" key={code}>
          <p>{t(NOTICE_TEXT[code])}</p>
          <button type="button" className="button button-small" aria-label={t('notice.dismiss')} onClick={() => dismiss(code)}>
            {t('actions.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
