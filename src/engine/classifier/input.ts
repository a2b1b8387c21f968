/**
 * The input guard run before classifying a paste or a file. Returns codes, not prose: the wizard
 * and the CLI translate them (the wizard refuses, the CLI will stream large files instead).
 */

/** 2 MiB, measured in UTF-8 bytes. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

/** How many leading code units are sampled for control characters. */
export const BINARY_SAMPLE = 64 * 1024;

/** Above this share of control characters (or U+FFFD) in the sample, the text is binary. */
export const BINARY_RATIO = 0.3;

export type InputCheck =
  | { readonly ok: true; readonly bytes: number }
  | { readonly ok: false; readonly code: 'INPUT_BINARY' }
  | { readonly ok: false; readonly code: 'INPUT_TOO_LARGE'; readonly limit: number };

/** UTF-8 length of a string, stopping early once it exceeds `cap`. */
export function utf8Length(text: string, cap = Number.POSITIVE_INFINITY): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= cap; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { n += 4; i++; }
      else n += 3;
    } else n += 3;
  }
  return n;
}

/** A C0 control other than tab, LF, VT, FF, CR and ESC (ANSI colours in terminal pastes), DEL, or U+FFFD. */
function suspicious(c: number): boolean {
  if (c < 0x20) return c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 27;
  return c === 0x7f || c === 0xfffd;
}

/**
 * Checks a text before classification.
 *
 * - `INPUT_BINARY`: it contains a NUL, or more than {@link BINARY_RATIO} of its first
 *   {@link BINARY_SAMPLE} code units are control characters or U+FFFD (what a decoder leaves of bytes
 *   that were not text).
 * - `INPUT_TOO_LARGE`: more than {@link MAX_INPUT_BYTES} UTF-8 bytes (`limit` is that number).
 */
export function checkInput(text: string, limit = MAX_INPUT_BYTES): InputCheck {
  if (text.includes('\u0000')) return { ok: false, code: 'INPUT_BINARY' };
  const sample = Math.min(text.length, BINARY_SAMPLE);
  let bad = 0;
  for (let i = 0; i < sample; i++) if (suspicious(text.charCodeAt(i))) bad++;
  if (sample > 0 && bad / sample > BINARY_RATIO) return { ok: false, code: 'INPUT_BINARY' };
  const bytes = text.length > limit ? text.length : utf8Length(text, limit);
  if (bytes > limit) return { ok: false, code: 'INPUT_TOO_LARGE', limit };
  return { ok: true, bytes };
}
