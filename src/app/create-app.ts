/**
 * Everything one app instance owns: its store, its i18next instance and the knowledge base it runs
 * on. Created once per mount (tests create many; a widget will create one per element).
 */
import type { i18n as I18n } from 'i18next';
import type { LoadResult } from '@/engine/index.ts';
import { createI18n } from '@/i18n/create-i18n.ts';
import type { Lang } from '@/i18n/lang.ts';
import { createAppStore, type AppStore } from '@/store/create-app-store.ts';
import type { StorageBackend } from '@/store/safe-storage.ts';
import { applySharedHash } from './url-sync.ts';

export interface AppContext {
  readonly store: AppStore;
  readonly i18n: I18n;
  readonly kb: LoadResult;
}

export interface AppContextOptions {
  readonly kb: LoadResult;
  /** Used when nothing is saved yet. */
  readonly initialLang: Lang;
  readonly storage: StorageBackend | null;
  /** The page's hash: a share link in it wins over the saved session. */
  readonly hash?: string;
}

export function createAppContext(options: AppContextOptions): AppContext {
  const store = createAppStore({ initialLang: options.initialLang, storage: options.storage });
  if (options.kb.ok && options.hash !== undefined) applySharedHash(store, options.kb.kb, options.hash);
  const i18n = createI18n(store.getState().lang);
  // The store owns the choice; the i18n instance follows it (both live and die with this context).
  store.subscribe((state, prev) => {
    if (state.lang !== prev.lang) void i18n.changeLanguage(state.lang);
  });
  return { store, i18n, kb: options.kb };
}

/** localStorage when the browser lets us use it; reading the property itself throws in some sandboxes. */
export function browserStorage(): StorageBackend | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Storage disabled: the app runs in memory and the store reports nothing to restore.
    return null;
  }
}
