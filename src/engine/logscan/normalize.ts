/**
 * The classification cache key of a problem line: its reply text with the parts that change from
 * one message to the next (addresses, IP addresses, bracketed values, counters, queue and session
 * IDs) replaced by placeholders, so identical problems are classified once. Reply codes (three
 * digits) and enhanced status codes (digits joined by dots) are kept: they change the diagnosis.
 *
 * One pass over the characters, no regex: this runs on every problem line.
 */

const MAX_IN = 4000;
const MAX_OUT = 1000;
/** Longest `<…>` / `[…]` replaced as a whole; a longer one is kept character by character. */
const MAX_BRACKETED = 512;

/** Letters, digits and `. _ - @ + %`: the characters of a host, an address, a code or an ID. */
function isTokenChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95 || c === 45 || c === 64 || c === 43 || c === 37;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A token's volatile-free form. */
function token(t: string): string {
  let letters = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 64) return '@';
    if (isLetter(c)) letters++;
    else if (isDigit(c)) digits++;
    else if (c === 46) dots++;
  }
  if (digits === 0) return t;
  if (letters > 0) {
    // `TSS04`, `mta7.am0.yahoodns.net` stay; a long mix of letters and digits is an ID.
    return dots === 0 && t.length >= 8 ? '#' : t;
  }
  if (dots === 3 && digits + dots === t.length) return '#'; // IPv4
  // Digit runs not joined by dots: a 3-digit reply code stays, other numbers go.
  let out = '';
  let i = 0;
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (!isDigit(c)) {
      out += t[i];
      i++;
      continue;
    }
    let j = i;
    while (j < t.length && isDigit(t.charCodeAt(j))) j++;
    const dotted = t.charCodeAt(i - 1) === 46 || t.charCodeAt(j) === 46;
    out += dotted || j - i === 3 ? t.slice(i, j) : '#';
    i = j;
  }
  return out;
}

/** The volatile-free form of `text`, cut to 1 000 characters. */
export function volatileFree(text: string): string {
  const s = text.length > MAX_IN ? text.slice(0, MAX_IN) : text;
  const n = s.length;
  let out = '';
  let i = 0;
  while (i < n && out.length < MAX_OUT) {
    const c = s.charCodeAt(i);
    if (c === 60 /* < */ || c === 91 /* [ */) {
      const close = s.indexOf(c === 60 ? '>' : ']', i + 1);
      // `[203.0.113.5]`, `[IPv6:2001:db8::1]`, `[192.0.2.1      15]` go; `[TSS04]` (a provider's code) stays.
      const whole = c === 60 || isDigit(s.charCodeAt(i + 1)) || s.startsWith('IPv6:', i + 1);
      if (whole && close > 0 && close - i <= MAX_BRACKETED) {
        out += c === 60 ? '<>' : '[]';
        i = close + 1;
        continue;
      }
    }
    if (isTokenChar(c)) {
      let j = i + 1;
      while (j < n && isTokenChar(s.charCodeAt(j))) j++;
      out += token(s.slice(i, j));
      i = j;
      continue;
    }
    if (c === 32 || c === 9) {
      while (i + 1 < n && (s.charCodeAt(i + 1) === 32 || s.charCodeAt(i + 1) === 9)) i++;
      out += ' ';
      i++;
      continue;
    }
    out += s[i];
    i++;
  }
  return out.length > MAX_OUT ? out.slice(0, MAX_OUT) : out;
}
