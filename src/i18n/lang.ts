import type { LocalizedText } from '@/engine/index.ts';

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: string): value is Lang {
  return LANGS.some((l) => l === value);
}

/** The knowledge base carries both languages in every text; pick one. */
export function localized(text: LocalizedText, lang: Lang): string {
  return lang === 'zh' ? text.zh : text.en;
}

/** The BCP 47 tag for `<html lang>` and Intl formatters. */
export function langTag(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
