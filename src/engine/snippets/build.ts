/** Builds snippets and generators with the shared conventions (ids, product filter, version notes). */
import type { LocalizedText } from '../kb/schema.ts';
import { productInfo, type ProductId } from '../products.ts';
import { resolveVersion, unknownVersionNote } from './gate.ts';
import type { SnippetId } from './ids.ts';
import type { Snippet, SnippetContext, SnippetGenerator, SnippetLanguage } from './types.ts';

export interface SnippetDraft {
  readonly language: SnippetLanguage;
  readonly title: LocalizedText;
  readonly code: string;
  readonly notes?: readonly LocalizedText[];
  /** Distinguishes several snippets for one product: id becomes `<generator>/<product>/<part>`. */
  readonly part?: string;
}

/**
 * A generator for `products`; `write` runs only for those products. Every snippet for a product
 * with version choices gets a note when the user's version is unknown.
 */
export function defineGenerator(
  id: SnippetId,
  products: readonly ProductId[],
  write: (ctx: SnippetContext) => readonly SnippetDraft[],
): SnippetGenerator {
  return {
    id,
    products,
    generate(ctx: SnippetContext): Snippet[] {
      if (!products.includes(ctx.product)) return [];
      const extra = productInfo(ctx.product).versions.length > 0 ? unknownVersionNote(resolveVersion(ctx)) : undefined;
      return write(ctx).map((d) => ({
        id: d.part === undefined ? `${id}/${ctx.product}` : `${id}/${ctx.product}/${d.part}`,
        product: ctx.product,
        language: d.language,
        title: d.title,
        code: d.code,
        notes: extra ? [...(d.notes ?? []), extra] : [...(d.notes ?? [])],
      }));
    },
  };
}

/** A product's part of a generator: one snippet or several. */
export type ProductWriter = (ctx: SnippetContext) => SnippetDraft | SnippetDraft[];

/** A generator with one writer per product; the table's keys, in order, are its products. */
export function defineByProduct(id: SnippetId, writers: Partial<Record<ProductId, ProductWriter>>): SnippetGenerator {
  const products = Object.keys(writers) as ProductId[];
  return defineGenerator(id, products, (ctx) => {
    const out = writers[ctx.product]?.(ctx) ?? [];
    return Array.isArray(out) ? out : [out];
  });
}
