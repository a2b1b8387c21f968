/**
 * The knowledge base as shipped to the CLI and the tests: every entry's JSON files (listed in the
 * generated `entries.generated.ts`), composed into raw entries. Validation happens in `loadKb`
 * (`bundledKb` in kb.ts does both). The app gets the same files through the build's KB plugin.
 */
import { composeFiles } from './compose-kb.ts';
import { ENTRY_FILES } from './entries.generated.ts';

/** Raw (unvalidated) entries and any problems met while composing them from their parts. */
export function bundledRawEntries(only?: (slug: string) => boolean): { entries: unknown[]; problems: string[] } {
  const { entries, problems } = composeFiles(ENTRY_FILES, only);
  return { entries, problems };
}
