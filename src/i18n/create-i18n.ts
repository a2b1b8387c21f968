/**
 * One i18next instance per app (or widget) instance: `createInstance()`, never the global
 * singleton, so that an embedding page and several widgets never share a language.
 * Resources are bundled statically: the app makes no request to load them.
 */
import { createInstance, type i18n as I18n } from 'i18next';
import { resources, NAMESPACES } from './resources.ts';
import type { Lang } from './lang.ts';

export function createI18n(lang: Lang): I18n {
  const instance = createInstance();
  // initAsync: false + inline resources = the instance is ready when init returns.
  void instance.init({
    lng: lang,
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh'],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources,
    initAsync: false,
    returnNull: false,
    // React escapes what it renders; escaping here would show &amp; in the page.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return instance;
}
