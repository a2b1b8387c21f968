import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entry } from '@/engine/index.ts';
import { useEntryState, useKbSource } from '@/store/kb-context.tsx';

/**
 * Renders `children(entry)` once the entry is loaded (its own chunk in the browser build), a loading
 * line meanwhile, and a message with "Try again" when its chunk cannot be fetched. `fallback` is
 * shown for an id the knowledge base does not have.
 */
export function EntryGate({ id, fallback, children }: { id: string; fallback: ReactNode; children: (entry: Entry) => ReactNode }) {
  const { t } = useTranslation();
  const source = useKbSource();
  const state = useEntryState(id);
  switch (state.status) {
    case 'ready':
      return children(state.entry);
    case 'unknown':
      return fallback;
    case 'error':
      return (
        <div className="card" role="alert">
          <p>{t('app.entry-load-failed', { message: state.message })}</p>
          <button type="button" className="button" onClick={() => void source.load(id)}>{t('actions.try-again')}</button>
        </div>
      );
    default:
      return <p className="status-line">{t('app.loading')}</p>;
  }
}
