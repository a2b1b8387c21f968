/**
 * The classifier functions the paste step uses beyond `classify`, in one place.
 * TODO(lead): import these from `@/engine/index.ts` once the engine's public entry exports them.
 */
export { checkInput, MAX_INPUT_BYTES, type InputCheck } from '@/engine/classifier/input.ts';
export { factsForFinding } from '@/engine/classifier/facts.ts';
export { redact, type Redaction } from '@/engine/classifier/redact.ts';
export { diagnoseMessage } from '@/engine/intake/diagnose-message.ts';
export type { CharsetDecoder } from '@/engine/intake/mime.ts';
