import { useId, useState, type DragEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A drop zone around a native file input: the input is the keyboard and screen-reader path (a real
 * button, Enter/Space open the chooser), dropping a file on the zone is the mouse shortcut.
 */
export function FileDrop({ onFile, disabled, inputRef }: { onFile: (file: File) => void; disabled: boolean; inputRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation('analyzer');
  const id = useId();
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div
      className={over ? 'file-drop file-drop-over' : 'file-drop'}
      onDragOver={(e) => {
        e.preventDefault();
        if (!over) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="file-drop-title" aria-hidden="true">{t('page.drop')}</p>
      <label htmlFor={id} className="field-label">{t('page.choose')}</label>
      <input
        id={id}
        ref={inputRef}
        type="file"
        className="file-input"
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so that choosing the same file again starts a new scan.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <p id={`${id}-hint`} className="hint">{t('page.choose-hint')}</p>
    </div>
  );
}
