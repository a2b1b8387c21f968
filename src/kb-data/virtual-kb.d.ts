/** The build's knowledge-base modules (scripts/vite-plugin-kb.ts). */
declare module 'virtual:kb-index' {
  import type { KbIndex } from '@/engine/kb/summary.ts';
  import type { Entry } from '@/engine/kb/schema.ts';

  export const KB: { readonly ok: true; readonly index: KbIndex } | { readonly ok: false; readonly errors: readonly string[] };
  export const ENTRY_LOADERS: Readonly<Record<string, () => Promise<{ readonly default: Entry }>>>;
}
