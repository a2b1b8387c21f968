import { useTranslation } from 'react-i18next';
import { useAnnounce } from './announcer.tsx';
import { copyText } from './copy-text.ts';

/** A "Copy" button whose accessible name says what it copies; the result is announced. */
export function CopyButton({ text, name, label, className }: { text: string | (() => string); name: string; label?: string; className?: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const onClick = async () => {
    const ok = await copyText(typeof text === 'function' ? text() : text);
    announce(ok ? t('copy.done') : t('copy.failed'));
  };
  return (
    <button type="button" className={className ?? 'button button-small'} aria-label={label === undefined ? t('actions.copy-named', { name }) : undefined} onClick={() => void onClick()}>
      {label ?? t('actions.copy')}
    </button>
  );
}
