/** Labels for reports (Markdown export, CLI text output), in both languages, with `{{name}}` placeholders. */
import en from '../../locales/en/report.json';
import zh from '../../locales/zh/report.json';
import type { Lang } from '../engine/snippets/types.ts';

export type ReportKey = keyof typeof en;
const TABLES: Record<Lang, Record<ReportKey, string>> = { en, zh };

/** Fills `{{name}}` placeholders; a missing value becomes empty. Shared with the CLI's own labels. */
export function interpolate(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

export function reportLabel(lang: Lang, key: ReportKey, params: Readonly<Record<string, string>> = {}): string {
  return interpolate(TABLES[lang][key], params);
}

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}
