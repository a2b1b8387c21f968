/**
 * mbox: messages separated by `From ` lines (at the start, or after a line break), with `>From `
 * quoting undone (mboxrd: one `>` removed from `>+From ` lines). Works on binary strings.
 */

const SEPARATOR_RE = /^From \S+ +\S/;

/** True when the text starts like an mbox (its first line is a `From ` separator). */
export function looksLikeMbox(bin: string): boolean {
  return /^From \S+ /.test(bin);
}

/** Splits an mbox into its messages (separator lines dropped). Never throws. */
export function splitMbox(bin: string): string[] {
  const out: string[] = [];
  const starts: number[] = [];
  if (bin.startsWith('From ')) starts.push(0);
  for (let k = bin.indexOf('\nFrom '); k >= 0; k = bin.indexOf('\nFrom ', k + 1)) {
    // A separator names a sender and a date: `From bob@example.org Mon Mar  3 10:12:01 2025`.
    if (SEPARATOR_RE.test(bin.slice(k + 1, k + 200))) starts.push(k + 1);
  }
  if (starts.length === 0) return [bin];
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i] ?? 0;
    const e = starts[i + 1] ?? bin.length;
    const nl = bin.indexOf('\n', s);
    const body = nl < 0 || nl >= e ? '' : bin.slice(nl + 1, e);
    out.push(body.replace(/^>(>*From )/gm, '$1'));
  }
  return out;
}
