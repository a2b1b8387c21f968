/** Exim, Sendmail and Exchange configuration lines, each gated by that MTA's table. */
import type { LocalizedText } from '../kb/schema.ts';
import { Gate } from './gate.ts';
import { EXCHANGE_PARAMS } from './params/exchange.ts';
import { EXIM_OPTIONS } from './params/exim.ts';
import { SENDMAIL_OPTIONS } from './params/sendmail.ts';
import { CHOOSE, comment, lt } from './text.ts';
import type { SnippetContext } from './types.ts';

export function eximGate(ctx: SnippetContext): Gate {
  return new Gate(ctx, EXIM_OPTIONS);
}

export function sendmailGate(ctx: SnippetContext): Gate {
  return new Gate(ctx, SENDMAIL_OPTIONS);
}

export function exchangeGate(ctx: SnippetContext): Gate {
  return new Gate(ctx, EXCHANGE_PARAMS);
}

/** `name = value` for Exim's configuration file, or null when the version lacks the option. */
export function eximOpt(g: Gate, name: string, value: string, indent = ''): string | null {
  return g.has(name) ? `${indent}${name} = ${value}` : null;
}

/** `exim -bP name ...` for the options the version has. */
export function eximShow(g: Gate, ...names: string[]): string | null {
  const have = names.filter((n) => g.has(n, { silent: true }));
  return have.length > 0 ? `exim -bP ${have.join(' ')}` : null;
}

const EXIM_CHECK = lt(
  'Check the configuration and the {values} in use (Debian: update-exim4.conf first, command exim4):',
  '检查配置语法和实际取值（Debian：先运行 update-exim4.conf，命令名为 exim4）：',
);

/** Shell lines that check Exim's configuration and show the options `names` as Exim will use them. */
export function eximCheck(ctx: SnippetContext, g: Gate, ...names: string[]): (string | null)[] {
  return [comment('shell', ctx, EXIM_CHECK, { values: names.length === 1 ? 'value' : 'values' }), 'exim -bV', eximShow(g, ...names)];
}

const EXIM_TRANSPORTS = lt('=== transports === In the transports section.', '=== transports === 放在传输段中。');

/**
 * Exim's way to treat one destination differently: a dnslookup router `<name>_destination` (before
 * the usual one; `router` says so) that sends mail for `domain` to its own smtp transport
 * `remote_smtp_<name>`, and that transport with `options`.
 */
export function eximDestinationTransport(
  ctx: SnippetContext,
  name: string,
  domain: string,
  router: LocalizedText,
  options: readonly (string | null)[],
): (string | null)[] {
  return [
    comment('exim', ctx, router),
    `${name}_destination:`,
    '  driver = dnslookup',
    `  domains = ${domain}`,
    `  transport = remote_smtp_${name}`,
    '  no_more',
    '',
    comment('exim', ctx, EXIM_TRANSPORTS),
    `remote_smtp_${name}:`,
    '  driver = smtp',
    ...options,
  ];
}

/** define(`confNAME', `value')dnl for sendmail.mc, or null when the version lacks the macro. */
export function smDefine(g: Gate, name: string, value: string): string | null {
  return g.has(name) ? `define(\`${name}', \`${value}')dnl` : null;
}

/** Shell lines that rebuild sendmail.cf from sendmail.mc and restart. */
export const SENDMAIL_REBUILD = ['cd /etc/mail', 'm4 sendmail.mc > sendmail.cf', 'systemctl restart sendmail'] as const;

const SENDMAIL_REBUILD_NOTE = lt('Rebuild sendmail.cf and restart:', '重新生成 sendmail.cf 并重启：');

/** SENDMAIL_REBUILD under a comment that says so. */
export function sendmailRebuild(ctx: SnippetContext): string[] {
  return [comment('shell', ctx, SENDMAIL_REBUILD_NOTE), ...SENDMAIL_REBUILD];
}

/**
 * Shell lines adding two entries for a per-client limit to /etc/mail/access (`tag` ClientConn for
 * FEATURE(conncontrol), ClientRate for FEATURE(ratecontrol)): 0 = no limit for the user's client,
 * and a limit the user chooses for everyone else (the empty key).
 */
export function sendmailClientLimits(tag: 'ClientConn' | 'ClientRate', ip: string): string[] {
  const key = ip.includes(':') ? `IPv6:${ip}` : ip;
  return [
    `printf '${tag}:%s\\t%s\\n' '${key}' '0' >> /etc/mail/access`,
    `printf '${tag}:\\t%s\\n' '${CHOOSE.newLimit}' >> /etc/mail/access`,
  ];
}

/**
 * `<cmdlet> -Identity '<identity>' -Param value ...` for Exchange, or null when the version lacks
 * one of the parameters (checked in order; the first missing one gets the note).
 */
export function exchangeSet(g: Gate, cmdlet: string, identity: string, params: Readonly<Record<string, string>>): string | null {
  const entries = Object.entries(params);
  if (!entries.every(([name]) => g.has(`${cmdlet} -${name}`))) return null;
  return `${cmdlet} -Identity '${identity}'${entries.map(([name, value]) => ` -${name} ${value}`).join('')}`;
}
