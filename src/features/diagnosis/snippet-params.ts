import type { SnippetParams } from '@/engine/index.ts';
import type { InputSummary } from '@/store/input-slice.ts';

/** Values read from the chosen finding (host, IP, limit) fill the snippets instead of placeholders. */
export function snippetParams(summary: InputSummary | null): SnippetParams {
  const captures = summary?.findings[summary.chosen]?.captures ?? {};
  const params: { -readonly [K in keyof SnippetParams]: SnippetParams[K] } = {};
  if (captures.host !== undefined) params.hostname = captures.host;
  if (captures.ip !== undefined) params.ip = captures.ip;
  const limit = captures.limit ?? captures.n;
  if (limit !== undefined) params.limit = limit;
  return params;
}
