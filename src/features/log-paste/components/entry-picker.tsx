import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '@/i18n/lang.ts';
import { searchEntries } from '@/engine/kb/search.ts';
import { useEntrySummary, useKb } from '@/store/kb-context.tsx';
import { useAppStore } from '@/store/store-context.tsx';

/** Results shown at most; the browse page lists everything. */
const MAX_SHOWN = 8;

/**
 * Choosing the error without pasting it: a search over the knowledge base (code, enhanced code,
 * words in either language, MTA) with the best matches as buttons, instead of a select of fifty
 * titles. The chosen entry is shown with a way to change it.
 */
export function EntryPicker() {
  const { t } = useTranslation('wizard');
  const kb = useKb();
  const lang = useAppStore((s) => s.lang);
  const entryId = useAppStore((s) => s.entryId);
  const setEntry = useAppStore((s) => s.setEntry);
  const chosen = useEntrySummary(entryId);
  const [query, setQuery] = useState('');
  const id = useId();
  // Keep the keyboard where the user is: on "Choose another" after a pick, on the search after it.
  const [moved, setMoved] = useState<'picked' | 'cleared' | undefined>(undefined);
  const changeRef = useRef<HTMLButtonElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (moved === 'picked') changeRef.current?.focus();
    if (moved === 'cleared') searchRef.current?.focus();
  }, [moved, chosen]);

  if (chosen) {
    return (
      <div className="field">
        <p className="field-label" id={`${id}-chosen`}>{t('paste.pick-entry')}</p>
        <p aria-labelledby={`${id}-chosen`}>
          <strong>{localized(chosen.title, lang)}</strong>{' '}
          <button
            type="button"
            ref={changeRef}
            className="button button-link"
            onClick={() => {
              setEntry(null);
              setMoved('cleared');
            }}
          >
            {t('paste.change-entry')}
          </button>
        </p>
      </div>
    );
  }

  const hits = query.trim() === '' ? [] : searchEntries(kb, query);
  return (
    <div className="field">
      <label htmlFor={`${id}-search`} className="field-label">
        {t('paste.pick-entry')}
      </label>
      <input
        id={`${id}-search`}
        ref={searchRef}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('paste.pick-entry-placeholder')}
        aria-describedby={`${id}-count`}
        autoComplete="off"
        spellCheck={false}
      />
      <p id={`${id}-count`} className="hint" aria-live="polite">
        {query.trim() === ''
          ? t('paste.pick-entry-hint', { total: kb.entries.length })
          : hits.length === 0
            ? t('paste.pick-entry-none', { query })
            : t('paste.pick-entry-count', { count: Math.min(hits.length, MAX_SHOWN), total: hits.length })}
      </p>
      {hits.length > 0 && (
        <ul className="entry-choices">
          {hits.slice(0, MAX_SHOWN).map((h) => (
            <li key={h.entry.id}>
              <button type="button" className="button button-secondary" onClick={() => {
                  setEntry(h.entry.id);
                  setMoved('picked');
                }}
              >
                {localized(h.entry.title, lang)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
