// Validates the shipped knowledge base and prints every problem (entry + field). Exit 1 on problems.
//   npm run -s kb:check [-- SLUG …]   only the entries under kb/entries/<SLUG>/ (while others are being written)
import { loadKb } from '../src/engine/kb/load-kb.ts';
import { bundledRawEntries } from '../src/kb-data/bundled.ts';
import { ENTRY_FILES } from '../src/kb-data/entries.generated.ts';

const slugs = process.argv.slice(2);
const { entries, problems } = bundledRawEntries(slugs.length > 0 ? (s) => slugs.includes(s) : undefined);
if (slugs.length > 0 && entries.length !== slugs.length) {
  console.error(`unknown slug among ${slugs.join(', ')} (run npm run -s kb:index after adding an entry)`);
  process.exit(1);
}
const otherEntryIds = new Set(
  ENTRY_FILES.filter((f) => !slugs.includes(f.slug)).flatMap((f) => (typeof f.head === 'object' && f.head !== null && 'id' in f.head && typeof f.head.id === 'string' ? [f.head.id] : [])),
);
const result = loadKb(entries, { otherEntryIds });
const errors = [...problems.map((p) => `part ${p.part}: ${p.message}`), ...(result.ok ? [] : result.errors)];
if (errors.length > 0) {
  console.error(errors.join('\n'));
  process.exit(1);
}
if (result.ok) {
  for (const e of result.kb.entries) {
    console.log(`ok  ${e.id}: ${e.causes.length} causes, ${e.signatures.length} signatures, ${e.tree.nodes.length} tree nodes, ${e.workarounds.length} workarounds, ${e.deadEnds.length} dead ends, ${e.sources.length} sources`);
  }
}
