/** The knowledge base's files on disk: kb/entries/<slug>/entry.json and parts/*.json, in a stable order. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ENTRIES_DIR = fileURLToPath(new URL('../kb/entries', import.meta.url));

export interface EntryPaths {
  readonly slug: string;
  /** Paths relative to the entry's folder: `entry.json`, then `parts/<name>.json` in name order. */
  readonly head: string;
  readonly parts: readonly string[];
}

export function listEntryPaths(dir = ENTRIES_DIR): EntryPaths[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'entry.json')))
    .map((d) => d.name)
    .sort()
    .map((slug) => {
      const partsDir = join(dir, slug, 'parts');
      const parts = existsSync(partsDir) ? readdirSync(partsDir).filter((f) => f.endsWith('.json')).sort().map((f) => `parts/${f}`) : [];
      return { slug, head: 'entry.json', parts };
    });
}
