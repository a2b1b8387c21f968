/**
 * Small helpers shared by the snippet generators: localized text, comment lines in the user's
 * language, and the user's own values (or clear placeholders when a value is absent or unusable).
 */
import type { LocalizedText } from '../kb/schema.ts';
import type { Lang, SnippetContext, SnippetLanguage, SnippetParams } from './types.ts';

export function lt(en: string, zh: string): LocalizedText {
  return { en, zh };
}

/** Fills `{name}` slots in a localized template. Unknown slots are left as they are. */
export function fmt(text: LocalizedText, vars: Readonly<Record<string, string>>): LocalizedText {
  const fill = (s: string): string => s.replace(/\{([a-zA-Z]+)\}/g, (m, k: string) => vars[k] ?? m);
  return { en: fill(text.en), zh: fill(text.zh) };
}

export function pick(text: LocalizedText, lang: Lang): string {
  return lang === 'zh' ? text.zh : text.en;
}

const COMMENT_PREFIX: Readonly<Record<SnippetLanguage, string>> = {
  shell: '#', 'postfix-main': '#', 'postfix-master': '#', exim: '#', 'sendmail-mc': 'dnl', powershell: '#',
  javascript: '//', python: '#', php: '//', java: '//', dns: ';', text: '#',
};

/** A comment line (or several, one per line of the text) in the snippet's language. */
export function comment(language: SnippetLanguage, ctx: SnippetContext, text: LocalizedText, vars: Readonly<Record<string, string>> = {}, indent = ''): string {
  const prefix = COMMENT_PREFIX[language];
  return pick(fmt(text, vars), ctx.lang)
    .split('\n')
    .map((line) => `${indent}${prefix} ${line}`)
    .join('\n');
}

const LOGGED_LIMIT = lt('The log shows the limit {limit}.', '日志中显示的限制值为 {limit}。');

/** "The log shows the limit N." as a comment, or null when the user gave no limit. */
export function loggedLimit(language: SnippetLanguage, ctx: SnippetContext, indent = ''): string | null {
  const fl = fill(ctx.params);
  return fl.given.limit ? comment(language, ctx, LOGGED_LIMIT, { limit: fl.limit }, indent) : null;
}

/** Values from the user's situation, each either the user's value or a placeholder in angle brackets. */
export interface Filled {
  readonly hostname: string;
  readonly ip: string;
  readonly limit: string;
  readonly destination: string;
  readonly smtpHost: string;
  readonly region: string;
  /** Which values came from the user (false = placeholder). */
  readonly given: Readonly<Record<keyof SnippetParams, boolean>>;
}

export const PLACEHOLDERS: Readonly<Record<keyof SnippetParams, string>> = {
  hostname: '<hostname>',
  ip: '<client-ip>',
  limit: '<limit>',
  destination: '<destination-domain>',
  smtpHost: '<smtp-host>',
  region: '<region>',
};

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/;
const HOST = /^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62}))*\.?$/;

export function isIpv4(value: string): boolean {
  return IPV4.test(value);
}

export function isIp(value: string): boolean {
  return IPV4.test(value) || (value.includes(':') && IPV6.test(value));
}

/**
 * The user's values, checked so that nothing odd lands in a shell line or a config file:
 * an IP must look like an IP, a host name like a host name, a limit like a number, a region like
 * `eu-west-1`. Anything else is replaced by its placeholder.
 */
export function fill(params: SnippetParams): Filled {
  const ok = {
    hostname: params.hostname !== undefined && HOST.test(params.hostname),
    ip: params.ip !== undefined && isIp(params.ip),
    limit: params.limit !== undefined && /^\d{1,9}$/.test(params.limit),
    destination: params.destination !== undefined && HOST.test(params.destination),
    smtpHost: params.smtpHost !== undefined && HOST.test(params.smtpHost),
    region: params.region !== undefined && /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/.test(params.region),
  };
  const val = (k: keyof SnippetParams): string => (ok[k] ? (params[k] ?? PLACEHOLDERS[k]) : PLACEHOLDERS[k]);
  return {
    hostname: val('hostname'),
    ip: val('ip'),
    limit: val('limit'),
    destination: val('destination'),
    smtpHost: val('smtpHost'),
    region: val('region'),
    given: ok,
  };
}

/** Quotes a value for a POSIX shell (single quotes). */
export function shq(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Joins code lines, dropping `null` (lines left out by version gating). */
export function lines(...parts: readonly (string | null | false | readonly (string | null | false)[])[]): string {
  const out: string[] = [];
  for (const p of parts) {
    if (p === null || p === false) continue;
    if (typeof p === 'string') out.push(p);
    else for (const q of p) if (q !== null && q !== false) out.push(q);
  }
  return out.join('\n');
}

/** Placeholder for a value the user must choose (a new limit, a connector name, ...). */
export const CHOOSE = {
  newLimit: '<new-limit>',
  receiveConnector: '<receive-connector>',
  sendConnector: '<send-connector>',
  selector: '<dkim-selector>',
  domain: '<your-domain>',
  milterSocket: '<milter-socket>',
} as const;

/** The user's IP written the way Postfix/Exim address lists want it (IPv6 in brackets for Postfix). */
export function postfixAddr(ip: string): string {
  return ip.includes(':') ? `[${ip}]` : ip;
}
