import type { Lang } from '@/i18n/lang.ts';
import type { AppSlice } from './app-state.ts';

export interface PrefsSlice {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

export const createPrefsSlice =
  (initialLang: Lang): AppSlice<PrefsSlice> =>
  (set) => ({
    lang: initialLang,
    setLang: (lang) => set({ lang }),
  });
