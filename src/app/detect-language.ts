import type { Lang } from '@/i18n/lang.ts';

/**
 * The first supported language in the browser's preference list: any `zh` tag (zh-CN, zh-TW,
 * zh-Hans, zh) gives Chinese, any `en` tag English; otherwise English. Only the app shell
 * detects; an embedded widget is told its language.
 */
export function detectLanguage(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
