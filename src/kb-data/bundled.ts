/**
 * The knowledge base as shipped: every entry's JSON files, composed into raw entries.
 * Shared by the app, the worker, the CLI and the tests. Validation happens in `loadKb`.
 * Adding an entry or a part: import its JSON here and list it below.
 */
import { composeEntry, type ComposeProblem } from '../engine/kb/compose.ts';
import e421 from '../../kb/entries/smtp-421-service-not-available/entry.json';
import e421Postfix from '../../kb/entries/smtp-421-service-not-available/parts/postfix.json';
import e421Exim from '../../kb/entries/smtp-421-service-not-available/parts/exim.json';
import e421Sendmail from '../../kb/entries/smtp-421-service-not-available/parts/sendmail.json';
import e421Exchange from '../../kb/entries/smtp-421-service-not-available/parts/exchange.json';
import e421M365 from '../../kb/entries/smtp-421-service-not-available/parts/microsoft365.json';
import e421Gmail from '../../kb/entries/smtp-421-service-not-available/parts/gmail.json';
import e421Yahoo from '../../kb/entries/smtp-421-service-not-available/parts/yahoo.json';
import e421Ses from '../../kb/entries/smtp-421-service-not-available/parts/ses.json';
import e421Common from '../../kb/entries/smtp-421-service-not-available/parts/common.json';

interface RawEntrySpec {
  readonly head: unknown;
  readonly parts: ReadonlyArray<{ name: string; data: unknown }>;
}

export const RAW_ENTRY_SPECS: readonly RawEntrySpec[] = [
  {
    head: e421,
    parts: [
      { name: 'postfix', data: e421Postfix },
      { name: 'exim', data: e421Exim },
      { name: 'sendmail', data: e421Sendmail },
      { name: 'exchange', data: e421Exchange },
      { name: 'microsoft365', data: e421M365 },
      { name: 'gmail', data: e421Gmail },
      { name: 'yahoo', data: e421Yahoo },
      { name: 'ses', data: e421Ses },
      { name: 'common', data: e421Common },
    ],
  },
];

/** Raw (unvalidated) entries and any problems met while composing them from their parts. */
export function bundledRawEntries(): { entries: unknown[]; problems: ComposeProblem[] } {
  const entries: unknown[] = [];
  const problems: ComposeProblem[] = [];
  for (const spec of RAW_ENTRY_SPECS) {
    const composed = composeEntry(spec.head, spec.parts);
    entries.push(composed.entry);
    problems.push(...composed.problems);
  }
  return { entries, problems };
}
