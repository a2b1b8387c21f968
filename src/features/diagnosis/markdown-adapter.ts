/**
 * Markdown export through the report module shared with the CLI (`src/report/markdown.ts`), loaded
 * only when the user exports, so that it stays out of the first-load bundle.
 */
import type { Diagnosis, Finding } from '@/engine/index.ts';
import type { Lang } from '@/i18n/lang.ts';

export async function renderMarkdown(diagnosis: Diagnosis, lang: Lang, url: string, findings: readonly Finding[]): Promise<string> {
  const { renderDiagnosisMarkdown } = await import('@/report/markdown.ts');
  return renderDiagnosisMarkdown(diagnosis, lang, { url, findings });
}
