/**
 * From the files of each entry (a head and its parts) to a validated knowledge base: composes every
 * entry, then validates them together. One path for the CLI (`bundledKb`), `npm run -s kb:check` and
 * the build (the app's index and per-entry chunks), so that all three report the same problems.
 */
import { composeEntry } from '../engine/kb/compose.ts';
import { loadKb, type LoadResult } from '../engine/kb/load-kb.ts';

export interface EntryFiles {
  readonly slug: string;
  readonly head: unknown;
  readonly parts: ReadonlyArray<{ readonly name: string; readonly data: unknown }>;
}

function headId(head: unknown): string | undefined {
  return typeof head === 'object' && head !== null && 'id' in head && typeof head.id === 'string' ? head.id : undefined;
}

/** Composes the entries `only` selects (all when omitted); the ids of the others are returned too. */
export function composeFiles(files: readonly EntryFiles[], only?: (slug: string) => boolean): { entries: unknown[]; problems: string[]; otherEntryIds: Set<string> } {
  const entries: unknown[] = [];
  const problems: string[] = [];
  const otherEntryIds = new Set<string>();
  for (const spec of files) {
    if (only && !only(spec.slug)) {
      const id = headId(spec.head);
      if (id !== undefined) otherEntryIds.add(id);
      continue;
    }
    const composed = composeEntry(spec.head, spec.parts);
    entries.push(composed.entry);
    for (const p of composed.problems) problems.push(`part ${spec.slug}/${p.part}: ${p.message}`);
  }
  return { entries, problems, otherEntryIds };
}

/**
 * Composes and validates the entries `only` selects (all when omitted). References to the other
 * entries (offers, related) are checked against their ids, so one entry can be checked alone.
 */
export function composeAndLoad(files: readonly EntryFiles[], only?: (slug: string) => boolean): LoadResult {
  const { entries, problems, otherEntryIds } = composeFiles(files, only);
  const result = loadKb(entries, { otherEntryIds });
  if (problems.length === 0) return result;
  return { ok: false, errors: [...problems, ...(result.ok ? [] : result.errors)] };
}
