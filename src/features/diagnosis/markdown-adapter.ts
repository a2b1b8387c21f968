/**
 * Markdown export. The report module (`src/report/markdown.ts`, owned by the lead, also used by the
 * CLI) is loaded lazily when present, so it stays out of the first-load bundle; until it exists, a
 * short built-in rendering is used.
 * TODO(lead): once `renderDiagnosisMarkdown` lands, the fallback below can go.
 */
import type { Diagnosis } from '@/engine/index.ts';
import { localized, type Lang } from '@/i18n/lang.ts';

const REPORT_MODULES = import.meta.glob('/src/report/markdown.ts');

export interface FallbackLabels {
  readonly rootCause: string;
  readonly confirm: string;
  readonly workarounds: string;
  readonly deadEnds: string;
  readonly link: string;
}

function fallbackMarkdown(d: Diagnosis, lang: Lang, url: string, labels: FallbackLabels): string {
  const out: string[] = [`# ${localized(d.entry.title, lang)}`, ''];
  if (d.cause) {
    out.push(`## ${labels.rootCause}: ${localized(d.cause.title, lang)}`, '', localized(d.cause.explanation, lang), '');
    out.push(`## ${labels.confirm}`, '');
    for (const c of d.cause.confirm) {
      out.push(`- ${localized(c.text, lang)}`);
      if (c.command) out.push('', '  ```', `  ${c.command}`, '  ```');
    }
    out.push('', `## ${labels.workarounds}`, '');
    d.workarounds.forEach(({ workaround: w }, i) => {
      out.push(`${i + 1}. **${localized(w.title, lang)}**`);
      for (const s of w.steps) out.push(`   - ${localized(s, lang)}`);
    });
    out.push('', `## ${labels.deadEnds}`, '');
    for (const de of d.deadEnds) out.push(`- **${localized(de.title, lang)}**: ${localized(de.why, lang)} ${localized(de.instead, lang)}`);
  }
  out.push('', `${labels.link}: ${url}`, '');
  return out.join('\n');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export async function renderMarkdown(diagnosis: Diagnosis, lang: Lang, url: string, labels: FallbackLabels): Promise<string> {
  const load = REPORT_MODULES['/src/report/markdown.ts'];
  if (load) {
    const mod: unknown = await load();
    if (isRecord(mod) && typeof mod.renderDiagnosisMarkdown === 'function') {
      const text: unknown = mod.renderDiagnosisMarkdown(diagnosis, lang, { url });
      if (typeof text === 'string') return text;
    }
  }
  return fallbackMarkdown(diagnosis, lang, url, labels);
}
