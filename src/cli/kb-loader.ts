/**
 * The knowledge base for the command line, read from kb/entries with the file system instead of
 * through the bundler's JSON imports, and validated once per content: the validated entries are kept
 * in node_modules/.cache/smtp-doctor/ under a hash of every entry file and of the engine files that
 * decide what validation accepts. A second run with the same files skips both the JSON modules and
 * the schema check (together about half a second of start-up on a small machine). A change to any
 * entry or to the validator gives another hash, so the entries are validated again; a cache that
 * cannot be written or read only costs the time it would have saved.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entry } from '../engine/kb/schema.ts';
import type { LoadResult } from '../engine/kb/load-kb.ts';
import { composeAndLoad } from '../kb-data/compose-kb.ts';
import { parseEntryFiles, readEntryFiles } from './kb-files.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The engine files whose content decides what a valid entry is and what loading it produces. */
const VALIDATOR_FILES = [
  'src/engine/kb/schema.ts', 'src/engine/kb/load-kb.ts', 'src/engine/kb/compose.ts', 'src/kb-data/compose-kb.ts',
  'src/engine/reasons.ts', 'src/engine/products.ts', 'src/engine/version.ts', 'src/engine/walker/tree-check.ts',
];

/** Loads (and validates, unless this exact content was validated before) the entries under `root`. */
export function loadCliKb(root = ROOT, cacheDir = join(root, 'node_modules/.cache/smtp-doctor')): LoadResult {
  const files = readEntryFiles(join(root, 'kb/entries'));
  const hash = createHash('sha256');
  for (const f of VALIDATOR_FILES) hash.update(f).update('\0').update(existsSync(join(root, f)) ? readFileSync(join(root, f)) : '').update('\0');
  for (const e of files) for (const f of [e.head, ...e.parts]) hash.update(f.path.slice(root.length)).update('\0').update(f.text).update('\0');
  const cacheFile = join(cacheDir, `kb-${hash.digest('hex').slice(0, 32)}.json`);
  try {
    const entries = JSON.parse(readFileSync(cacheFile, 'utf8')) as Entry[];
    if (Array.isArray(entries) && entries.length === files.length) return { ok: true, kb: { entries } };
  } catch {
    // No cache yet (or unreadable): validate below.
  }
  const { specs, errors } = parseEntryFiles(files);
  if (errors.length > 0) return { ok: false, errors };
  const loaded = composeAndLoad(specs);
  if (loaded.ok) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(loaded.kb.entries));
      renameSync(tmp, cacheFile);
    } catch {
      // A read-only checkout: run without the cache.
    }
  }
  return loaded;
}

let cached: LoadResult | undefined;

/** The shipped knowledge base for this process, loaded once. */
export function cliKb(): LoadResult {
  cached ??= loadCliKb();
  return cached;
}
