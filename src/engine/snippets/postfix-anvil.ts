/**
 * Postfix's per-client limits (smtpd_client_*_limit), which anvil(8) counts. Each generator that
 * changes one writes the same snippet around its own steps, and the same exemption that lifts every
 * one of these limits for a trusted client.
 */
import type { LocalizedText } from '../kb/schema.ts';
import type { SnippetDraft } from './build.ts';
import type { Gate } from './gate.ts';
import { postconfE, postfixCurrent, postfixReload } from './postfix-shell.ts';
import { CHOOSE, comment, fill, lines, loggedLimit, postfixAddr } from './text.ts';
import type { SnippetContext } from './types.ts';

/** A comment and the lines it explains. */
export type AnvilStep = readonly (string | null)[];

/** The limit `name`, set to a value the user chooses. */
export function setLimit(ctx: SnippetContext, g: Gate, name: string, text: LocalizedText): AnvilStep {
  return [comment('shell', ctx, text), postconfE(g, name, CHOOSE.newLimit)];
}

/** smtpd_client_event_limit_exceptions: $mynetworks (the default, kept) and the user's client. */
export function exemptClient(ctx: SnippetContext, g: Gate, text: LocalizedText): AnvilStep {
  const ip = postfixAddr(fill(ctx.params).ip);
  return [comment('shell', ctx, text), postconfE(g, 'smtpd_client_event_limit_exceptions', `$mynetworks ${ip}`)];
}

/**
 * The shell snippet: the limit from the log, the current values of `show`, each step after an
 * empty line (`false` = a step this version does not get), then `postfix reload`.
 */
export function anvilSnippet(ctx: SnippetContext, g: Gate, title: LocalizedText, show: readonly string[], ...steps: (AnvilStep | false)[]): SnippetDraft {
  const code = lines(
    loggedLimit('shell', ctx),
    postfixCurrent(ctx, g, ...show),
    steps.flatMap((step) => (step ? ['', ...step] : [])),
    '',
    postfixReload(ctx),
  );
  return { language: 'shell', title, code, notes: g.notes };
}
