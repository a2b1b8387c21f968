import type { ProductId } from '../products.ts';
import { SNIPPET_IDS, type SnippetId } from './ids.ts';
import type { Snippet, SnippetContext, SnippetGenerator } from './types.ts';

/**
 * Generators by id. Each lives in its own module under `generators/`; register it here.
 */
const GENERATORS: ReadonlyMap<string, SnippetGenerator> = new Map<string, SnippetGenerator>([]);

export function snippetGenerator(id: string): SnippetGenerator | undefined {
  return GENERATORS.get(id);
}

export function registeredSnippetIds(): readonly SnippetId[] {
  return SNIPPET_IDS.filter((id) => GENERATORS.has(id));
}

/** The snippets for a list of generator ids (e.g. a workaround's), for one product and version. */
export function generateSnippets(ids: readonly string[], ctx: SnippetContext): Snippet[] {
  return ids.flatMap((id) => GENERATORS.get(id)?.generate(ctx) ?? []);
}

/** Products that at least one of the generators can write for. */
export function productsFor(ids: readonly string[]): ProductId[] {
  const out = new Set<ProductId>();
  for (const id of ids) for (const p of GENERATORS.get(id)?.products ?? []) out.add(p);
  return [...out];
}
