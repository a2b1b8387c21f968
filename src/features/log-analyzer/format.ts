/** Times and sizes as the analyzer shows them (numbers through `@/i18n/format.ts`). */
import { formatNumber } from '@/i18n/format.ts';
import { langTag, type Lang } from '@/i18n/lang.ts';

/**
 * A summary's ISO time in the user's language. The scanner gives UTC; shown in UTC so a line's time
 * reads the same as in the log it came from.
 */
export function formatTime(iso: string | null, lang: Lang): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(langTag(lang), { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Short form for table rows and chart axes; `timeOnly` for an axis that spans a day or so. */
export function formatShortTime(ms: number, lang: Lang, timeOnly = false): string {
  const options: Intl.DateTimeFormatOptions = timeOnly
    ? { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }
    : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(langTag(lang), options).format(new Date(ms));
}

/** Megabytes with one decimal (two below 1 MB, so a small file does not read "0"). */
export function formatMegabytes(bytes: number, lang: Lang): string {
  const mb = bytes / 1048576;
  const digits = mb < 1 ? 100 : 10;
  return formatNumber(Math.round(mb * digits) / digits, lang);
}

export type Eta = { unit: 'seconds' | 'minutes'; n: number } | null;

/**
 * Time left from the throughput so far; null until there is enough to go on (a second of reading,
 * or 2 % of the file), so the first guess does not jump around.
 */
export function estimateTimeLeft(bytes: number, total: number, elapsedMs: number): Eta {
  if (bytes <= 0 || total <= 0 || (elapsedMs < 1000 && bytes < total * 0.02)) return null;
  const left = ((total - bytes) / bytes) * elapsedMs;
  const seconds = Math.max(1, Math.ceil(left / 1000));
  return seconds < 90 ? { unit: 'seconds', n: seconds } : { unit: 'minutes', n: Math.ceil(seconds / 60) };
}
