/**
 * The knowledge base's files on disk — kb/entries/<slug>/entry.json and parts/*.json, in a stable
 * order — listed, read and parsed in one place for the CLI, the build's KB plugin and `kb:index`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntryFiles } from '../kb-data/compose-kb.ts';

export interface EntryPaths {
  readonly slug: string;
  /** Paths relative to the entry's folder: `entry.json`, then `parts/<name>.json` in name order. */
  readonly head: string;
  readonly parts: readonly string[];
}

export function listEntryPaths(dir: string): EntryPaths[] {
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

export interface RawFile {
  /** Absolute path. */
  readonly path: string;
  readonly text: string;
}

export interface RawEntry {
  readonly slug: string;
  readonly head: RawFile;
  readonly parts: readonly RawFile[];
}

/** Every entry's files, read as text. */
export function readEntryFiles(dir: string): RawEntry[] {
  const read = (path: string): RawFile => ({ path, text: readFileSync(path, 'utf8') });
  return listEntryPaths(dir).map(({ slug, head, parts }) => ({
    slug,
    head: read(join(dir, slug, head)),
    parts: parts.map((p) => read(join(dir, slug, p))),
  }));
}

/** The entries' JSON, ready for `composeAndLoad`; a file that does not parse is an error naming it. */
export function parseEntryFiles(entries: readonly RawEntry[]): { specs: EntryFiles[]; errors: string[] } {
  const errors: string[] = [];
  const parse = (f: RawFile): unknown => {
    try {
      return JSON.parse(f.text) as unknown;
    } catch (err) {
      errors.push(`${f.path}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  };
  const specs = entries.map(({ slug, head, parts }) => ({
    slug,
    head: parse(head),
    parts: parts.map((p) => ({ name: p.path.slice(p.path.lastIndexOf('/') + 1).replace(/\.json$/, ''), data: parse(p) })),
  }));
  return { specs, errors };
}
