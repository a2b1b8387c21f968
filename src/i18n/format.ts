import type { Figure } from '@/engine/index.ts';
import { langTag, type Lang } from './lang.ts';

/**
 * A figure as a percentage. The knowledge base writes rates as percentages (90) and some meta figures
 * as fractions (0.86); a value of at most 1 is read as a fraction.
 */
export function formatPercent(value: Figure['value'], lang: Lang): string {
  const fraction = value <= 1 ? value : value / 100;
  return new Intl.NumberFormat(langTag(lang), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** Joins names as a sentence list in the user's language ("A, B and C", "A、B和C"). */
export function formatList(items: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(langTag(lang), { style: 'long', type: 'conjunction' }).format(items);
}

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(langTag(lang)).format(value);
}
