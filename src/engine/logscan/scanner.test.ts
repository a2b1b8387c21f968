// @vitest-environment node
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledKb } from '../../kb-data/kb.ts';
import type { Kb } from '../kb/load-kb.ts';
import { createScanner } from './scanner.ts';
import type { ProblemGroup, ScanOptions, ScanSummary } from './types.ts';

function loadKb(): Kb {
  const r = bundledKb();
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.kb;
}
const kb = loadKb();

function fixture(name: string): string {
  return readFileSync(new URL(`../../testing/fixtures/logscan/${name}`, import.meta.url), 'utf8');
}

function scan(text: string | readonly string[], options: ScanOptions = { year: 2026 }): ScanSummary {
  const s = createScanner(kb, options);
  for (const chunk of typeof text === 'string' ? [text] : text) s.push(chunk);
  return s.end();
}

function group(s: ScanSummary, entry: string, cause?: string): ProblemGroup | undefined {
  return s.groups.find((g) => g.entry === entry && (cause === undefined || g.cause === cause));
}

const DAY_MS = 86400_000;

describe('Postfix syslog', () => {
  const s = scan(fixture('postfix.log'));

  it('reads every line as Postfix, other programs aside', () => {
    expect(s.format).toBe('postfix');
    expect(s.formats).toEqual({ postfix: 26 });
    expect(s.lines).toBe(27);
    expect(s.otherLines).toBe(1);
    expect(s.unreadLines).toBe(0);
    expect(s.firstTime).toBe('2026-11-25T10:00:01.000Z');
    expect(s.lastTime).toBe('2026-11-25T10:11:12.000Z');
  });

  it('counts the outcomes of deliveries, rejects and expiries', () => {
    expect(s.outcomes).toEqual({ delivered: 2, deferred: 4, bounced: 1, rejected: 1, expired: 1 });
    const total = s.timeline.buckets.reduce((n, b) => n + b.delivered + b.deferred + b.bounced + b.rejected + b.expired, 0);
    expect(total).toBe(9);
    expect(s.timeline.bucketSeconds).toBe(60);
  });

  it('groups problems by diagnosis with the facts, captures and samples', () => {
    const gmail = group(s, 'communication/smtp-421-service-not-available', 'gmail-unusual-rate');
    expect(gmail).toMatchObject({ count: 2, outcome: 'deferred', code: 421, enhanced: '4.7.28', source: 'gmail', firstSeen: '2026-11-25T10:01:12.000Z', lastSeen: '2026-11-25T10:11:12.000Z' });
    expect(gmail?.facts).toMatchObject({ emitter: 'gmail', product: 'postfix', role: 'sending-server' });
    expect(gmail?.captures.ip).toBe('192.0.2.1');
    expect(gmail?.topRemoteHosts).toEqual([{ value: 'gmail-smtp-in.l.google.com', count: 2 }]);
    expect(gmail?.topRecipientDomains).toEqual([{ value: 'gmail.com', count: 2 }]);
    expect(gmail?.samples.map((x) => x.line)).toEqual([11, 12]);

    expect(group(s, 'communication/smtp-421-service-not-available', 'yahoo-tss04-volume-complaints')).toMatchObject({ count: 1, outcome: 'deferred' });
    const grey = group(s, 'reputation/smtp-450-greylisted');
    expect(grey).toMatchObject({ count: 1, outcome: 'deferred', code: 450, enhanced: '4.2.0', cause: null });
    expect(grey?.candidates.length).toBeGreaterThan(1);
    expect(group(s, 'relay/smtp-554-relay-access-denied')).toMatchObject({ count: 1, outcome: 'rejected', topClientIps: [{ value: '192.0.2.77', count: 1 }] });
    expect(group(s, 'recipient/smtp-550-user-unknown')).toMatchObject({ count: 1, outcome: 'bounced' });
    expect(group(s, 'transport/smtp-447-delivery-time-expired')).toMatchObject({ count: 1, outcome: 'expired' });
    expect(group(s, 'communication/smtp-421-service-not-available', 'postfix-connection-count-limit')).toMatchObject({ count: 1, outcome: null, captures: { ip: '192.0.2.78' } });
    // most frequent first
    const counts = s.groups.map((g) => g.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('counts top hosts, recipient domains and client IPs', () => {
    expect(s.topRemoteHosts[0]).toEqual({ value: 'gmail-smtp-in.l.google.com', count: 2 });
    expect(s.topRecipientDomains.map((c) => c.value)).toContain('greylist.example');
    expect(s.topClientIps.map((c) => c.value).sort()).toEqual(['192.0.2.77', '192.0.2.78', '198.51.100.7']);
  });

  it('follows messages by queue ID and says when the still-deferred ones will bounce', () => {
    expect(s.queue.messages).toBe(6);
    expect(s.queue.stillDeferredCount).toBe(2);
    const [first, second] = s.queue.stillDeferred;
    expect(first).toMatchObject({ queueId: '7D8E9F0A1B', from: 'carol@example.net', recipients: ['dave@gmail.com'], attempts: 2, outcome: 'deferred', firstSeen: '2026-11-25T10:01:10.000Z', lastSeen: '2026-11-25T10:11:12.000Z' });
    expect(first?.lastText).toContain('421-4.7.28');
    // Postfix maximal_queue_lifetime: 5 days after the message was first seen.
    expect(first?.bouncesAt).toBe(new Date(Date.parse('2026-11-25T10:01:10Z') + 5 * DAY_MS).toISOString());
    expect(second?.queueId).toBe('E5F6A7B8C9');
  });

  it('takes the queue lifetime from the options', () => {
    const t = scan(fixture('postfix.log'), { year: 2026, queueLifetimeSeconds: 3600 });
    expect(t.queue.stillDeferred[0]?.bouncesAt).toBe('2026-11-25T11:01:10.000Z');
  });

  it('classifies each distinct problem text once', () => {
    const lines: string[] = [];
    for (let i = 0; i < 200; i++) {
      const qid = (0x100000 + i).toString(16).toUpperCase();
      lines.push(`Nov 25 10:${String(i % 60).padStart(2, '0')}:00 mx1 postfix/smtp[${100 + i}]: ${qid}AB: to=<u${i}@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.102.${i % 250}]:25, delay=${i / 10}, delays=0.1/0/0.3/0.2, dsn=4.7.28, status=deferred (host gmail-smtp-in.l.google.com[142.250.102.${i % 250}] said: 421-4.7.28 [203.0.113.${i % 3 === 0 ? 9 : 8}      15] Gmail has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. (in reply to end of DATA command))`);
    }
    const t = scan(`${lines.join('\n')}\n`);
    expect(t.classifications).toBe(1);
    expect(t.groups).toHaveLength(1);
    expect(t.groups[0]).toMatchObject({ count: 200, cause: 'gmail-unusual-rate' });
    // captures are read from every line, not only the first
    expect(t.groups[0]?.captures.ip).toBe('203.0.113.8');
  });
});

describe('Postfix with ISO 8601 timestamps and journald markers', () => {
  const s = scan(fixture('postfix-iso.log'));
  it('reads fractions and zones', () => {
    expect(s.format).toBe('postfix');
    expect(s.unreadLines).toBe(0);
    expect(s.otherLines).toBe(1);
    expect(s.firstTime).toBe('2026-11-25T10:41:07.123Z');
    expect(s.lastTime).toBe('2026-11-25T10:45:00.000Z');
    expect(s.outcomes).toMatchObject({ delivered: 1, deferred: 1, rejected: 1 });
    expect(s.queue.stillDeferred[0]).toMatchObject({ queueId: '2B3C4D5E6F', firstSeen: '2026-11-25T10:41:09.000Z' });
    expect(group(s, 'transport/smtp-connection-refused-or-timed-out')?.captures).toMatchObject({ host: 'mx.example.com', ip: '198.51.100.9' });
  });
});

describe('Exim mainlog', () => {
  const s = scan(fixture('exim-mainlog.log'));
  it('reads arrivals, deliveries, deferrals, bounces and rejects', () => {
    expect(s.format).toBe('exim');
    expect(s.unreadLines).toBe(0);
    expect(s.outcomes).toEqual({ delivered: 1, deferred: 1, bounced: 1, rejected: 2, expired: 0 });
    expect(group(s, 'reputation/smtp-450-greylisted')).toMatchObject({ outcome: 'deferred', topRemoteHosts: [{ value: 'gmail-smtp-in.l.google.com', count: 1 }] });
    expect(group(s, 'recipient/smtp-550-user-unknown')).toMatchObject({ outcome: 'bounced' });
    expect(group(s, 'communication/smtp-421-service-not-available', 'exim-accept-max-per-host')).toMatchObject({ outcome: 'rejected', captures: { ip: '192.0.2.78' } });
    expect(group(s, 'relay/smtp-554-relay-access-denied')).toMatchObject({ outcome: 'rejected' });
    expect(s.topClientIps[0]).toEqual({ value: '198.51.100.7', count: 3 });
  });
  it('drops completed messages and gives deferred ones the 4-day retry limit', () => {
    expect(s.queue.messages).toBe(3);
    expect(s.queue.stillDeferred).toHaveLength(1);
    expect(s.queue.stillDeferred[0]).toMatchObject({ queueId: '1tGs1c-000Abc-1Q', from: 'carol@example.net', recipients: ['dave@gmail.com'], format: 'exim', bouncesAt: '2026-11-29T10:42:00.000Z' });
  });
});

describe('Sendmail and Exchange message tracking', () => {
  it('reads Sendmail to=/stat= and ruleset rejects', () => {
    const s = scan(fixture('sendmail.log'));
    expect(s.format).toBe('sendmail');
    expect(s.outcomes).toEqual({ delivered: 1, deferred: 1, bounced: 0, rejected: 1, expired: 0 });
    expect(group(s, 'communication/smtp-421-service-not-available', 'yahoo-tss04-volume-complaints')).toMatchObject({ outcome: 'deferred' });
    expect(s.queue.stillDeferred.map((q) => q.queueId)).toEqual(['4APAg0yy003103']);
    expect(s.queue.stillDeferred[0]?.bouncesAt).toBe('2026-11-30T10:42:00.000Z');
    expect(s.topRemoteHosts.map((h) => h.value).sort()).toEqual(['mta7.am0.yahoodns.net', 'mx.example.org']);
  });

  it('reads Exchange message-tracking CSV after its #Fields header', () => {
    const s = scan(fixture('exchange-tracking.log'));
    expect(s.format).toBe('exchange-tracking');
    expect(s.unreadLines).toBe(0);
    expect(s.outcomes).toMatchObject({ delivered: 1, deferred: 1 });
    expect(group(s, 'communication/smtp-421-service-not-available', 'yahoo-tss04-volume-complaints')).toMatchObject({ count: 1, outcome: 'deferred' });
    expect(s.queue.stillDeferred[0]).toMatchObject({ queueId: '41232', recipients: ['dave@yahoo.com'] });
  });
});

describe('bad input', () => {
  it('counts unreadable lines, keeps redacted samples and still reports the rest', () => {
    const s = scan(fixture('mixed-unknown.log'));
    expect(s.unreadLines).toBe(3);
    expect(s.unreadSamples.map((x) => x.line)).toEqual([1, 3, 6]);
    expect(s.unreadSamples[2]?.text).toBe('random text with password=[REDACTED] in it');
    expect(s.outcomes.delivered).toBe(2);
    expect(s.formats).toEqual({ postfix: 2, exim: 1, unknown: 3 });
  });

  it('skips a line longer than 64 KB, counted, and reads the lines around it', () => {
    const long = `Nov 25 10:00:00 mx1 postfix/smtpd[1]: warning: ${'x'.repeat(70_000)}`;
    const text = `${fixture('postfix.log')}${long}\n${fixture('postfix.log')}`;
    const s = scan(text);
    expect(s.skippedLongLines).toBe(1);
    expect(s.lines).toBe(55);
    expect(s.outcomes.delivered).toBe(4);
    const split = scan([text.slice(0, 5000), text.slice(5000, 40_000), text.slice(40_000, 80_000), text.slice(80_000)]);
    expect(split).toEqual(s);
  });

  it('honours a smaller maxLineLength, even for a last line without newline', () => {
    const s = scan('short line\n' + 'y'.repeat(50), { maxLineLength: 20 });
    expect(s).toMatchObject({ lines: 2, skippedLongLines: 1, unreadLines: 1 });
  });
});

describe('time range', () => {
  it('ignores lines outside --since/--until and counts them', () => {
    const s = scan(fixture('postfix.log'), { year: 2026, since: Date.parse('2026-11-25T10:03:00Z'), until: Date.parse('2026-11-25T10:05:59Z') });
    expect(s.outcomes).toEqual({ delivered: 0, deferred: 0, bounced: 1, rejected: 1, expired: 1 });
    expect(s.outOfRange).toBe(18);
    expect(s.firstTime).toBe('2026-11-25T10:03:00.000Z');
    expect(s.lastTime).toBe('2026-11-25T10:05:30.000Z');
  });

  it('crosses New Year in syslog stamps without a year', () => {
    const s = scan('Dec 31 23:59:59 mx1 postfix/smtpd[1]: connect from a[192.0.2.1]\nJan  1 00:00:01 mx1 postfix/smtpd[1]: connect from a[192.0.2.1]\n', { year: 2025 });
    expect(s.firstTime).toBe('2025-12-31T23:59:59.000Z');
    expect(s.lastTime).toBe('2026-01-01T00:00:01.000Z');
  });

  it('merges timeline buckets so a long span stays under 200 buckets', () => {
    const lines: string[] = [];
    for (let d = 0; d < 20; d++) {
      for (let h = 0; h < 24; h += 6) {
        lines.push(`2026-11-${String(d + 1).padStart(2, '0')} ${String(h).padStart(2, '0')}:00:00 1tGs0b-000Rst-9S => a@example.org R=dnslookup T=remote_smtp H=mx.example.org [203.0.113.5]`);
      }
    }
    const s = scan(lines.join('\n'));
    expect(s.timeline.buckets.length).toBeLessThanOrEqual(200);
    expect(s.timeline.bucketSeconds).toBe(10800);
    expect(s.timeline.buckets.reduce((n, b) => n + b.delivered, 0)).toBe(80);
    expect(s.timeline.buckets[0]?.t).toBe('2026-11-01T00:00:00.000Z');
  });
});

describe('streaming', () => {
  const all = [
    'postfix.log', 'postfix-iso.log', 'postfix-more.log', 'exim-mainlog.log', 'exim-rejectlog.log', 'sendmail.log', 'mixed-unknown.log',
    'exchange-tracking.log', 'exchange-send-protocol.log',
  ].map(fixture).join('');
  const crlf = fixture('postfix.log').replace(/\n/g, '\r\n');
  const whole = scan(all);
  const wholeCrlf = scan(crlf);

  it('gives the same summary whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: all.length - 1 }), { maxLength: 40 }), (cuts) => {
        const points = [0, ...[...cuts].sort((a, b) => a - b), all.length];
        const chunks = points.slice(1).map((p, i) => all.slice(points[i], p));
        expect(scan(chunks)).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });

  it('handles CRLF split between \\r and \\n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: crlf.length - 1 }), (cut) => {
        expect(scan([crlf.slice(0, cut), crlf.slice(cut)])).toEqual(wholeCrlf);
      }),
      { numRuns: 40 },
    );
    expect(wholeCrlf.outcomes).toEqual(scan(fixture('postfix.log')).outcomes);
  });

  it('never throws on arbitrary input', () => {
    const fragments = fc.constantFrom(
      'Nov 25 10:00:01 mx1 postfix/smtp[1]: ', 'ABCDEF1234: ', 'to=<', 'status=deferred (', ', relay=', 'NOQUEUE: reject: ', '2026-11-25 10:41:07 ',
      '1tGs0b-000Rst-9S ', '== ', '** ', 'H=', ' [', ']', '#Fields: date-time,event-id\n', '2026-11-25T10:00:00Z,', 'sendmail[1]: ', ', stat=', '\n', '\r', '"',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary' }), fragments), { maxLength: 30 }), fc.integer({ min: 1, max: 200 }), (parts, maxLineLength) => {
        const s = createScanner(kb, { year: 2026, maxLineLength });
        for (const p of parts) s.push(p);
        const sum = s.end();
        expect(sum.lines).toBeGreaterThanOrEqual(0);
        expect(() => JSON.stringify(sum)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('reports progress', () => {
    const s = createScanner(kb, { year: 2026 });
    s.push('a\nb\nc');
    expect(s.progress()).toEqual({ lines: 2, chars: 5 });
    expect(s.end().lines).toBe(3);
  });
});

describe('Exim rejectlog', () => {
  it('reads rejects and passes over the message dumps that follow them', () => {
    const s = scan(fixture('exim-rejectlog.log'));
    expect(s.format).toBe('exim');
    expect(s.unreadLines).toBe(0);
    expect(s.otherLines).toBe(10);
    expect(s.outcomes.rejected).toBe(2);
    expect(group(s, 'relay/smtp-554-relay-access-denied')).toMatchObject({ outcome: 'rejected', topClientIps: [{ value: '192.0.2.77', count: 1 }] });
  });
});

describe('Exchange SMTP protocol log', () => {
  it('counts the remote error replies of a Send log', () => {
    const s = scan(fixture('exchange-send-protocol.log'));
    expect(s.format).toBe('exchange-protocol');
    expect(s.unreadLines).toBe(0);
    expect(s.outcomes).toMatchObject({ deferred: 1, delivered: 0 });
    expect(group(s, 'communication/smtp-421-service-not-available', 'yahoo-tss04-volume-complaints')).toMatchObject({ outcome: 'deferred', topRemoteHosts: [{ value: '67.195.204.72', count: 1 }] });
  });
});

describe('bounded memory', () => {
  it('forgets the oldest open messages past 100 000, settled ones first', () => {
    const s = createScanner(kb, { year: 2026 });
    const batch: string[] = [];
    for (let i = 0; i < 100_010; i++) {
      const qid = i.toString(16).toUpperCase().padStart(10, '0');
      batch.push(`Nov 25 10:00:00 mx1 postfix/qmgr[812]: ${qid}: from=<a@example.net>, size=1, nrcpt=1 (queue active)`);
      if (batch.length === 5000) {
        s.push(`${batch.join('\n')}\n`);
        batch.length = 0;
      }
    }
    s.push(`${batch.join('\n')}\nNov 25 10:00:01 mx1 postfix/smtp[1]: 00000186A0: to=<b@example.org>, relay=none, delay=1, delays=0/0/1/0, dsn=4.4.1, status=deferred (connect to mx.example.org[203.0.113.5]:25: Connection timed out)\n`);
    const sum = s.end();
    expect(sum.queue.messages).toBe(100_010);
    expect(sum.queue.evicted).toBe(25_000);
    expect(sum.queue.stillDeferred.map((q) => q.queueId)).toEqual(['00000186A0']);
  });
});

describe('more Postfix shapes', () => {
  const s = scan(fixture('postfix-more.log'));
  it('reads postscreen and milter rejects, SASL warnings, non-final MX failures and multi-instance names', () => {
    expect(s.unreadLines).toBe(0);
    expect(s.outcomes).toEqual({ delivered: 0, deferred: 3, bounced: 1, rejected: 2, expired: 0 });
    expect(group(s, 'reputation/smtp-554-blocked-using-dnsbl')).toMatchObject({ outcome: 'rejected', topClientIps: [{ value: '192.0.2.91', count: 1 }] });
    expect(group(s, 'authentication/smtp-535-authentication-failed')).toMatchObject({ outcome: null, topClientIps: [{ value: '192.0.2.90', count: 1 }] });
    // the `connect to …` line of a non-final MX and the deferral that follows share a diagnosis
    expect(group(s, 'transport/smtp-connection-refused-or-timed-out')).toMatchObject({ count: 2, outcome: 'deferred' });
    expect(group(s, 'communication/smtp-421-service-not-available', 'postfix-sender-site-deferred')).toMatchObject({ count: 2 });
    // a reject no entry explains is counted, with a sample
    expect(s.unclassified?.count).toBe(1);
    expect(s.unclassified?.samples[0]?.line).toBe(8);
    expect(s.queue.stillDeferred.map((q) => q.queueId)).toEqual(['5A6B7C8D9E', '6B7C8D9E0F', '7C8D9E0F1A']);
  });
});

describe('Exim variants', () => {
  it('reads Exim 4.97 message IDs, log_timezone offsets and Exim logging through syslog', () => {
    const s = scan([
      '2026-11-25 10:41:07 +0100 1rJkbA-00000000Qtq-1Ttp <= a@example.net H=c.example [198.51.100.7] P=esmtp S=10',
      '2026-11-25 10:41:08 +0100 1rJkbA-00000000Qtq-1Ttp == b@gmail.com R=dnslookup T=remote_smtp defer (-44) H=gmail-smtp-in.l.google.com [142.250.102.27]: SMTP error from remote mail server after RCPT TO:<b@gmail.com>: 450 4.2.0 <b@gmail.com>: Recipient address rejected: Greylisted, see https://postgrey.schweikert.ch/help/example.org.html',
      'Nov 25 10:42:00 mx exim[4242]: 1tGs0b-000Rst-9S => c@example.org R=dnslookup T=remote_smtp H=mx.example.org [203.0.113.5]',
      '',
    ].join('\n'));
    expect(s.unreadLines).toBe(0);
    expect(s.formats).toEqual({ exim: 3 });
    expect(s.firstTime).toBe('2026-11-25T09:41:07.000Z');
    expect(s.outcomes).toMatchObject({ delivered: 1, deferred: 1 });
    expect(s.queue.stillDeferred[0]).toMatchObject({ queueId: '1rJkbA-00000000Qtq-1Ttp', from: 'a@example.net', bouncesAt: '2026-11-29T09:41:07.000Z' });
  });
});
