/**
 * Everything one app instance owns: its store, its i18next instance and the knowledge base it runs
 * on. Created once per mount (tests create many; a widget will create one per element).
 */
import type { i18n as I18n } from 'i18next';
import type { LoadResult } from '@/engine/index.ts';
import { kbSourceFromKb, type KbSource } from '@/store/kb-source.ts';
import { createI18n } from '@/i18n/create-i18n.ts';
import type { Lang } from '@/i18n/lang.ts';
import { createAppStore, type AppStore } from '@/store/create-app-store.ts';
import type { StorageBackend } from '@/store/safe-storage.ts';
import { applySharedHash } from './url-sync.ts';

/** The knowledge base an app runs on, or why there is none. */
export type AppKb = { readonly ok: true; readonly source: KbSource } | { readonly ok: false; readonly errors: readonly string[] };

export interface AppContext {
  readonly store: AppStore;
  readonly i18n: I18n;
  readonly kb: AppKb;
}

export interface AppContextOptions {
  /** A source (the browser build's lazily loaded entries), or a whole knowledge base in memory. */
  readonly kb: AppKb | LoadResult;
  /** Used when nothing is saved yet. */
  readonly initialLang: Lang;
  readonly storage: StorageBackend | null;
  /** The page's hash: a share link in it wins over the saved session. */
  readonly hash?: string;
}

export function createAppContext(options: AppContextOptions): AppContext {
  const store = createAppStore({ initialLang: options.initialLang, storage: options.storage });
  const kb: AppKb = 'kb' in options.kb ? { ok: true, source: kbSourceFromKb(options.kb.kb) } : options.kb;
  if (kb.ok && options.hash !== undefined) applySharedHash(store, kb.source, options.hash);
  const i18n = createI18n(store.getState().lang);
  // The store owns the choice; the i18n instance follows it (both live and die with this context).
  store.subscribe((state, prev) => {
    if (state.lang !== prev.lang) void i18n.changeLanguage(state.lang);
  });
  return { store, i18n, kb };
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
