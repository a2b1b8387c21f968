import type { CompiledSignature } from '@/engine/classifier/compile.ts';
import type { Kb } from '@/engine/kb/load-kb.ts';

/** A compiled signature's examples, read from the full entry it was compiled from. */
export function examplesOf(kb: Kb, cs: CompiledSignature): readonly string[] {
  return kb.entries[cs.entryIndex]?.signatures.find((s) => s.id === cs.sig.id)?.examples ?? [];
}
