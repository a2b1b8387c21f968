/**
 * The products smtp-doctor knows: MTAs a user runs, receiving providers, and client libraries.
 * Version lists are the choices the wizard offers; any other version string is accepted too.
 */
export const PRODUCT_IDS = [
  'postfix', 'exim', 'sendmail', 'exchange', 'microsoft365', 'gmail', 'yahoo', 'ses',
  'nodemailer', 'python-smtplib', 'phpmailer', 'jakarta-mail', 'other',
] as const;
export type ProductId = (typeof PRODUCT_IDS)[number];

/** Who the user is. The same ids name who must act on a cause. */
export const ROLES = ['app-sender', 'emitting-server', 'sending-server'] as const;
export type Role = (typeof ROLES)[number];

export type ProductKind = 'mta' | 'provider' | 'client' | 'other';

export interface ProductInfo {
  readonly id: ProductId;
  readonly kind: ProductKind;
  /** Display name; the same in both languages. */
  readonly name: string;
  /** Versions offered in the wizard, oldest first. Empty for hosted services. */
  readonly versions: readonly string[];
}

export const PRODUCTS: readonly ProductInfo[] = [
  { id: 'postfix', kind: 'mta', name: 'Postfix', versions: ['2.11', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9', '3.10'] },
  { id: 'exim', kind: 'mta', name: 'Exim', versions: ['4.92', '4.93', '4.94', '4.95', '4.96', '4.97', '4.98'] },
  { id: 'sendmail', kind: 'mta', name: 'Sendmail', versions: ['8.15', '8.16', '8.17', '8.18'] },
  { id: 'exchange', kind: 'mta', name: 'Microsoft Exchange Server', versions: ['2016', '2019', 'SE'] },
  { id: 'microsoft365', kind: 'provider', name: 'Microsoft 365 / Exchange Online / Outlook.com', versions: [] },
  { id: 'gmail', kind: 'provider', name: 'Gmail / Google Workspace', versions: [] },
  { id: 'yahoo', kind: 'provider', name: 'Yahoo / AOL', versions: [] },
  { id: 'ses', kind: 'provider', name: 'Amazon SES (SMTP endpoint)', versions: [] },
  { id: 'nodemailer', kind: 'client', name: 'Node.js nodemailer', versions: ['6', '7', '8', '9', '10'] },
  { id: 'python-smtplib', kind: 'client', name: 'Python smtplib', versions: ['3.9', '3.10', '3.11', '3.12', '3.13'] },
  { id: 'phpmailer', kind: 'client', name: 'PHPMailer', versions: ['6.2', '6.3', '6.9', '7.0'] },
  { id: 'jakarta-mail', kind: 'client', name: 'Jakarta Mail (Angus Mail)', versions: ['2.0', '2.1'] },
  { id: 'other', kind: 'other', name: 'Other', versions: [] },
];

export function productInfo(id: ProductId): ProductInfo {
  const found = PRODUCTS.find((p) => p.id === id);
  if (!found) throw new RangeError(`unknown product ${id}`);
  return found;
}

export function isProductId(value: string): value is ProductId {
  return PRODUCT_IDS.some((p) => p === value);
}

export function isRole(value: string): value is Role {
  return ROLES.some((r) => r === value);
}
