/** Where the knowledge base's files are, for the scripts; listing and reading them is src/cli/kb-files.ts. */
import { fileURLToPath } from 'node:url';

export const ENTRIES_DIR = fileURLToPath(new URL('../kb/entries', import.meta.url));
export { listEntryPaths, type EntryPaths } from '../src/cli/kb-files.ts';
