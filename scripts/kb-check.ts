// Validates the shipped knowledge base and prints every problem (entry + field). Exit 1 on problems.
import { bundledKb } from '../src/kb-data/kb.ts';

const result = bundledKb();
if (result.ok) {
  for (const e of result.kb.entries) {
    console.log(`ok  ${e.id}: ${e.causes.length} causes, ${e.signatures.length} signatures, ${e.tree.nodes.length} tree nodes, ${e.workarounds.length} workarounds, ${e.deadEnds.length} dead ends, ${e.sources.length} sources`);
  }
} else {
  console.error(result.errors.join('\n'));
  process.exit(1);
}
