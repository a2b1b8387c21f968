/**
 * The knowledge base as shipped: every entry's JSON files (listed in the generated
 * `entries.generated.ts`), composed into raw entries. Shared by the app, the CLI and the tests.
 * Validation happens in `loadKb`.
 */
import { composeEntry, type ComposeProblem } from '../engine/kb/compose.ts';
import { ENTRY_FILES } from './entries.generated.ts';

/** Raw (unvalidated) entries and any problems met while composing them from their parts. */
export function bundledRawEntries(only?: (slug: string) => boolean): { entries: unknown[]; problems: ComposeProblem[] } {
  const entries: unknown[] = [];
  const problems: ComposeProblem[] = [];
  for (const spec of ENTRY_FILES) {
    if (only && !only(spec.slug)) continue;
    const composed = composeEntry(spec.head, spec.parts);
    entries.push(composed.entry);
    problems.push(...composed.problems.map((p) => ({ part: `${spec.slug}/${p.part}`, message: p.message })));
  }
  return { entries, problems };
}
