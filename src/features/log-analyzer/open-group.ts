/**
 * What "Diagnose this" hands the wizard: the group's sample lines as the paste (so Back to the first
 * step shows what was recognised), the group's entry, and its facts as facts read from the paste, so
 * the wizard asks none of them again.
 */
import { classify, type ClassifiableKb } from '@/engine/index.ts';
import type { ProblemGroup } from '@/engine/logscan/types.ts';
import type { InputSummary } from '@/store/input-slice.ts';

/** Findings kept for the paste step, as it keeps them. */
const MAX_FINDINGS = 25;

export interface GroupAnalysis {
  readonly paste: string;
  readonly summary: InputSummary;
  readonly entryId: string;
  readonly inferred: Readonly<Record<string, string>>;
}

export function analysisForGroup(kb: ClassifiableKb, group: ProblemGroup): GroupAnalysis {
  const paste = group.samples.map((s) => s.text).join('\n');
  const { findings, lines, facts } = classify(kb, paste);
  const kept = findings.slice(0, MAX_FINDINGS);
  const same = kept.findIndex((f) => f.entry === group.entry && (group.cause === null || f.cause === group.cause));
  const chosen = same >= 0 ? same : Math.max(0, kept.findIndex((f) => f.entry === group.entry));
  return { paste, summary: { lines, findings: kept, facts, chosen }, entryId: group.entry, inferred: { ...group.facts } };
}
