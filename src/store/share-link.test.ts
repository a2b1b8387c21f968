// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseShareHash, shareHash } from './share-link.ts';

const walk = { answers: { role: 'app-sender', product: 'nodemailer', version: '6' }, inferred: { emitter: 'exchange', 'exchange-limit': 'per-source' } };

describe('share links', () => {
  it('round-trips entry, step and every fact, with answers winning over inferred facts', () => {
    const hash = shareHash('communication/smtp-421-service-not-available', 'diagnosis', { answers: { ...walk.answers, emitter: 'postfix' }, inferred: walk.inferred });
    expect(hash).toMatch(/^#\/diagnose\?e=communication%2Fsmtp-421-service-not-available&s=[A-Za-z0-9_-]+$/);
    const parsed = parseShareHash(hash);
    expect(parsed).toEqual({
      kind: 'ok',
      shared: {
        entryId: 'communication/smtp-421-service-not-available',
        step: 'diagnosis',
        walk: { answers: { emitter: 'postfix', 'exchange-limit': 'per-source', role: 'app-sender', product: 'nodemailer', version: '6' }, inferred: {} },
      },
    });
  });

  it('keeps non-ASCII values intact', () => {
    const parsed = parseShareHash(shareHash('e/x', 'questions', { answers: { version: '版本-1' }, inferred: {} }));
    expect(parsed.kind === 'ok' && parsed.shared.walk.answers.version).toBe('版本-1');
  });

  it('has nothing to share before an entry is chosen or at the paste step', () => {
    expect(shareHash(null, 'questions', walk)).toBe('');
    expect(shareHash('e/x', 'paste', walk)).toBe('');
  });

  it('ignores other hashes and rejects damaged links', () => {
    expect(parseShareHash('')).toEqual({ kind: 'none' });
    expect(parseShareHash('#main')).toEqual({ kind: 'none' });
    expect(parseShareHash('#/diagnose')).toEqual({ kind: 'invalid' });
    expect(parseShareHash('#/diagnose?e=x&s=%%%')).toEqual({ kind: 'invalid' });
    expect(parseShareHash('#/diagnose?e=x&s=bm90IGpzb24')).toEqual({ kind: 'invalid' });
    const wrongShape = Buffer.from(JSON.stringify({ v: 1, st: 'diagnosis', f: { Role: 'x' } })).toString('base64url');
    expect(parseShareHash(`#/diagnose?e=x&s=${wrongShape}`)).toEqual({ kind: 'invalid' });
    expect(parseShareHash(`#/diagnose?e=x&s=${'A'.repeat(9000)}`)).toEqual({ kind: 'invalid' });
  });
});
