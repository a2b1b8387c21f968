/** The CLI's strings (locales/{en,zh}/cli.json) and the language and usage-error helpers every command shares. */
import en from '../../locales/en/cli.json';
import zh from '../../locales/zh/cli.json';
import type { Lang } from '../engine/index.ts';
import { interpolate } from '../report/labels.ts';

export type CliKey = keyof typeof en;
export const CLI_TABLES: Readonly<Record<Lang, Readonly<Record<CliKey, string>>>> = { en, zh };

/** Bad usage or unreadable input: reported in the user's language, exit code 2. */
export class UsageError extends Error {}

export function label(lang: Lang, key: CliKey, params: Readonly<Record<string, string | number>> = {}): string {
  return interpolate(CLI_TABLES[lang][key], params);
}

/** --lang, else SMTP_DOCTOR_LANG or LANG (zh… is Chinese), else English. */
export function pickLang(value: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  if (value === undefined) {
    const envLang = env.SMTP_DOCTOR_LANG ?? env.LANG ?? '';
    return envLang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }
  if (value === 'en' || value === 'zh') return value;
  throw new UsageError(label('en', 'bad-lang', { lang: value }));
}
