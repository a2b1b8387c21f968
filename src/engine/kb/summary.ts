/**
 * What the app needs of every entry before the user picks one: enough to classify a paste, search
 * the index, name an entry and pre-answer its questions. The rest of an entry (explanations,
 * workarounds, dead ends, sources, question wording) is loaded when the entry is opened.
 *
 * A full {@link Entry} is also a valid {@link ClassifiableEntry}: the classifier, the facts
 * inference and the browse search take either, so the CLI keeps passing whole entries.
 */
import type { Cause, EmittedText, Entry, LocalizedText, Signature } from './schema.ts';

export type SignatureSummary = Omit<Signature, 'examples' | 'sources'>;

export interface EmittedTextSummary {
  readonly reply?: EmittedText['reply'] | undefined;
  readonly log?: EmittedText['log'] | undefined;
  readonly code?: EmittedText['code'] | undefined;
  readonly enhanced?: EmittedText['enhanced'] | undefined;
}

export interface CauseSummary {
  readonly id: string;
  readonly title: LocalizedText;
  readonly reason: Cause['reason'];
  readonly owner: Cause['owner'];
  readonly emitters: ReadonlyArray<{ readonly product: Cause['emitters'][number]['product']; readonly texts: readonly EmittedTextSummary[] }>;
}

/** A decision tree without its wording: what `pathsToCause` walks. */
export interface TreeShape {
  readonly root: string;
  readonly nodes: ReadonlyArray<
    | { readonly kind: 'question'; readonly id: string; readonly fact: string; readonly options: ReadonlyArray<{ readonly value: string; readonly next: string }> }
    | { readonly kind: 'leaf'; readonly id: string; readonly cause: string; readonly offer?: readonly string[] | undefined }
  >;
}

/** The fields the classifier reads. */
export interface ClassifiableEntry {
  readonly id: string;
  readonly codes: readonly number[];
  readonly enhanced: readonly string[];
  readonly reason: Entry['reason'];
  readonly signatures: readonly SignatureSummary[];
  readonly causes: readonly CauseSummary[];
  readonly tree: TreeShape;
}

export interface ClassifiableKb {
  readonly entries: readonly ClassifiableEntry[];
}

export interface EntrySummary extends ClassifiableEntry {
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  readonly category: Entry['category'];
  readonly related: readonly string[];
  /** `meta.asOf`: when the receiver-policy facts were last checked. */
  readonly asOf: string;
}

/** Every entry's summary, in knowledge-base order. */
export interface KbIndex {
  readonly entries: readonly EntrySummary[];
}

function textSummary(t: EmittedText): EmittedTextSummary {
  const out: { -readonly [K in keyof EmittedTextSummary]: EmittedTextSummary[K] } = {};
  if (t.reply !== undefined) out.reply = t.reply;
  if (t.log !== undefined) out.log = t.log;
  if (t.code !== undefined) out.code = t.code;
  if (t.enhanced !== undefined) out.enhanced = t.enhanced;
  return out;
}

function treeShape(tree: Entry['tree']): TreeShape {
  return {
    root: tree.root,
    nodes: tree.nodes.map((n) =>
      n.kind === 'question'
        ? { kind: 'question' as const, id: n.id, fact: n.fact, options: n.options.map((o) => ({ value: o.value, next: o.next })) }
        : { kind: 'leaf' as const, id: n.id, cause: n.cause, ...(n.offer ? { offer: n.offer } : {}) },
    ),
  };
}

/** The summary of a validated entry. */
export function summarizeEntry(entry: Entry): EntrySummary {
  return {
    id: entry.id,
    title: entry.title,
    summary: entry.summary,
    category: entry.category,
    reason: entry.reason,
    codes: entry.codes,
    enhanced: entry.enhanced,
    related: entry.related ?? [],
    asOf: entry.meta.asOf,
    signatures: entry.signatures.map(({ examples: _examples, sources: _sources, ...rest }) => rest),
    causes: entry.causes.map((c) => ({
      id: c.id,
      title: c.title,
      reason: c.reason,
      owner: c.owner,
      emitters: c.emitters.map((e) => ({ product: e.product, texts: e.texts.map(textSummary) })),
    })),
    tree: treeShape(entry.tree),
  };
}

/** The index of a validated knowledge base. */
export function summarizeKb(kb: { readonly entries: readonly Entry[] }): KbIndex {
  return { entries: kb.entries.map(summarizeEntry) };
}

/** The summary of the entry with this id. */
export function findSummary(index: KbIndex, id: string): EntrySummary | undefined {
  return index.entries.find((e) => e.id === id);
}
