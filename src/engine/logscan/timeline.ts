/**
 * Outcome counts over time. A single pass cannot know the log's span in advance, so buckets start at
 * one minute and are merged into the next coarser size whenever the span would need more than
 * {@link MAX_BUCKETS} of them.
 */
import type { Outcome, TimelineBucket } from './types.ts';

export const MAX_BUCKETS = 200;

/** Bucket sizes in seconds, finest first: 1 min, 5 min, 15 min, 1 h, 3 h, 6 h, 12 h, 1 d, 7 d, 30 d, 365 d. */
const STEPS = [60, 300, 900, 3600, 10800, 21600, 43200, 86400, 604800, 2592000, 31536000] as const;

const OUTCOME_INDEX: Readonly<Record<Outcome, number>> = { delivered: 0, deferred: 1, bounced: 2, rejected: 3, expired: 4 };

export class Timeline {
  private step = 0;
  private readonly buckets = new Map<number, Int32Array>();
  private min = Infinity;
  private max = -Infinity;
  private lastKey = NaN;
  private lastBucket: Int32Array | undefined;

  private get size(): number {
    return STEPS[this.step] ?? 31536000;
  }

  /** Counts one outcome at `ms` (epoch milliseconds). */
  add(ms: number, outcome: Outcome): void {
    const size = this.size;
    const key = Math.floor(ms / 1000 / size) * size;
    if (key === this.lastKey && this.lastBucket !== undefined) {
      this.lastBucket[OUTCOME_INDEX[outcome]]! += 1;
      return;
    }
    if (key < this.min) this.min = key;
    if (key > this.max) this.max = key;
    if ((this.max - this.min) / size + 1 > MAX_BUCKETS) {
      this.coarsen();
      this.add(ms, outcome);
      return;
    }
    let b = this.buckets.get(key);
    if (b === undefined) {
      b = new Int32Array(5);
      this.buckets.set(key, b);
    }
    b[OUTCOME_INDEX[outcome]]! += 1;
    this.lastKey = key;
    this.lastBucket = b;
  }

  private coarsen(): void {
    while (this.step < STEPS.length - 1 && (this.max - this.min) / this.size + 1 > MAX_BUCKETS) this.step++;
    const size = this.size;
    const old = [...this.buckets];
    this.buckets.clear();
    this.min = Infinity;
    this.max = -Infinity;
    for (const [k, counts] of old) {
      const key = Math.floor(k / size) * size;
      if (key < this.min) this.min = key;
      if (key > this.max) this.max = key;
      const b = this.buckets.get(key);
      if (b === undefined) this.buckets.set(key, counts);
      else for (let i = 0; i < 5; i++) b[i]! += counts[i]!;
    }
    this.lastKey = NaN;
    this.lastBucket = undefined;
  }

  /** Every bucket from the first to the last, empty ones included (at most {@link MAX_BUCKETS}). */
  finish(): { bucketSeconds: number; buckets: TimelineBucket[] } {
    const size = this.size;
    const buckets: TimelineBucket[] = [];
    if (this.buckets.size > 0) {
      for (let k = this.min; k <= this.max; k += size) {
        const b = this.buckets.get(k);
        buckets.push({
          t: new Date(k * 1000).toISOString(),
          delivered: b?.[0] ?? 0,
          deferred: b?.[1] ?? 0,
          bounced: b?.[2] ?? 0,
          rejected: b?.[3] ?? 0,
          expired: b?.[4] ?? 0,
        });
      }
    }
    return { bucketSeconds: size, buckets };
  }
}
