// @vitest-environment node
/**
 * "A new user who pastes any line from DOMAIN.md §5 gets the right entry": the typical text of every
 * row of the fact sheet's table of common errors (placeholders filled with documentation values),
 * classified on the shipped knowledge base. Row numbers are the table's. Each row also names the
 * reason the fact sheet's cause implies, so the finding's reason is checked as well as the entry.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '@/engine/classifier/classify.ts';
import { redact } from '@/engine/classifier/redact.ts';
import { bundledKb } from '@/kb-data/kb.ts';

const loaded = bundledKb();

interface Row {
  readonly row: number;
  readonly text: string;
  readonly entry: string;
}

const RELAY = 'relay/smtp-554-relay-access-denied';
const AUTH_REQUIRED = 'authentication/smtp-530-authentication-required';
const AUTH_FAILED = 'authentication/smtp-535-authentication-failed';
const PTR = 'reputation/smtp-450-client-hostname-unknown';
const HELO = 'policy/smtp-504-helo-rejected';
const DNSBL = 'reputation/smtp-554-blocked-using-dnsbl';
const DOMAIN = 'recipient/smtp-domain-not-found';
const AUTH_POLICY = 'policy/smtp-550-5-7-26-authentication-failed';
const SPAM = 'reputation/smtp-550-spam-or-policy-rejected';
const SYNC = 'message/smtp-554-protocol-synchronization';

const ROWS: readonly Row[] = [
  { row: 1, text: '554 5.7.1 <bob@example.net>: Relay access denied', entry: RELAY },
  { row: 2, text: '454 4.7.1 <bob@example.net>: Relay access denied', entry: RELAY },
  { row: 3, text: '550 5.7.1 Unable to relay', entry: RELAY },
  { row: 4, text: '530 5.7.0 Must issue a STARTTLS command first', entry: AUTH_REQUIRED },
  { row: 5, text: '530 5.7.0 Authentication required', entry: AUTH_REQUIRED },
  { row: 6, text: '535 5.7.8 Error: authentication failed: authentication failure', entry: AUTH_FAILED },
  { row: 6, text: '535 Incorrect authentication data', entry: AUTH_FAILED },
  { row: 6, text: '535-5.7.8 Username and Password not accepted. For more information, go to 535 5.7.8  https://support.google.com/mail/?p=BadCredentials a1sm123456 - gsmtp', entry: AUTH_FAILED },
  { row: 7, text: '534-5.7.9 Application-specific password required. For more information, go to 534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor a1sm123456 - gsmtp', entry: AUTH_FAILED },
  { row: 8, text: '454 4.7.0 Too many login attempts, please try again later. a1sm123456 - gsmtp', entry: 'authentication/smtp-454-temporary-authentication-failure' },
  { row: 8, text: '454 4.7.0 Temporary authentication failure', entry: 'authentication/smtp-454-temporary-authentication-failure' },
  { row: 9, text: '504 5.5.4 Encryption required for requested authentication mechanism', entry: AUTH_REQUIRED },
  { row: 10, text: '454 4.7.0 TLS not available due to local problem', entry: 'tls/smtp-454-tls-not-available' },
  { row: 10, text: '454 TLS currently unavailable', entry: 'tls/smtp-454-tls-not-available' },
  { row: 11, text: 'Nov 25 10:00:01 out1 postfix/smtp[2211]: 3F2A1B0C9D: TLS is required, but was not offered by host mx.example.net[192.0.2.25]', entry: 'tls/smtp-tls-required-not-offered' },
  { row: 13, text: '450 4.2.0 <bob@example.net>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.net.html', entry: 'reputation/smtp-450-greylisted' },
  { row: 14, text: '450 4.7.25 Client host rejected: cannot find your hostname, [192.0.2.44]', entry: PTR },
  { row: 15, text: '450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.44]', entry: PTR },
  { row: 16, text: '550-5.7.25 [192.0.2.44] The IP address sending this message does not have a PTR record setup, or the corresponding forward DNS entry does not point to the sending IP. As a policy, Gmail does not accept messages from IPs with missing PTR records.', entry: PTR },
  { row: 17, text: '504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname', entry: HELO },
  { row: 18, text: '501-5.5.4 HELO/EHLO argument is invalid. For more information, go to 501 5.5.4  https://support.google.com/mail/?p=helo a1si123 - gsmtp', entry: HELO },
  { row: 19, text: '554 5.7.1 Service unavailable; Client host [192.0.2.44] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.44', entry: DNSBL },
  { row: 20, text: "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.44, because the ip is in Spamhaus's list; see https://postmaster.yahooinc.com/error-codes", entry: DNSBL },
  { row: 21, text: '550 5.7.606 Access denied, banned sending IP [192.0.2.44]. To request removal from this list please visit https://sender.office.com/ and follow the directions.', entry: DNSBL },
  { row: 22, text: '550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown in local recipient table', entry: 'recipient/smtp-550-user-unknown' },
  { row: 22, text: "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.", entry: 'recipient/smtp-550-user-unknown' },
  { row: 23, text: '550-5.2.1 The email account that you tried to reach is disabled.', entry: 'recipient/smtp-550-mailbox-disabled' },
  { row: 24, text: '450 4.1.8 <app@no-such-domain.example>: Sender address rejected: Domain not found', entry: DOMAIN },
  { row: 24, text: '450 4.1.2 <bob@no-such-domain.example>: Recipient address rejected: Domain not found', entry: DOMAIN },
  { row: 25, text: "553-5.1.2 We weren't able to find the recipient domain. Please check for any spelling errors, and make sure you didn't enter any spaces, periods, or other punctuation after the recipient's email address.", entry: DOMAIN },
  { row: 26, text: '452-4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp', entry: 'recipient/smtp-552-mailbox-full' },
  { row: 27, text: '552 5.3.4 Message size exceeds fixed limit', entry: 'message/smtp-552-message-too-big' },
  { row: 27, text: '552 Message size exceeds maximum permitted', entry: 'message/smtp-552-message-too-big' },
  { row: 28, text: '452 4.3.1 Insufficient system storage', entry: 'message/smtp-452-insufficient-system-storage' },
  { row: 28, text: '452 Space shortage, please try later', entry: 'message/smtp-452-insufficient-system-storage' },
  { row: 29, text: '452 4.5.3 Error: too many recipients', entry: 'message/smtp-452-too-many-recipients' },
  { row: 30, text: '450 4.7.1 Error: too much mail from 192.0.2.44', entry: 'policy/smtp-450-too-much-mail-rate-limited' },
  { row: 31, text: '450-4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend your message at a later time.', entry: 'reputation/smtp-450-4-2-1-recipient-receiving-too-fast' },
  { row: 31, text: '450 User is receiving mail too quickly', entry: 'reputation/smtp-450-4-2-1-recipient-receiving-too-fast' },
  { row: 32, text: '554 5.2.121 Transaction failed: The sender has exceeded the limit for the number of messages they can send to this recipient per hour.', entry: 'policy/microsoft-554-5-2-121-recipient-hourly-limit' },
  { row: 33, text: '550 5.4.5 Daily user sending limit exceeded. For more information on Gmail sending limits go to https://support.google.com/a/answer/166852 a1sm123 - gsmtp', entry: 'policy/gmail-550-5-4-5-daily-sending-limit' },
  { row: 33, text: '550 5.4.5 Daily SMTP relay limit exceeded for user. For more information on SMTP relay sending limits please contact your administrator', entry: 'policy/gmail-550-5-4-5-daily-sending-limit' },
  { row: 34, text: '550-5.7.26 This message does not have authentication information or fails to pass authentication checks (SPF or DKIM). To best protect our users from spam, the message has been blocked.', entry: AUTH_POLICY },
  { row: 38, text: '550 5.7.509 Access denied, sending domain [example.com] does not pass DMARC verification and has a DMARC policy of reject.', entry: AUTH_POLICY },
  { row: 40, text: '550-5.7.1 Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked.', entry: SPAM },
  { row: 41, text: '550-5.7.1 Messages missing a valid Message-ID: header are not accepted.', entry: SPAM },
  { row: 42, text: '554 5.7.9 Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes', entry: SPAM },
  { row: 44, text: '554 5.5.0 Error: SMTP protocol synchronization', entry: SYNC },
  { row: 44, text: '554 SMTP synchronization error', entry: SYNC },
  { row: 45, text: '521 5.5.2 mail.example.net Error: bare <LF> received', entry: 'message/smtp-bare-lf-rejected' },
  { row: 46, text: '503 5.5.1 Error: need MAIL command', entry: SYNC },
  { row: 47, text: '501 5.1.7 Bad sender address syntax', entry: 'recipient/smtp-501-bad-address-syntax' },
  { row: 47, text: '501 5.1.3 Bad recipient address syntax', entry: 'recipient/smtp-501-bad-address-syntax' },
  { row: 48, text: 'Nov 25 10:00:01 mx1 postfix/smtp[2211]: 3F2A1B0C9D: to=<bob@example.net>, relay=none, delay=0.1, delays=0.05/0/0.05/0, dsn=5.4.6, status=bounced (mail for example.net loops back to myself)', entry: 'transport/smtp-554-mail-loop' },
  { row: 48, text: '554 5.4.6 Message exceeded 50 hops, this may indicate a mail loop.', entry: 'transport/smtp-554-mail-loop' },
  { row: 49, text: 'Nov 25 10:00:01 out1 postfix/smtp[2211]: connect to mx.example.net[192.0.2.25]:25: Connection refused', entry: 'transport/smtp-connection-refused-or-timed-out' },
  { row: 49, text: 'Nov 25 10:00:01 out1 postfix/smtp[2211]: connect to mx.example.net[192.0.2.25]:25: Connection timed out', entry: 'transport/smtp-connection-refused-or-timed-out' },
  { row: 50, text: 'Nov 25 10:00:01 out1 postfix/smtp[2211]: 3F2A1B0C9D: lost connection with mx.example.net[192.0.2.25] while receiving the initial server greeting', entry: 'transport/smtp-lost-connection-or-timeout' },
  { row: 50, text: 'Nov 25 10:00:01 out1 postfix/smtp[2211]: 3F2A1B0C9D: conversation with mx.example.net[192.0.2.25] timed out while sending end of data -- message may be sent more than once', entry: 'transport/smtp-lost-connection-or-timeout' },
  { row: 51, text: 'Nov 25 10:00:01 out1 postfix/smtp[2211]: 3F2A1B0C9D: to=<bob@example.net>, relay=none, delay=0.1, delays=0.05/0/0.05/0, dsn=4.4.3, status=deferred (Host or domain name not found. Name service error for name=example.net type=MX: Host not found, try again)', entry: DOMAIN },
  { row: 52, text: '451 4.3.0 Mail server temporarily rejected message. a1si123 - gsmtp', entry: 'communication/smtp-451-provider-temporary-error' },
  { row: 53, text: '554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: app@example.com', entry: 'policy/amazon-ses-554-message-rejected' },
  { row: 54, text: '454 Throttling failure: Maximum sending rate exceeded.', entry: 'communication/smtp-421-service-not-available' },
  { row: 54, text: '454 Throttling failure: Daily message quota exceeded.', entry: 'communication/smtp-421-service-not-available' },
];

describe('every row of DOMAIN.md §5, pasted as is', () => {
  it('the shipped knowledge base loads', () => {
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
  });

  it.each(ROWS.map((r) => [`row ${r.row}: ${r.text.slice(0, 70)}`, r] as const))('%s', (_name, r) => {
    if (!loaded.ok) throw new Error('knowledge base does not load');
    const kb = loaded.kb;
    const top = classify(kb, redact(r.text).text).findings[0];
    expect(top?.entry, r.text).toBe(r.entry);
    const entry = kb.entries.find((e) => e.id === r.entry);
    // Bilingual: the entry (and the cause or candidates found) read in both languages.
    expect(entry?.title.zh).not.toBe(entry?.title.en);
    for (const id of top?.candidates ?? []) {
      const cause = entry?.causes.find((c) => c.id === id);
      expect(cause, `${r.entry} has no cause ${id}`).toBeDefined();
      expect(cause?.explanation.zh).not.toBe(cause?.explanation.en);
    }
    // And something to do: at least one workaround for the causes found.
    expect(entry?.workarounds.some((w) => w.causes.some((c) => top?.candidates.includes(c)))).toBe(true);
  });
});
