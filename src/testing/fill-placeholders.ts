/**
 * Fills the `<placeholder>` names KB texts use (`<ip>`, `<host>`, …) with realistic values, so a
 * cause's exact texts can be classified as real lines. Shared by the classifier's KB test and the
 * KB overlap test.
 */

/** Realistic values for the placeholders KB texts use (`<ip>`, `<host>`, …). */
export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  ip: '203.0.113.5',
  host: 'mx.example.net',
  mx: 'mx.example.net',
  client: 'mail.example.org',
  domain: 'example.com',
  address: 'alice@example.com',
  sender: 'alice@example.com',
  rcpt: 'bob@example.net',
  user: 'root',
  text: 'temporary failure',
  n: '51',
  limit: '50',
  port: '51234',
  command: 'RCPT',
  service: 'smtp',
  name: 'MTA-v4',
  daemon: 'MTA-v4',
  milter: 'inet:127.0.0.1:8891',
  region: 'us-east-1',
  connector: 'Default Frontend EX01',
  'queue-id': '4F1A2B3C4D',
  path: '/var/spool/exim4/input',
  file: 'df523ACx1F004411',
  event: 'SMFIC_CONNECT',
  'previous level': 'Normal',
  'current level': 'High',
  // Postfix writes these as literal text ("bare <LF> received"): they stand for themselves.
  LF: '<LF>',
  CR: '<CR>',
  CRLF: '<CRLF>',
};

/** Placeholder names {@link fillPlaceholders} had to guess a value for (not in {@link PLACEHOLDERS}). */
export const unknownPlaceholders = new Set<string>();

function guess(name: string): string {
  unknownPlaceholders.add(name);
  const n = name.toLowerCase();
  if (n.includes('ip') || n.includes('addr')) return '203.0.113.5';
  if (n.includes('host') || n.includes('server')) return 'mx.example.net';
  if (n.includes('domain')) return 'example.com';
  if (n.includes('mail') || n.includes('rcpt') || n.includes('recipient')) return 'bob@example.net';
  if (n.includes('count') || n.includes('num') || n.includes('size') || n.includes('time')) return '51';
  return 'example';
}

function isPlaceholderName(name: string): boolean {
  if (name.length === 0 || name.length > 40) return false;
  const c0 = name.charCodeAt(0) | 32;
  if (c0 < 97 || c0 > 122) return false;
  for (let i = 1; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 45 || c === 95 || c === 32;
    if (!ok) return false;
  }
  return true;
}

/** Replaces every `<name>` placeholder (letters, digits, `-`, `_`, blanks) with a realistic value. */
export function fillPlaceholders(template: string): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('<', i);
    if (open < 0) break;
    const close = template.indexOf('>', open + 1);
    const name = close > open ? template.slice(open + 1, close) : '';
    if (!isPlaceholderName(name)) {
      out += template.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    // Postfix writes `<client>[<ip>]`; where no `[<ip>]` follows (Sendmail, Exim), the client is `name [ip]`.
    const value = name === 'client' && template[close + 1] !== '[' ? 'mail.example.org [203.0.113.5]' : (PLACEHOLDERS[name] ?? guess(name));
    out += template.slice(i, open) + value;
    i = close + 1;
  }
  return out + template.slice(i);
}
