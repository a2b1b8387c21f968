// @vitest-environment node
/**
 * The app classifies pastes on the knowledge base's index (entry summaries) and loads an entry only
 * when it is opened; the CLI classifies on the whole entries. Both must give the same findings and
 * pre-answer the same questions, on every corpus line and every signature example.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classify } from '@/engine/classifier/classify.ts';
import { factsForFinding } from '@/engine/classifier/facts.ts';
import { findSummary, summarizeKb } from '@/engine/kb/summary.ts';
import { bundledKb } from '@/kb-data/kb.ts';
import { loadCorpus } from '../scripts/eval.ts';
import { build } from '../scripts/vite-plugin-kb.ts';
import { ENTRIES_DIR } from '../scripts/kb-files.ts';

const loaded = bundledKb();
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const kb = loaded.kb;
const index = summarizeKb(kb);

const texts = [
  ...loadCorpus().lines.map((l) => l.text),
  ...kb.entries.flatMap((e) => e.signatures.flatMap((s) => s.examples)),
];

describe('the index classifies like the whole knowledge base', () => {
  it(`gives the same findings on ${texts.length} corpus lines and signature examples`, () => {
    const differ = texts.filter((t) => JSON.stringify(classify(index, t)) !== JSON.stringify(classify(kb, t)));
    expect(differ).toEqual([]);
  });

  it('pre-answers the same questions for every finding', () => {
    const differ: string[] = [];
    for (const t of texts) {
      for (const f of classify(kb, t).findings) {
        const full = kb.entries.find((e) => e.id === f.entry);
        const summary = findSummary(index, f.entry);
        if (!full || !summary) throw new Error(`no entry ${f.entry}`);
        if (JSON.stringify(factsForFinding(summary, f)) !== JSON.stringify(factsForFinding(full, f))) differ.push(t);
      }
    }
    expect(differ).toEqual([]);
  });

  it('is much smaller than the entries it summarises', () => {
    const full = JSON.stringify(kb.entries).length;
    expect(JSON.stringify(index).length).toBeLessThan(full / 3);
  });
});

describe('the build plugin', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kb-plugin-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('serves the index and one module per entry, for the shipped knowledge base', () => {
    const built = build();
    expect(built.kb.ok).toBe(true);
    if (!built.kb.ok) return;
    expect(built.kb.index.entries.map((e) => e.id)).toEqual(kb.entries.map((e) => e.id));
    expect([...built.entries.values()].map((e) => e.id)).toEqual(kb.entries.map((e) => e.id));
    for (const e of kb.entries) expect(built.indexModule).toContain(`virtual:kb-entry/${e.id.split('/')[1] ?? ''}`);
  });

  it('reports a broken entry, naming the field, instead of serving it', () => {
    const dir = join(tmp, 'entries');
    cpSync(join(ENTRIES_DIR, 'smtp-552-message-too-big'), join(dir, 'smtp-552-message-too-big'), { recursive: true });
    const head = join(dir, 'smtp-552-message-too-big', 'entry.json');
    const raw = JSON.parse(readFileSync(head, 'utf8')) as Record<string, unknown>;
    writeFileSync(head, JSON.stringify({ ...raw, reason: 'not-a-reason' }));
    const built = build(dir);
    expect(built.kb.ok).toBe(false);
    if (built.kb.ok) return;
    expect(built.kb.errors.join('\n')).toMatch(/reason/);
    expect(built.entries.size).toBe(0);
    expect(built.indexModule).toContain('"ok\\":false');
  });

  it('reports a file that is not JSON', () => {
    const dir = join(tmp, 'bad-json');
    cpSync(join(ENTRIES_DIR, 'smtp-552-message-too-big'), join(dir, 'smtp-552-message-too-big'), { recursive: true });
    writeFileSync(join(dir, 'smtp-552-message-too-big', 'entry.json'), '{ "id": ');
    const built = build(dir);
    expect(built.kb.ok).toBe(false);
    if (!built.kb.ok) expect(built.kb.errors.join('\n')).toContain('entry.json');
  });
});
