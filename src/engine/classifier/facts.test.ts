// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findEntry } from '@/engine/kb/load-kb.ts';
import { EMPTY_WALK, resolve, step } from '@/engine/walker/step.ts';
import { fixtureKb, FIXTURE_ENTRY_ID } from '@/testing/fixtures/classifier/fixture-kb.ts';
import { fixtureText } from '@/testing/fixtures/classifier/read.ts';
import { classify } from './classify.ts';
import { factsForFinding } from './facts.ts';
import type { Finding } from './types.ts';

const kb = fixtureKb();
const entry = findEntry(kb, FIXTURE_ENTRY_ID);
if (!entry) throw new Error('fixture entry missing');

function first(text: string): Finding {
  const [f] = classify(kb, text).findings;
  if (!f) throw new Error(`no finding for ${text}`);
  return f;
}

function walkTo(facts: Readonly<Record<string, string>>) {
  return resolve(entry!.tree, step(entry!.tree, EMPTY_WALK, { type: 'infer', facts }));
}

describe('factsForFinding', () => {
  it('a proven cause with one agreeing path: the whole path, so the walk reaches the leaf without a question', () => {
    const f = first('Mar  3 10:12:01 mx1 postfix/smtpd[2211]: warning: Connection concurrency limit exceeded: 51 from unknown[203.0.113.5] for service smtp');
    const facts = factsForFinding(entry, f);
    expect(facts).toEqual({ role: 'emitting-server', emitter: 'postfix', product: 'postfix', 'postfix-log': 'concurrency' });
    const r = walkTo(facts);
    expect(r.leaf?.cause).toBe('postfix-count');
    expect(r.path.every((p) => p.origin === 'paste')).toBe(true);
  });

  it('a proven cause with one path: the signature emitter plus that path', () => {
    const facts = factsForFinding(entry, first('421 4.7.0 [TSS04] Messages from 203.0.113.5 temporarily deferred due to unexpected volume or user complaints'));
    expect(facts).toEqual({ emitter: 'yahoo', 'yahoo-code': 'tss04' });
    expect(walkTo(facts).leaf?.cause).toBe('yahoo-tss04');
  });

  it('a proven cause with several agreeing paths: only the facts they share', () => {
    const f = first('host mx.example.net[198.51.100.7] refused to talk to me: 421 4.7.0 Try again later');
    // Paths: {emitter: postfix, role: sending-server} and {emitter: other, generic-pattern: under-volume, role: sending-server, product: postfix}.
    const facts = factsForFinding(entry, f);
    expect(facts).toEqual({ role: 'sending-server', product: 'postfix' });
    const r = walkTo(facts);
    expect(r.current?.fact).toBe('emitter');
    expect(r.candidates).toContain('postfix-sender-deferred');
  });

  it('the context narrows several paths down to one', () => {
    const f = first('Mar  3 10:20:11 relay1 postfix/smtp[3311]: 4F1A: host mx.example.net[198.51.100.7] refused to talk to me: 421 4.7.0 busy - gsmtp');
    const facts = factsForFinding(entry, { ...f, facts: { ...f.facts, emitter: 'other' } });
    expect(facts).toEqual({ emitter: 'other', role: 'sending-server', product: 'postfix', 'generic-pattern': 'under-volume' });
    expect(walkTo(facts).leaf?.cause).toBe('postfix-sender-deferred');
  });

  it('a hint that contradicts every path to the proven cause gives way to the tree', () => {
    const f = first(fixtureText('phpmailer-debug.txt'));
    expect(f.cause).toBe('exim-per-host');
    const facts = factsForFinding(entry, { ...f, facts: { ...f.facts, emitter: 'gmail' } });
    expect(facts.emitter).toBe('exim');
    expect(walkTo(facts).leaf?.cause).toBe('exim-per-host');
  });

  it('no proven cause: only what the paste settled, so the walk asks the rest', () => {
    const f = first('421 4.7.0 Service not available, closing transmission channel');
    expect(factsForFinding(entry, f)).toEqual({});
    const g = first(fixtureText('jakarta-greeting.txt'));
    expect(factsForFinding(entry, g)).toEqual({ emitter: 'ses', role: 'app-sender', product: 'jakarta-mail' });
  });

  it('re-reads the signature, so a finding that went through JSON keeps its facts', () => {
    const f = first('Mar  3 10:12:01 mx1 postfix/smtpd[2211]: warning: Connection rate limit exceeded: 120 from unknown[203.0.113.5] for service smtp');
    const parsed: unknown = JSON.parse(JSON.stringify({ cause: f.cause, signature: f.signature, facts: {} }));
    const { cause, signature } = parsed as { cause: string; signature: string };
    expect(factsForFinding(entry, { cause, signature, facts: {} })).toEqual({ role: 'emitting-server', emitter: 'postfix', product: 'postfix', 'postfix-log': 'rate' });
  });
});
