/**
 * Serves the knowledge base to the app as a small index plus one chunk per entry.
 *
 *   import { KB, ENTRY_LOADERS } from 'virtual:kb-index';
 *
 * `KB` is `{ ok: true, index }` (every entry's summary: what the classifier, the browse search and the
 * entry titles need) or `{ ok: false, errors }`; `ENTRY_LOADERS[id]()` imports one validated entry,
 * its own chunk, when the user opens it. The entries are composed and validated here, at build time
 * (and on every change under kb/ in the dev server), with the same code as the CLI and `kb:check`,
 * so the browser never ships the schema validator and never receives an entry that did not pass.
 */
import type { Plugin } from 'vite';
import { summarizeKb, type KbIndex } from '../src/engine/kb/summary.ts';
import type { Entry } from '../src/engine/kb/schema.ts';
import { composeAndLoad } from '../src/kb-data/compose-kb.ts';
import { parseEntryFiles, readEntryFiles } from '../src/cli/kb-files.ts';
import { ENTRIES_DIR } from './kb-files.ts';

const INDEX_ID = 'virtual:kb-index';
const ENTRY_PREFIX = 'virtual:kb-entry/';

interface Built {
  /** What `KB` in the index module holds. */
  readonly kb: { readonly ok: true; readonly index: KbIndex } | { readonly ok: false; readonly errors: readonly string[] };
  readonly indexModule: string;
  readonly entries: ReadonlyMap<string, Entry>;
  readonly files: readonly string[];
}

/** A JS expression that evaluates to `value` (JSON.parse of a string literal parses faster than an object literal). */
function jsonExpression(value: unknown): string {
  return `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
}

export function build(dir = ENTRIES_DIR): Built {
  const raw = readEntryFiles(dir);
  const files = raw.flatMap((e) => [e.head.path, ...e.parts.map((p) => p.path)]);
  const { specs, errors: readErrors } = parseEntryFiles(raw);
  const loaded = readErrors.length === 0 ? composeAndLoad(specs) : { ok: false as const, errors: readErrors };
  if (!loaded.ok) {
    const kb = { ok: false as const, errors: loaded.errors };
    return { kb, indexModule: `export const KB = ${jsonExpression(kb)};\nexport const ENTRY_LOADERS = {};\n`, entries: new Map(), files };
  }
  const entries = new Map<string, Entry>();
  const loaders: string[] = [];
  for (const entry of loaded.kb.entries) {
    const slug = entry.id.slice(entry.id.indexOf('/') + 1);
    entries.set(slug, entry);
    loaders.push(`  ${JSON.stringify(entry.id)}: () => import(${JSON.stringify(ENTRY_PREFIX + slug)}),`);
  }
  const kb = { ok: true as const, index: summarizeKb(loaded.kb) };
  const indexModule = [
    `export const KB = ${jsonExpression(kb)};`,
    'export const ENTRY_LOADERS = {',
    ...loaders,
    '};',
    '',
  ].join('\n');
  return { kb, indexModule, entries, files };
}

export function kbPlugin(): Plugin {
  let built: Built | undefined;
  const current = (): Built => (built ??= build());
  return {
    name: 'smtp-doctor-kb',
    resolveId(id) {
      if (id === INDEX_ID || id.startsWith(ENTRY_PREFIX)) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (id === `\0${INDEX_ID}`) {
        const b = current();
        for (const f of b.files) this.addWatchFile(f);
        return b.indexModule;
      }
      if (id.startsWith(`\0${ENTRY_PREFIX}`)) {
        const entry = current().entries.get(id.slice(1 + ENTRY_PREFIX.length));
        if (!entry) return `throw new Error(${JSON.stringify(`unknown knowledge-base entry ${id.slice(1)}`)});\n`;
        return `export default ${jsonExpression(entry)};\n`;
      }
      return undefined;
    },
    configureServer(server) {
      server.watcher.add(ENTRIES_DIR);
      const onChange = (file: string): void => {
        if (!file.startsWith(ENTRIES_DIR)) return;
        built = undefined;
        for (const mod of [...server.moduleGraph.idToModuleMap.values()]) {
          if (mod.id?.startsWith(`\0${INDEX_ID}`) || mod.id?.startsWith(`\0${ENTRY_PREFIX}`)) server.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
