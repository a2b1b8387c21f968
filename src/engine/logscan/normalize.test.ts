import { describe, expect, it } from 'vitest';
import { volatileFree } from './normalize.ts';

describe('volatileFree', () => {
  it('removes what varies between messages', () => {
    const a = volatileFree('host mx.example.org[203.0.113.5] said: 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command)');
    const b = volatileFree('host mx.example.org[198.51.100.9] said: 550 5.1.1 <carol@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command)');
    expect(a).toBe(b);
    expect(a).toBe('host mx.example.org[] said: 550 5.1.1 <>: Recipient address rejected: User unknown (in reply to RCPT TO command)');
    expect(volatileFree('Messages from 192.0.2.1 temporarily deferred')).toBe(volatileFree('Messages from 203.0.113.77 temporarily deferred'));
    expect(volatileFree('limit exceeded: 56 from x')).toBe(volatileFree('limit exceeded: 71 from x'));
    expect(volatileFree('OK 1700000000 a640c23a62f3a-3c1e - gsmtp')).toBe(volatileFree('OK 1700000001 b7777c23a62f3a-99ff - gsmtp'));
    expect(volatileFree('mail to user@example.com failed')).toBe('mail to @ failed');
  });

  it('keeps reply codes, enhanced codes and names', () => {
    expect(volatileFree('421 4.7.0 Try again')).not.toBe(volatileFree('450 4.7.0 Try again'));
    expect(volatileFree('421 4.7.0 Try again')).not.toBe(volatileFree('421 4.7.1 Try again'));
    expect(volatileFree('421-4.7.28 rate limited')).toBe('421-4.7.28 rate limited');
    expect(volatileFree('[TSS04] x')).toBe('[TSS04] x');
    expect(volatileFree('[IPv6:2001:db8::1] x')).toBe('[] x');
    expect(volatileFree('TSS04 mta7.am0.yahoodns.net')).toBe('TSS04 mta7.am0.yahoodns.net');
  });

  it('stays bounded on long input', () => {
    expect(volatileFree('x '.repeat(10_000)).length).toBeLessThanOrEqual(1000);
    expect(volatileFree('<'.repeat(5000))).toBe('<'.repeat(1000));
  });
});
