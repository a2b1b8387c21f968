/** The engine's public entry: pure TypeScript, no DOM, no Node, no React. */
export { KB_SCHEMA_VERSION, type Entry, type Cause, type Signature, type Tree, type TreeNode, type QuestionNode, type LeafNode, type Workaround, type DeadEnd, type Source, type Figure, type LocalizedText, type Compatibility, type EmittedText } from './kb/schema.ts';
export { loadKb, loadKbOrThrow, findEntry, type Kb, type LoadResult } from './kb/load-kb.ts';
export { composeEntry } from './kb/compose.ts';
export { REASONS, normalizeReason, type Reason } from './reasons.ts';
export { PRODUCTS, PRODUCT_IDS, ROLES, productInfo, isProductId, isRole, type ProductId, type ProductInfo, type Role } from './products.ts';
export { satisfies, parseVersion, compareVersions, parseRange } from './version.ts';
export { EngineError, type EngineErrorCode } from './errors.ts';
export { resolve, step, EMPTY_WALK, type WalkState, type WalkEvent, type Resolution, type PathStep, type FactOrigin } from './walker/step.ts';
export { checkTree, causesReachable, pathsToCause } from './walker/tree-check.ts';
export type { Finding, Classification, EmitterCheck } from './classifier/types.ts';
export { checkInput, MAX_INPUT_BYTES, type InputCheck } from './classifier/input.ts';
export { redact, REDACTED, type Redaction } from './classifier/redact.ts';
export { factsForFinding } from './classifier/facts.ts';
export type { Snippet, SnippetContext, SnippetGenerator, SnippetParams, SnippetLanguage, Lang } from './snippets/types.ts';
export { classify } from './classifier/classify.ts';
export { generateSnippets, snippetGenerator, registeredSnippetIds, productsFor } from './snippets/registry.ts';
export { SNIPPET_IDS, isSnippetId, type SnippetId } from './snippets/ids.ts';
export { diagnose, walkFact, type Diagnosis, type RankedWorkaround } from './diagnosis/diagnose.ts';
