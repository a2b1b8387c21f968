/**
 * One store per app instance (zustand `createStore` + React context, never a module-level `create()`),
 * built from slices with `persist` on the combined store only.
 */
import { createStore } from 'zustand/vanilla';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Lang } from '@/i18n/lang.ts';
import type { AppState } from './app-state.ts';
import { createInputSlice } from './input-slice.ts';
import { createNoticeSlice, type NoticeCode } from './notice-slice.ts';
import { createPrefsSlice } from './prefs-slice.ts';
import { createWalkSlice } from './walk-slice.ts';
import { migratePersisted } from './migrations.ts';
import { PASTE_PERSIST_LIMIT, PERSIST_NAME, PERSIST_VERSION, persistedV2Schema, type PersistedV2 } from './persisted.ts';
import { createSafeStorage, type StorageBackend, type StorageProblem } from './safe-storage.ts';

export interface AppStoreOptions {
  /** The language when nothing was saved yet (the app shell detects it; a widget gets it as an attribute). */
  readonly initialLang: Lang;
  /** Where to save; null keeps everything in memory. */
  readonly storage: StorageBackend | null;
}

const NOTICE_FOR: Readonly<Record<StorageProblem, NoticeCode>> = {
  corrupt: 'storage-corrupt',
  invalid: 'storage-invalid',
  unavailable: 'storage-unavailable',
  'write-failed': 'storage-write-failed',
};

export function partialize(state: AppState): PersistedV2 {
  return {
    lang: state.lang,
    entryId: state.entryId,
    step: state.step,
    answers: state.walk.answers,
    inferred: state.walk.inferred,
    paste: state.paste.length <= PASTE_PERSIST_LIMIT ? state.paste : '',
  };
}

export function createAppStore(options: AppStoreOptions) {
  // Hydration runs inside createStore, before the store exists: queue problems until it does.
  const pending: NoticeCode[] = [];
  let report = (code: NoticeCode) => {
    pending.push(code);
  };
  const safe = createSafeStorage(options.storage, (problem) => report(NOTICE_FOR[problem]));

  const store = createStore<AppState>()(
    persist(
      (...a) => ({
        ...createWalkSlice(...a),
        ...createInputSlice(...a),
        ...createPrefsSlice(options.initialLang)(...a),
        ...createNoticeSlice(...a),
      }),
      {
        name: PERSIST_NAME,
        version: PERSIST_VERSION,
        storage: createJSONStorage<PersistedV2 | undefined>(() => safe),
        partialize,
        migrate: migratePersisted,
        merge: (persisted, current) => {
          const parsed = persistedV2Schema.safeParse(persisted);
          if (!parsed.success) return current;
          const p = parsed.data;
          return { ...current, lang: p.lang, entryId: p.entryId, step: p.step, walk: { answers: p.answers, inferred: p.inferred }, paste: p.paste };
        },
      },
    ),
  );
  report = (code) => store.getState().pushNotice(code);
  for (const code of pending) report(code);
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;
