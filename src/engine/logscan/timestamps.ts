/**
 * Timestamp readers for the log formats, working on character codes at fixed offsets (no regex, no
 * allocation per line). Each returns the epoch milliseconds and where the text after the stamp
 * starts, or undefined. Times without a zone (syslog, Exim) are read as UTC.
 */

export interface Stamp {
  ms: number;
  /** Index of the first character after the stamp and the blank that follows it. */
  next: number;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Two digits at i, or -1. */
function d2(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

function d4(s: string, i: number): number {
  const a = d2(s, i);
  const b = d2(s, i + 2);
  return a < 0 || b < 0 ? -1 : a * 100 + b;
}

const MONTHS: Readonly<Record<string, number>> = {
  Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11,
};

/** Month index (0-11) of a traditional syslog stamp `Nov 25 10:41:07 ` / `Nov  5 10:41:07 `, or -1. */
export function syslogMonth(s: string): number {
  if (s.length < 16 || s.charCodeAt(3) !== 32 || s.charCodeAt(6) !== 32 || s.charCodeAt(9) !== 58 || s.charCodeAt(12) !== 58) return -1;
  const m = MONTHS[s.slice(0, 3)];
  return m === undefined ? -1 : m;
}

/**
 * Reads `Nov 25 10:41:07` (day space-padded or not) for the given year. The caller checked
 * {@link syslogMonth}. Optional fractional seconds (`10:41:07.123456`) are accepted.
 */
export function readSyslog(s: string, month: number, year: number): Stamp | undefined {
  const dayHi = s.charCodeAt(4) === 32 ? 0 : digit(s, 4);
  const dayLo = digit(s, 5);
  const h = d2(s, 7);
  const mi = d2(s, 10);
  const sec = d2(s, 13);
  if (dayHi < 0 || dayLo < 0 || h < 0 || mi < 0 || sec < 0) return undefined;
  let i = 15;
  let frac = 0;
  if (s.charCodeAt(i) === 46) ({ ms: frac, next: i } = readFraction(s, i + 1));
  if (s.charCodeAt(i) !== 32) return undefined;
  return { ms: Date.UTC(year, month, dayHi * 10 + dayLo, h, mi, sec) + Math.floor(frac), next: i + 1 };
}

/** The digits of a fraction of a second starting at i (after the `.` or `,`): milliseconds and the index after them. */
function readFraction(s: string, i: number): { ms: number; next: number } {
  let ms = 0;
  let scale = 100;
  while (digit(s, i) >= 0) {
    ms += digit(s, i) * scale;
    scale /= 10;
    i++;
  }
  return { ms, next: i };
}

/** `+hh:mm`, `+hhmm`, `Z` at i: the offset in minutes and the index after it; undefined if none. */
function readZone(s: string, i: number): { minutes: number; next: number } | undefined {
  const c = s.charCodeAt(i);
  if (c === 90 /* Z */) return { minutes: 0, next: i + 1 };
  if (c !== 43 && c !== 45) return undefined;
  const sign = c === 45 ? -1 : 1;
  const h = d2(s, i + 1);
  if (h < 0) return undefined;
  const colon = s.charCodeAt(i + 3) === 58 ? 1 : 0;
  const m = d2(s, i + 3 + colon);
  if (m < 0) return undefined;
  return { minutes: sign * (h * 60 + m), next: i + 5 + colon };
}

/**
 * Reads `2026-11-25T10:41:07[.frac](Z|±hh:mm|±hhmm)?` (ISO 8601 syslog, journald short-iso) or, with
 * `sep` 32, Exim's `2026-11-25 10:41:07[.frac][ ±hhmm]`. `end` is the character expected after
 * the stamp (32 blank, 44 comma for CSV).
 */
export function readIso(s: string, sep: number, end: number): Stamp | undefined {
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== sep || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  const y = d4(s, 0);
  const mo = d2(s, 5);
  const d = d2(s, 8);
  const h = d2(s, 11);
  const mi = d2(s, 14);
  const sec = d2(s, 17);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || mi < 0 || sec < 0) return undefined;
  let i = 19;
  let frac = 0;
  if (s.charCodeAt(i) === 46 || (s.charCodeAt(i) === 44 && end !== 44)) ({ ms: frac, next: i } = readFraction(s, i + 1));
  let offset = 0;
  const zone = readZone(s, i);
  if (zone !== undefined) {
    offset = zone.minutes;
    i = zone.next;
  } else if (sep === 32 && s.charCodeAt(i) === 32) {
    // Exim with log_timezone: `2026-11-25 10:41:07 +0100 …`
    const z = readZone(s, i + 1);
    if (z !== undefined && s.charCodeAt(z.next) === 32) {
      offset = z.minutes;
      i = z.next;
    }
  }
  if (s.charCodeAt(i) !== end) return undefined;
  return { ms: Date.UTC(y, mo - 1, d, h, mi, sec) + Math.floor(frac) - offset * 60000, next: i + 1 };
}
