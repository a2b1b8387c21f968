import { useTranslation } from 'react-i18next';
import { useAnnounce } from './announcer.tsx';
import { copyText } from './copy-text.ts';

/** A "Copy" button whose accessible name says what it copies; the result is announced. */
export function CopyButton({
  text,
  name,
  label,
  className,
  doneMessage,
}: {
  text: string | (() => string);
  /** What is copied, for the accessible name ("Copy <name>") when the visible label is the plain "Copy". */
  name: string;
  /** A visible label that already says what is copied ("Copy share link"). */
  label?: string;
  className?: string;
  doneMessage?: string;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const onClick = async () => {
    const ok = await copyText(typeof text === 'function' ? text() : text);
    announce(ok ? (doneMessage ?? t('copy.done')) : t('copy.failed'));
  };
  return (
    <button type="button" className={className ?? 'button button-small'} aria-label={label === undefined ? t('actions.copy-named', { name }) : undefined} onClick={() => void onClick()}>
      {label ?? t('actions.copy')}
    </button>
  );
}
