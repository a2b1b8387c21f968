/**
 * Assembles a diagnosis from an entry and a walk: the cause reached, the workarounds ranked for the
 * user's role, the dead ends people try for that cause, and the snippets for the user's product and
 * version. Shared by the wizard, the CLI and the MCP server so that all three say the same thing.
 */
import type { Cause, DeadEnd, Entry, Workaround } from '../kb/schema.ts';
import { isProductId, isRole, type ProductId, type Role } from '../products.ts';
import { generateSnippets } from '../snippets/registry.ts';
import type { Lang, Snippet, SnippetParams } from '../snippets/types.ts';
import { resolve, type Resolution, type WalkState } from '../walker/step.ts';

export interface RankedWorkaround {
  readonly workaround: Workaround;
  /** True when the user's role is among those who carry it out. */
  readonly forYou: boolean;
  readonly snippets: readonly Snippet[];
}

export interface Diagnosis {
  readonly entry: Entry;
  readonly resolution: Resolution;
  /** The cause reached; undefined while questions remain. */
  readonly cause: Cause | undefined;
  /** Causes still possible (the reached cause alone once a leaf is reached). */
  readonly candidates: readonly Cause[];
  readonly role: Role | undefined;
  readonly product: ProductId | undefined;
  readonly version: string | undefined;
  readonly workarounds: readonly RankedWorkaround[];
  readonly deadEnds: readonly DeadEnd[];
}

/** Reads the well-known facts of a walk, whoever settled them. */
export function walkFact(walk: WalkState, fact: string): string | undefined {
  return walk.answers[fact] ?? walk.inferred[fact];
}

export function diagnose(entry: Entry, walk: WalkState, opts: { lang: Lang; params?: SnippetParams }): Diagnosis {
  const resolution = resolve(entry.tree, walk);
  const roleFact = walkFact(walk, 'role');
  const productFact = walkFact(walk, 'product');
  const role = roleFact !== undefined && isRole(roleFact) ? roleFact : undefined;
  const product = productFact !== undefined && isProductId(productFact) ? productFact : undefined;
  const version = walkFact(walk, 'version');
  const causeId = resolution.leaf?.cause;
  const cause = causeId ? entry.causes.find((c) => c.id === causeId) : undefined;
  const candidates = entry.causes.filter((c) => resolution.candidates.includes(c.id));

  const workarounds: RankedWorkaround[] = cause
    ? entry.workarounds
        .filter((w) => w.causes.includes(cause.id))
        .map((w) => ({
          workaround: w,
          forYou: role === undefined || w.actors.includes(role),
          snippets: product ? generateSnippets(w.snippets, { product, version, params: opts.params ?? {}, lang: opts.lang }) : [],
        }))
        .sort((a, b) => Number(b.forYou) - Number(a.forYou) || b.workaround.successRate.value - a.workaround.successRate.value)
    : [];
  const deadEnds = cause ? entry.deadEnds.filter((d) => d.causes.includes(cause.id)) : [];
  return { entry, resolution, cause, candidates, role, product, version, workarounds, deadEnds };
}
