/**
 * The diagnosis in the URL hash: `#/diagnose?e=<entry id>&s=<base64url JSON>`, where the JSON is
 * `{v: 1, st: <wizard step>, f: {<fact>: <value>}}`. The facts are everything the walk knows (answers
 * and facts read from a paste, flattened into answers); the pasted text itself is never in the link.
 */
import * as z from 'zod/mini';
import type { WalkState } from '@/engine/index.ts';
import { factRecordSchema } from './persisted.ts';
import { WIZARD_STEPS, type WizardStep } from './wizard-flow.ts';

export const SHARE_ROUTE = '#/diagnose';
const MAX_HASH_LENGTH = 8 * 1024;

const payloadSchema = z.object({
  v: z.literal(1),
  st: z.enum(WIZARD_STEPS),
  f: factRecordSchema,
});

export interface SharedDiagnosis {
  readonly entryId: string;
  readonly step: WizardStep;
  readonly walk: WalkState;
}

export type ParsedHash = { kind: 'none' } | { kind: 'invalid' } | { kind: 'ok'; shared: SharedDiagnosis };

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) return undefined;
  const padded = encoded.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (encoded.length % 4)) % 4);
  try {
    const binary = atob(padded);
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    // Bad base64 or bad UTF-8: the caller treats the link as invalid.
    return undefined;
  }
}

/** The hash for a walk, or '' when there is nothing to share yet (no entry, or still at the paste step). */
export function shareHash(entryId: string | null, step: WizardStep, walk: WalkState): string {
  if (entryId === null || step === 'paste') return '';
  const payload = { v: 1, st: step, f: { ...walk.inferred, ...walk.answers } };
  return `${SHARE_ROUTE}?e=${encodeURIComponent(entryId)}&s=${toBase64Url(JSON.stringify(payload))}`;
}

export function parseShareHash(hash: string): ParsedHash {
  if (hash !== SHARE_ROUTE && !hash.startsWith(`${SHARE_ROUTE}?`)) return { kind: 'none' };
  if (hash.length > MAX_HASH_LENGTH) return { kind: 'invalid' };
  const params = new URLSearchParams(hash.slice(SHARE_ROUTE.length + 1));
  const entryId = params.get('e');
  const encoded = params.get('s');
  if (!entryId || encoded === null) return { kind: 'invalid' };
  const json = fromBase64Url(encoded);
  if (json === undefined) return { kind: 'invalid' };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    // Not JSON: a truncated or hand-edited link.
    return { kind: 'invalid' };
  }
  const payload = payloadSchema.safeParse(raw);
  if (!payload.success) return { kind: 'invalid' };
  return { kind: 'ok', shared: { entryId, step: payload.data.st, walk: { answers: payload.data.f, inferred: {} } } };
}
