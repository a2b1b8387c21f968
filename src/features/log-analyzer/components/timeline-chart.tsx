/**
 * The outcomes-over-time chart, drawn with uPlot on a canvas. This module (and uPlot with it) is its
 * own chunk, loaded only when a summary is shown. The canvas is hidden from assistive technology: the
 * same figures are in the table next to it. uPlot does not animate, so reduced motion needs nothing.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TimelineBucket } from '@/engine/logscan/types.ts';
import type { Lang } from '@/i18n/lang.ts';
import { formatNumber } from '@/i18n/format.ts';
import { formatShortTime } from '../format.ts';
import { OUTCOMES } from '../labels.ts';

const HEIGHT = 260;
/** Colour-blind-safe hues (Okabe–Ito) with a dash pattern each, so colour is not the only cue. */
const STYLE = {
  delivered: { color: '--chart-delivered', fallback: '#009e73', dash: [] },
  deferred: { color: '--chart-deferred', fallback: '#e69f00', dash: [6, 3] },
  bounced: { color: '--chart-bounced', fallback: '#d55e00', dash: [2, 2] },
  rejected: { color: '--chart-rejected', fallback: '#cc79a7', dash: [8, 3, 2, 3] },
  expired: { color: '--chart-expired', fallback: '#56b4e9', dash: [1, 3] },
} as const;

function canvasAvailable(): boolean {
  try {
    return typeof HTMLCanvasElement !== 'undefined' && document.createElement('canvas').getContext('2d') !== null;
  } catch {
    // A DOM without canvas (tests, some locked-down browsers): the table stands in for the chart.
    return false;
  }
}

export interface TimelineChartProps {
  readonly buckets: readonly TimelineBucket[];
  readonly lang: Lang;
  /** Series names in the user's language, by outcome. */
  readonly names: Readonly<Record<(typeof OUTCOMES)[number], string>>;
}

export default function TimelineChart({ buckets, lang, names }: TimelineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || buckets.length === 0 || !canvasAvailable()) return;
    const css = getComputedStyle(el);
    const colour = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    const axisColour = colour('--muted', '#4d5b69');
    const gridColour = colour('--border', '#c9d1da');
    const data: uPlot.AlignedData = [buckets.map((b) => Date.parse(b.t) / 1000), ...OUTCOMES.map((o) => buckets.map((b) => b[o]))];
    const width = () => Math.max(280, el.clientWidth);
    const xs = data[0];
    const span = xs.length > 1 ? (xs[xs.length - 1] ?? 0) - (xs[0] ?? 0) : 0;
    const timeOnly = span <= 36 * 3600;
    const plot = new uPlot(
      {
        width: width(),
        height: HEIGHT,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        legend: { live: false },
        series: [
          {},
          ...OUTCOMES.map((o) => ({
            label: names[o],
            stroke: colour(STYLE[o].color, STYLE[o].fallback),
            dash: [...STYLE[o].dash],
            width: 2,
            points: { show: false },
          })),
        ],
        axes: [
          {
            stroke: axisColour,
            grid: { stroke: gridColour, width: 1 },
            // Room for a localised label between ticks ("11月1日 08:00", "Nov 1, 08:00 AM").
            space: timeOnly ? 70 : 120,
            values: (_u, splits) => splits.map((s) => formatShortTime(s * 1000, lang, timeOnly)),
          },
          {
            stroke: axisColour,
            grid: { stroke: gridColour, width: 1 },
            values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? formatNumber(s, lang) : '')),
          },
        ],
      },
      data,
      el,
    );
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => plot.setSize({ width: width(), height: HEIGHT }));
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      plot.destroy();
    };
  }, [buckets, lang, names]);
  return <div ref={box} className="timeline-chart" aria-hidden="true" />;
}
