/**
 * The knowledge-base schema. One entry = one SMTP error family (e.g. every 421 that means
 * "service not available"), with its causes, decision tree, remedies and sources.
 *
 * Every human text is a {@link LocalizedText} (`{en, zh}`); every fact lists the ids of the
 * entry's `sources` it rests on. The data is plain JSON under `kb/`; `loadKb` validates it with
 * this schema and then checks the references between parts (see `load-kb.ts`).
 */
import * as z from 'zod/mini';
import { REASONS } from '../reasons.ts';
import { PRODUCT_IDS, ROLES } from '../products.ts';

export const KB_SCHEMA_VERSION = 1;

const nonEmpty = () => z.string().check(z.minLength(1));
const kebabId = () => z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

export const localizedText = z.strictObject({ en: nonEmpty(), zh: nonEmpty() });
export type LocalizedText = z.infer<typeof localizedText>;

export const reasonSchema = z.enum(REASONS);
export const productSchema = z.enum(PRODUCT_IDS);
export const roleSchema = z.enum(ROLES);

/** A version range such as `>=2.2`, `>=3.7.6 <3.9` or `*`. Checked by `parseRange` at load. */
const versionRange = () => nonEmpty();
const replyCode = () => z.number().check(z.int(), z.gte(200), z.lte(599));
const enhancedCode = () => z.string().check(z.regex(/^[245]\.\d{1,3}\.\d{1,3}$/));

/** Where a fact comes from, and how we confirmed it. */
export const sourceSchema = z.strictObject({
  id: kebabId(),
  kind: z.enum(['rfc', 'vendor-doc', 'source-code', 'man-page', 'binary', 'third-party', 'original-page', 'bounce-analyser']),
  title: nonEmpty(),
  url: z.optional(z.string().check(z.regex(/^https?:\/\//))),
  /** Section, file path, tag or line: where in the source the fact sits. */
  locator: z.optional(nonEmpty()),
  /** How the fact was confirmed: read in the primary source, run against the binary, only secondary, … */
  confirmation: z.enum(['primary', 'binary', 'secondary', 'unconfirmed']),
  note: z.optional(localizedText),
});
export type Source = z.infer<typeof sourceSchema>;

const sourceIds = () => z.array(kebabId()).check(z.minLength(1));

/** A number shown to the user, always with where it came from. */
export const figureSchema = z.strictObject({
  value: z.number().check(z.gte(0)),
  basis: z.enum(['original-page', 'vendor-doc', 'editorial-estimate', 'measured', 'source-count']),
  note: localizedText,
});
export type Figure = z.infer<typeof figureSchema>;

/** A rate (success, failure, confidence) in 0…1, with its basis. */
export const rateSchema = z.strictObject({
  value: z.number().check(z.gte(0), z.lte(1)),
  basis: figureSchema.shape.basis,
  note: localizedText,
});

/** An exact text a product emits for a cause: the SMTP reply and/or the log line. */
export const emittedTextSchema = z.strictObject({
  /** The reply as sent on the wire, placeholders in angle brackets: `<host>`, `<ip>`, `<n>`. */
  reply: z.optional(nonEmpty()),
  /** The line the emitting or sending MTA writes to its own log. */
  log: z.optional(nonEmpty()),
  code: z.optional(replyCode()),
  enhanced: z.optional(enhancedCode()),
  /** When in the SMTP dialogue it is sent (greeting, EHLO, MAIL, RCPT, DATA, any). */
  stage: z.optional(z.enum(['connect', 'greeting', 'ehlo', 'starttls', 'auth', 'mail', 'rcpt', 'data', 'end-of-data', 'any'])),
  sources: sourceIds(),
});
export type EmittedText = z.infer<typeof emittedTextSchema>;

export const causeSchema = z.strictObject({
  id: kebabId(),
  title: localizedText,
  /** Coarse class from REASONS.md; refines the entry's reason. */
  reason: reasonSchema,
  /** Who must act to remove the cause. */
  actors: z.array(roleSchema).check(z.minLength(1)),
  emitters: z.array(
    z.strictObject({
      product: productSchema,
      versions: z.optional(versionRange()),
      texts: z.array(emittedTextSchema).check(z.minLength(1)),
    }),
  ).check(z.minLength(1)),
  explanation: localizedText,
  /**
   * Whose fault it is, from the point of view of the person sending the mail: their application,
   * their own server, the receiving side's server, or their provider/ESP.
   */
  owner: z.enum(['your-app', 'your-server', 'their-server', 'your-provider']),
  /** When someone else must act: who to contact and a ready message (evidence placeholders, no secrets). */
  contact: z.optional(z.strictObject({ who: localizedText, message: localizedText })),
  /** What to look at to confirm this is the cause: a log line to grep, a command to run. */
  confirm: z.array(
    z.strictObject({
      text: localizedText,
      command: z.optional(nonEmpty()),
      expect: z.optional(localizedText),
    }),
  ).check(z.minLength(1)),
  sources: sourceIds(),
});
export type Cause = z.infer<typeof causeSchema>;

/** A pattern the classifier looks for. `pattern` is a JavaScript regex source; named groups are extracted. */
export const signatureSchema = z.strictObject({
  id: kebabId(),
  kind: z.enum(['reply', 'log', 'client-error', 'dsn']),
  pattern: nonEmpty(),
  flags: z.optional(z.string().check(z.regex(/^[imsu]*$/))),
  /** The cause this text proves. Omit when the text fits several causes; then list them in `candidates`. */
  cause: z.optional(kebabId()),
  candidates: z.optional(z.array(kebabId()).check(z.minLength(2))),
  /** Which product emitted the text, when the text itself tells. */
  emitter: z.optional(productSchema),
  /** Facts this text settles for the decision tree (e.g. `{"role": "emitting-server"}`). */
  facts: z.optional(z.record(kebabId(), kebabId())),
  code: z.optional(replyCode()),
  enhanced: z.optional(enhancedCode()),
  /** 1 (vague) … 100 (unique wording): used to rank findings. */
  specificity: z.number().check(z.int(), z.gte(1), z.lte(100)),
  /** Real texts the pattern must match (the test suite checks each one). */
  examples: z.array(nonEmpty()).check(z.minLength(1)),
  sources: sourceIds(),
});
export type Signature = z.infer<typeof signatureSchema>;

export const treeOptionSchema = z.strictObject({
  value: kebabId(),
  label: localizedText,
  next: kebabId(),
});

export const treeNodeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('question'),
    id: kebabId(),
    /** The fact this question settles. A fact already known (from a paste or an earlier step) is not asked. */
    fact: kebabId(),
    question: localizedText,
    help: z.optional(localizedText),
    options: z.array(treeOptionSchema).check(z.minLength(2)),
  }),
  z.strictObject({
    kind: z.literal('leaf'),
    id: kebabId(),
    cause: kebabId(),
    /** Entries often confused with this one, offered when the walk ends here ("not this one"). */
    offer: z.optional(z.array(z.string().check(z.regex(/^[a-z0-9-]+\/[a-z0-9-]+$/))).check(z.minLength(1))),
  }),
]);
export type TreeNode = z.infer<typeof treeNodeSchema>;
export type QuestionNode = Extract<TreeNode, { kind: 'question' }>;
export type LeafNode = Extract<TreeNode, { kind: 'leaf' }>;

export const treeSchema = z.strictObject({
  root: kebabId(),
  nodes: z.array(treeNodeSchema).check(z.minLength(1)),
});
export type Tree = z.infer<typeof treeSchema>;

export const workaroundSchema = z.strictObject({
  id: kebabId(),
  title: localizedText,
  /** Ordered steps, each a sentence or two. */
  steps: z.array(localizedText).check(z.minLength(1)),
  /** Causes it fixes. */
  causes: z.array(kebabId()).check(z.minLength(1)),
  /** Who carries it out. */
  actors: z.array(roleSchema).check(z.minLength(1)),
  successRate: rateSchema,
  /** Snippet generator ids (see `src/engine/snippets/registry.ts`). */
  snippets: z.array(kebabId()),
  /** How to check that it worked: a command and what it should print. */
  verify: z.array(
    z.strictObject({ text: localizedText, command: z.optional(nonEmpty()), expect: z.optional(localizedText) }),
  ).check(z.minLength(1)),
  sources: sourceIds(),
});
export type Workaround = z.infer<typeof workaroundSchema>;

export const deadEndSchema = z.strictObject({
  id: kebabId(),
  title: localizedText,
  /** Why it does not fix the problem (or makes it worse). */
  why: localizedText,
  /** What to do instead. */
  instead: localizedText,
  failRate: rateSchema,
  /** Causes for which people typically try it. */
  causes: z.array(kebabId()).check(z.minLength(1)),
  sources: sourceIds(),
});
export type DeadEnd = z.infer<typeof deadEndSchema>;

export const compatibilitySchema = z.strictObject({
  product: productSchema,
  versions: versionRange(),
  status: z.enum(['active', 'changed', 'not-applicable']),
  notes: localizedText,
  sources: sourceIds(),
});
export type Compatibility = z.infer<typeof compatibilitySchema>;

export const entrySchema = z.strictObject({
  schemaVersion: z.literal(KB_SCHEMA_VERSION),
  id: z.string().check(z.regex(/^[a-z0-9-]+\/[a-z0-9-]+$/)),
  title: localizedText,
  codes: z.array(replyCode()).check(z.minLength(1)),
  enhanced: z.array(enhancedCode()),
  category: z.enum(['communication', 'authentication', 'tls', 'reputation', 'policy', 'recipient', 'message', 'transport']),
  /** The reason when nothing narrower is known; causes refine it. */
  reason: reasonSchema,
  summary: localizedText,
  rootCause: localizedText,
  compatibility: z.array(compatibilitySchema).check(z.minLength(1)),
  signatures: z.array(signatureSchema).check(z.minLength(1)),
  causes: z.array(causeSchema).check(z.minLength(1)),
  tree: treeSchema,
  workarounds: z.array(workaroundSchema).check(z.minLength(1)),
  deadEnds: z.array(deadEndSchema).check(z.minLength(1)),
  docs: z.array(z.strictObject({ title: localizedText, url: z.string().check(z.regex(/^https?:\/\//)), source: kebabId() })),
  sources: z.array(sourceSchema).check(z.minLength(1)),
  meta: z.strictObject({
    firstSeen: z.strictObject({ value: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), note: localizedText }),
    evidenceCount: figureSchema,
    confidence: rateSchema,
    fixRate: rateSchema,
    /** The date the receiver-policy facts were last checked (ISO). */
    asOf: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  }),
  related: z.array(z.string()),
});
export type Entry = z.infer<typeof entrySchema>;
