/** Exim and Sendmail configuration lines, each gated by that MTA's table. */
import { Gate } from './gate.ts';
import { EXIM_OPTIONS } from './params/exim.ts';
import { SENDMAIL_OPTIONS } from './params/sendmail.ts';
import type { SnippetContext } from './types.ts';

export function eximGate(ctx: SnippetContext): Gate {
  return new Gate(ctx, EXIM_OPTIONS);
}

export function sendmailGate(ctx: SnippetContext): Gate {
  return new Gate(ctx, SENDMAIL_OPTIONS);
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

/** define(`confNAME', `value')dnl for sendmail.mc, or null when the version lacks the macro. */
export function smDefine(g: Gate, name: string, value: string): string | null {
  return g.has(name) ? `define(\`${name}', \`${value}')dnl` : null;
}

/** Shell lines that rebuild sendmail.cf from sendmail.mc and restart. */
export const SENDMAIL_REBUILD = ['cd /etc/mail', 'm4 sendmail.mc > sendmail.cf', 'systemctl restart sendmail'] as const;
