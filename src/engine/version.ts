/**
 * Dotted version numbers and ranges, as used for MTA versions ("3.7.11", "4.96", "8.17.1.9", "2019").
 * A range is space-separated comparators that must all hold: `>=3.7.6 <3.9`; `*` matches anything.
 */
export type Comparator = { op: '>=' | '>' | '<=' | '<' | '='; version: number[] };

export function parseVersion(text: string): number[] | undefined {
  const m = /^\s*v?(\d+(?:\.\d+){0,3})\s*$/.exec(text);
  if (!m?.[1]) return undefined;
  return m[1].split('.').map(Number);
}

export function compareVersions(a: readonly number[], b: readonly number[]): number {
  const len = Math.max(a.length, b.length);
  for (let i = 0; i < len; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** Parses a range; returns undefined when it is malformed. */
export function parseRange(range: string): Comparator[] | undefined {
  const trimmed = range.trim();
  if (trimmed === '*') return [];
  const out: Comparator[] = [];
  for (const part of trimmed.split(/\s+/)) {
    const m = /^(>=|<=|>|<|=)?(.+)$/.exec(part);
    const version = m?.[2] ? parseVersion(m[2]) : undefined;
    if (!m || !version) return undefined;
    const op = m[1];
    out.push({ op: op === '>=' || op === '<=' || op === '>' || op === '<' ? op : '=', version });
  }
  return out;
}

/**
 * Whether `version` is in `range`. Unknown or non-numeric versions (e.g. "SE") satisfy only `*`
 * unless `range` names them exactly.
 */
export function satisfies(version: string, range: string): boolean {
  const comps = parseRange(range);
  if (comps === undefined) return false;
  if (comps.length === 0) return true;
  const v = parseVersion(version);
  if (!v) return range.trim() === version.trim();
  return comps.every(({ op, version: c }) => {
    const d = compareVersions(v, c);
    switch (op) {
      case '>=': return d >= 0;
      case '>': return d > 0;
      case '<=': return d <= 0;
      case '<': return d < 0;
      case '=': return d === 0 || (c.length < v.length && compareVersions(v.slice(0, c.length), c) === 0);
    }
  });
}
