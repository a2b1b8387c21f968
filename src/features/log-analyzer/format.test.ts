// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { estimateTimeLeft, formatMegabytes, formatTime } from './format.ts';

describe('analyzer formats', () => {
  it('estimates the time left from the throughput so far, once there is enough to go on', () => {
    expect(estimateTimeLeft(0, 100, 5000)).toBeNull();
    expect(estimateTimeLeft(1, 100, 500)).toBeNull();
    expect(estimateTimeLeft(25, 100, 2000)).toEqual({ unit: 'seconds', n: 6 });
    expect(estimateTimeLeft(10, 100, 60_000)).toEqual({ unit: 'minutes', n: 9 });
  });

  it('shows sizes and UTC times in the user language', () => {
    expect(formatMegabytes(1_572_864, 'en')).toBe('1.5');
    expect(formatMegabytes(10_000, 'en')).toBe('0.01');
    expect(formatTime('2026-03-08T11:00:00.000Z', 'en')).toBe('Mar 8, 2026, 11:00:00 AM');
    expect(formatTime('2026-03-08T11:00:00.000Z', 'zh')).toBe('2026年3月8日 11:00:00');
    expect(formatTime(null, 'en')).toBeNull();
  });
});
