/** Turns a pasted text into what the store keeps: the redacted text, the ranked findings and the facts they settle. */
import { classify, type Finding } from '@/engine/index.ts';
import { findSummary, type KbIndex } from '@/engine/kb/summary.ts';
import type { InputSummary } from '@/store/input-slice.ts';
import { browserCharsetDecoder } from './charset-decoder.ts';
import { checkInput, diagnoseMessage, factsForFinding, redact } from './classifier-api.ts';

/** Findings shown at most; a long log can match thousands of lines. */
export const MAX_FINDINGS = 25;

export type AnalysisResult =
  | { kind: 'empty' }
  | { kind: 'refused'; code: 'INPUT_BINARY' }
  | { kind: 'refused'; code: 'INPUT_TOO_LARGE'; limit: number }
  | { kind: 'ok'; paste: string; redacted: number; summary: InputSummary; entryId: string | null; inferred: Record<string, string> };

/**
 * The entry and facts a chosen finding implies; without a finding, the facts the text's context
 * settles (a Postfix log line that matched no signature still says who the user is).
 */
export function factsForChoice(
  kb: KbIndex,
  finding: Finding | undefined,
  contextFacts: Readonly<Record<string, string>>,
  fallbackEntryId: string | null,
): { entryId: string | null; inferred: Record<string, string> } {
  const entry = finding ? findSummary(kb, finding.entry) : undefined;
  if (!finding || !entry) return { entryId: fallbackEntryId, inferred: { ...contextFacts } };
  return { entryId: entry.id, inferred: factsForFinding(entry, finding) };
}

/** A message source: header fields on the first line, and a blank line before the body. */
function looksLikeMessageSource(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9-]*:[ \t]/.test(text.trimStart()) && /\r?\n\r?\n/.test(text);
}

/**
 * The findings of an already redacted text (used again after a reload: findings are not stored). A
 * pasted bounce (the message source) is read as MIME: each recipient it reports gets its finding.
 */
export function summarise(kb: KbIndex, redacted: string, chosen = 0): InputSummary {
  if (looksLikeMessageSource(redacted)) {
    const message = diagnoseMessage(kb, redacted, browserCharsetDecoder);
    if (message.kind === 'message' && message.findings.length > 0) {
      const lines = redacted.split('\n').length;
      return { lines, findings: message.findings.slice(0, MAX_FINDINGS), facts: {}, chosen };
    }
  }
  const { findings, lines, facts } = classify(kb, redacted);
  return { lines, findings: findings.slice(0, MAX_FINDINGS), facts, chosen };
}

export function analysePaste(kb: KbIndex, text: string, currentEntryId: string | null): AnalysisResult {
  if (text.trim() === '') return { kind: 'empty' };
  const check = checkInput(text);
  if (!check.ok) return check.code === 'INPUT_BINARY' ? { kind: 'refused', code: check.code } : { kind: 'refused', code: check.code, limit: check.limit };
  const { text: paste, count } = redact(text);
  const summary = summarise(kb, paste);
  const fallback = currentEntryId ?? (kb.entries.length === 1 ? (kb.entries[0]?.id ?? null) : null);
  return { kind: 'ok', paste, redacted: count, summary, ...factsForChoice(kb, summary.findings[0], summary.facts, fallback) };
}
