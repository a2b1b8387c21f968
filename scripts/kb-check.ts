// Validates the shipped knowledge base and prints every problem (entry + field). Exit 1 on problems.
//   npm run -s kb:check [-- SLUG …]   only the entries under kb/entries/<SLUG>/ (while others are being written)
import { composeAndLoad } from '../src/kb-data/compose-kb.ts';
import { ENTRY_FILES } from '../src/kb-data/entries.generated.ts';

const slugs = process.argv.slice(2);
const unknown = slugs.filter((s) => !ENTRY_FILES.some((f) => f.slug === s));
if (unknown.length > 0) {
  console.error(`unknown slug(s) ${unknown.join(', ')} (run npm run -s kb:index after adding an entry)`);
  process.exit(1);
}
const result = composeAndLoad(ENTRY_FILES, slugs.length > 0 ? (s) => slugs.includes(s) : undefined);
if (!result.ok) {
  console.error(result.errors.join('\n'));
  process.exit(1);
}
for (const e of result.kb.entries) {
  console.log(`ok  ${e.id}: ${e.causes.length} causes, ${e.signatures.length} signatures, ${e.tree.nodes.length} tree nodes, ${e.workarounds.length} workarounds, ${e.deadEnds.length} dead ends, ${e.sources.length} sources`);
}
