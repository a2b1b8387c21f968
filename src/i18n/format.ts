import { langTag, type Lang } from './lang.ts';

/** A rate of the knowledge base (a fraction, 0.8) or a classifier confidence as a percentage ("80%"). */
export function formatPercent(fraction: number, lang: Lang): string {
  return new Intl.NumberFormat(langTag(lang), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** Joins names as a sentence list in the user's language ("A, B and C", "A、B和C"). */
export function formatList(items: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(langTag(lang), { style: 'long', type: 'conjunction' }).format(items);
}

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(langTag(lang)).format(value);
}
