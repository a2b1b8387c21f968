import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, isLang } from '@/i18n/lang.ts';
import { useAppStore } from '@/store/store-context.tsx';

const LANG_TEXT = { en: 'lang.en', zh: 'lang.zh' } as const;

/** Switches the interface and knowledge-base language; the choice is saved with the session. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.lang);
  const setLang = useAppStore((s) => s.setLang);
  const id = useId();
  return (
    <div className="lang-switch">
      <label htmlFor={id}>{t('lang.label')}</label>
      <select
        id={id}
        value={lang}
        onChange={(e) => {
          if (isLang(e.target.value)) setLang(e.target.value);
        }}
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l === 'zh' ? 'zh-CN' : 'en'}>
            {t(LANG_TEXT[l])}
          </option>
        ))}
      </select>
    </div>
  );
}
