/**
 * A counter with bounded memory for top-N lists: counts in a Map, and when the Map grows past its
 * bound, keeps only the most frequent half. Counts of values pruned early may be undercounted later;
 * values frequent enough to be in a top-N list survive every pruning.
 */
import type { Counted } from './types.ts';

/**
 * A copy of `s` that does not keep the string it was cut from alive. V8 represents a long substring
 * as a view into its parent, so a host name kept in a counter would otherwise pin the whole
 * megabyte-sized chunk it was read from. Concatenating and slicing forces a fresh, flat copy.
 */
export function own(s: string): string {
  return s.length < 13 ? s : (` ${s}`).slice(1);
}

export class TopCounter {
  /** Counts in boxes, so a repeated value costs one Map lookup. */
  private readonly counts = new Map<string, { n: number }>();

  constructor(private readonly bound = 5000) {}

  add(value: string, n = 1): void {
    const box = this.counts.get(value);
    if (box !== undefined) {
      box.n += n;
      return;
    }
    this.counts.set(own(value), { n });
    if (this.counts.size > this.bound) this.prune();
  }

  get size(): number {
    return this.counts.size;
  }

  private prune(): void {
    const keep = this.sorted().slice(0, this.bound >> 1);
    this.counts.clear();
    for (const c of keep) this.counts.set(c.value, { n: c.count });
  }

  private sorted(): Counted[] {
    const out: Counted[] = [];
    for (const [value, box] of this.counts) out.push({ value, count: box.n });
    // Ties broken by value, so the result does not depend on insertion order.
    out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    return out;
  }

  top(n: number): Counted[] {
    return this.sorted().slice(0, n);
  }

  /** The most frequent value, or undefined when nothing was counted. */
  best(): string | undefined {
    return this.top(1)[0]?.value;
  }
}
