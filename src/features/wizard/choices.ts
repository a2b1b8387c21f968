/** What the role and software steps offer, and the translation keys for the role texts. */
import { ROLES, productInfo, type ProductId, type Role } from '@/engine/index.ts';

export const ROLE_TEXT = {
  'app-sender': { label: 'role.app-sender.label', description: 'role.app-sender.description', short: 'role.app-sender.short' },
  'emitting-server': { label: 'role.emitting-server.label', description: 'role.emitting-server.description', short: 'role.emitting-server.short' },
  'sending-server': { label: 'role.sending-server.label', description: 'role.sending-server.description', short: 'role.sending-server.short' },
} as const satisfies Record<Role, { label: string; description: string; short: string }>;

export { ROLES };

/** MTAs a server operator can run. */
export const MTA_CHOICES: readonly ProductId[] = ['postfix', 'exim', 'sendmail', 'exchange', 'other'];
/** Servers and services an application can send through (the emitter of the error). */
export const EMITTER_CHOICES: readonly ProductId[] = ['postfix', 'exim', 'sendmail', 'exchange', 'microsoft365', 'gmail', 'yahoo', 'ses', 'other'];
/** SMTP client libraries. */
export const CLIENT_CHOICES: readonly ProductId[] = ['nodemailer', 'python-smtplib', 'phpmailer', 'jakarta-mail', 'other'];

/** The translation key naming "other" in each list. */
export const OTHER_TEXT = {
  mta: 'software.other-mta',
  emitter: 'software.other-emitter',
  client: 'software.other-client',
} as const;

export type ChoiceList = keyof typeof OTHER_TEXT;

export function choicesFor(list: ChoiceList): readonly ProductId[] {
  return list === 'mta' ? MTA_CHOICES : list === 'emitter' ? EMITTER_CHOICES : CLIENT_CHOICES;
}

export function isChoice(list: ChoiceList, value: string | undefined): value is ProductId {
  return value !== undefined && choicesFor(list).some((p) => p === value);
}

export function versionsOf(product: ProductId | undefined): readonly string[] {
  return product ? productInfo(product).versions : [];
}

/** A version a user may type: digits, letters, dots, dashes, plus; at most 32 characters. */
export function isPlausibleVersion(text: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9.+_-]{0,31}$/.test(text);
}
