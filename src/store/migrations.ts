/**
 * Saved-state versions and the migrations between them. Each migration is tested in
 * `migrations.test.ts`, which also fails when a version has no migration or no test.
 *
 * Version 1 — the first prototype (October 2026) saved one flat object:
 *   { lang: 'en' | 'zh', entry: string | null, answers: Array<[fact, value]>, paste: string }
 * `answers` were user answers only (the prototype read no facts from a paste), and it had no
 * wizard step: it reopened at the questions when an entry was set. It saved the paste *unredacted*.
 *
 * Version 2 — see `persisted.ts`: facts keyed by id in `answers` (user) and `inferred` (paste),
 * the wizard step, and only a redacted paste.
 */
import * as z from 'zod/mini';
import { LANGS } from '@/i18n/lang.ts';
import { PERSIST_VERSION, persistedV2Schema, type PersistedV2 } from './persisted.ts';

export const persistedV1Schema = z.object({
  lang: z.enum(LANGS),
  entry: z.nullable(z.string().check(z.minLength(1), z.maxLength(200))),
  answers: z.array(z.tuple([z.string().check(z.minLength(1), z.maxLength(64)), z.string().check(z.minLength(1), z.maxLength(128))])),
  paste: z.string(),
});
export type PersistedV1 = z.infer<typeof persistedV1Schema>;

/**
 * v1 -> v2. The v1 paste is dropped, not carried over: it was saved before redaction existed and may
 * hold credentials. The user pastes again if they need it; the answers and entry survive.
 */
export function migrateV1ToV2(v1: PersistedV1): PersistedV2 {
  const answers: Record<string, string> = {};
  for (const [fact, value] of v1.answers) answers[fact] = value;
  return {
    lang: v1.lang,
    entryId: v1.entry,
    step: v1.entry === null ? 'paste' : 'questions',
    answers,
    inferred: {},
    paste: '',
  };
}

/** Validators for every version that can still be read, by version. */
export const SCHEMAS_BY_VERSION = {
  1: persistedV1Schema,
  [PERSIST_VERSION]: persistedV2Schema,
} as const;

/** Versions with a migration to the next one. */
export const MIGRATED_VERSIONS = [1] as const;

export function isReadableVersion(version: number): version is keyof typeof SCHEMAS_BY_VERSION {
  return version === 1 || version === PERSIST_VERSION;
}

/** Validates saved state of a given version. */
export function validatePersisted(state: unknown, version: number): boolean {
  if (!isReadableVersion(version)) return false;
  return SCHEMAS_BY_VERSION[version].safeParse(state).success;
}

/**
 * zustand `persist` calls this when the saved version differs from the current one. Returns undefined
 * for state it cannot read (the storage wrapper has already rejected it, so this is a second guard).
 */
export function migratePersisted(state: unknown, version: number): PersistedV2 | undefined {
  if (version === 1) {
    const v1 = persistedV1Schema.safeParse(state);
    return v1.success ? migrateV1ToV2(v1.data) : undefined;
  }
  return undefined;
}
