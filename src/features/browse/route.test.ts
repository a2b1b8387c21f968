// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { browseHash, parseBrowseHash } from './route.ts';

describe('browse routes', () => {
  it('round-trips the index with a query and an entry id', () => {
    for (const r of [{ kind: 'index', query: '' }, { kind: 'index', query: '421 gmail' }, { kind: 'entry', id: 'communication/smtp-421-service-not-available' }] as const) {
      expect(parseBrowseHash(browseHash(r))).toEqual(r);
    }
    expect(parseBrowseHash('#/diagnose?e=x')).toBeUndefined();
    expect(parseBrowseHash('#/entries/%E0%A4%A')).toEqual({ kind: 'index', query: '' });
  });
});
