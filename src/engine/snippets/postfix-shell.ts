/** `postconf` command lines, each gated by the Postfix parameter table. */
import { Gate } from './gate.ts';
import { POSTFIX_FEATURES, POSTFIX_PARAMS } from './params/postfix.ts';
import { comment, lt, shq } from './text.ts';
import type { SnippetContext } from './types.ts';

export function postfixGate(ctx: SnippetContext): { g: Gate; f: Gate } {
  return { g: new Gate(ctx, POSTFIX_PARAMS), f: new Gate(ctx, POSTFIX_FEATURES) };
}

/**
 * `postconf -e 'name=value'`, or null when the version lacks the parameter. `writeAs` gives the
 * real name for transport-prefixed parameters (`transport_destination_rate_delay` -> `slow_destination_rate_delay`).
 */
export function postconfE(g: Gate, name: string, value: string, writeAs?: string): string | null {
  if (!g.has(name)) return null;
  return `postconf -e ${shq(`${writeAs ?? name}=${value}`)}`;
}

/** `postconf name ...` (show current values) for the names the version has. */
export function postconfShow(g: Gate, ...names: string[]): string | null {
  const have = names.filter((n) => g.has(n, { silent: true }));
  return have.length > 0 ? `postconf ${have.join(' ')}` : null;
}

const CURRENT = lt('Current values:', '当前取值：');
const APPLY = lt('Apply:', '使配置生效：');

/** "Current values:" and `postconf name ...` for the names the version has. */
export function postfixCurrent(ctx: SnippetContext, g: Gate, ...names: string[]): (string | null)[] {
  return [comment('shell', ctx, CURRENT), postconfShow(g, ...names)];
}

/** "Apply:" and `postfix reload`. */
export function postfixReload(ctx: SnippetContext): string[] {
  return [comment('shell', ctx, APPLY), 'postfix reload'];
}

/**
 * The `${stress?{a}:{b}}` form for Postfix >= 3.0, `${stress?a}${stress:b}` for 2.6-2.11,
 * and the plain normal value for older versions (no overload adaptation).
 */
export function stressValue(f: Gate, overload: string, normal: string, suffix = ''): string {
  if (f.has('${name?{value1}:{value2}}', { silent: true })) return `\${stress?{${overload}}:{${normal}}}${suffix}`;
  if (f.has('stress-dependent defaults', { silent: true })) return `\${stress?${overload}}\${stress:${normal}}${suffix}`;
  return `${normal}${suffix}`;
}
