// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MIGRATED_VERSIONS, migratePersisted, migrateV1ToV2, validatePersisted, type PersistedV1 } from './migrations.ts';
import { PERSIST_VERSION, persistedV2Schema } from './persisted.ts';

/** One saved state per old version, as that version wrote it. */
const SAVED_BY_VERSION: Readonly<Record<number, unknown>> = {
  1: {
    lang: 'zh',
    entry: 'communication/smtp-421-service-not-available',
    answers: [
      ['role', 'sending-server'],
      ['product', 'postfix'],
      ['emitter', 'yahoo'],
    ],
    paste: '421 4.7.0 [TSS04] Messages from 203.0.113.5 temporarily deferred\nAUTH PLAIN AHVzZXIAcGFzcw==',
  },
};

describe('saved-state migrations', () => {
  it('turns a v1 state into a valid v2 state with answers keyed by fact', () => {
    const v1 = SAVED_BY_VERSION[1];
    expect(validatePersisted(v1, 1)).toBe(true);
    const v2 = migratePersisted(v1, 1);
    expect(v2).toEqual({
      lang: 'zh',
      entryId: 'communication/smtp-421-service-not-available',
      step: 'questions',
      answers: { role: 'sending-server', product: 'postfix', emitter: 'yahoo' },
      inferred: {},
      paste: '',
    });
    expect(persistedV2Schema.safeParse(v2).success).toBe(true);
  });

  it('drops the unredacted v1 paste and reopens at the paste step when v1 had no entry', () => {
    const v1: PersistedV1 = { lang: 'en', entry: null, answers: [], paste: 'password=hunter2' };
    expect(migrateV1ToV2(v1)).toMatchObject({ step: 'paste', entryId: null, paste: '' });
  });

  it('returns undefined for a state it cannot read', () => {
    expect(migratePersisted({ lang: 'en' }, 1)).toBeUndefined();
    expect(migratePersisted(SAVED_BY_VERSION[1], 0)).toBeUndefined();
    expect(validatePersisted(SAVED_BY_VERSION[1], 7)).toBe(false);
  });

  it('has a migration and a saved example for every version before the current one', () => {
    const older = Array.from({ length: PERSIST_VERSION - 1 }, (_, i) => i + 1);
    expect([...MIGRATED_VERSIONS]).toEqual(older);
    for (const v of older) {
      expect(SAVED_BY_VERSION[v], `no saved example for version ${v}`).toBeDefined();
      expect(persistedV2Schema.safeParse(migratePersisted(SAVED_BY_VERSION[v], v)).success, `migration from ${v}`).toBe(true);
    }
  });
});
