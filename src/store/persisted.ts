/**
 * The layout saved in localStorage (current version) and its validator. Only what the user gave
 * is saved: language, the entry, the wizard step, the facts and the redacted paste. Results
 * (classification, resolution, diagnosis) are derived again after a reload.
 */
import * as z from 'zod/mini';
import { LANGS } from '@/i18n/lang.ts';
import { WIZARD_STEPS } from './wizard-flow.ts';

export const PERSIST_NAME = 'smtp-doctor';
export const PERSIST_VERSION = 2;

/** A longer paste is kept for the session but not saved: localStorage is small and shared by the origin. */
export const PASTE_PERSIST_LIMIT = 64 * 1024;

const factId = () => z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));
export const factRecordSchema = z.record(factId(), z.string().check(z.minLength(1), z.maxLength(128)));

export const persistedV2Schema = z.object({
  lang: z.enum(LANGS),
  entryId: z.nullable(z.string().check(z.minLength(1), z.maxLength(200))),
  step: z.enum(WIZARD_STEPS),
  answers: factRecordSchema,
  inferred: factRecordSchema,
  paste: z.string().check(z.maxLength(PASTE_PERSIST_LIMIT)),
});
export type PersistedV2 = z.infer<typeof persistedV2Schema>;

/** What persist writes around the state. */
export const envelopeSchema = z.object({ state: z.unknown(), version: z.number() });
