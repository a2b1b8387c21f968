import { EngineError } from '../errors.ts';
import { parseRange } from '../version.ts';
import { checkTree } from '../walker/tree-check.ts';
import { entrySchema, type Entry } from './schema.ts';

export interface Kb {
  readonly entries: readonly Entry[];
}

export type LoadResult = { ok: true; kb: Kb } | { ok: false; errors: string[] };

/** A readable path: list items are named by their `id` when they have one (`workarounds[3](backoff)`). */
function pathText(path: readonly PropertyKey[], raw: unknown): string {
  let node: unknown = raw;
  let out = '';
  for (const p of path) {
    node = typeof node === 'object' && node !== null ? Reflect.get(node, p) : undefined;
    if (typeof p === 'number') {
      const id = typeof node === 'object' && node !== null && 'id' in node && typeof node.id === 'string' ? `(${node.id})` : '';
      out += `[${p}]${id}`;
    } else out += `.${String(p)}`;
  }
  return out.replace(/^\./, '');
}

function describeIssue(issue: { code: string; path: readonly PropertyKey[]; keys?: readonly string[]; values?: readonly unknown[]; expected?: unknown; maximum?: unknown }, raw: unknown): string {
  const where = pathText(issue.path, raw) || '(entry)';
  switch (issue.code) {
    case 'unrecognized_keys': return `${where}: unknown field(s) ${(issue.keys ?? []).join(', ')}`;
    case 'invalid_value': return `${where}: must be one of ${(issue.values ?? []).map(String).join(', ')}`;
    case 'invalid_type': return `${where}: missing or wrong type (expected ${String(issue.expected)})`;
    case 'too_small': return `${where}: empty or too small`;
    case 'too_big': return `${where}: larger than ${String(issue.maximum)}${issue.path.at(-1) === 'value' ? ' (rates are fractions: 0.8 means 80%)' : ''}`;
    case 'invalid_format': return `${where}: wrong format`;
    case 'invalid_union': return `${where}: matches none of the allowed shapes`;
    default: return `${where}: invalid (${issue.code})`;
  }
}

/** Referential and semantic checks that a schema cannot express. */
function checkEntry(entry: Entry): string[] {
  const problems: string[] = [];
  const sourceIds = new Set(entry.sources.map((s) => s.id));
  const causeIds = new Set(entry.causes.map((c) => c.id));
  const dupes = (label: string, ids: readonly string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${label} id "${id}" is used twice`);
      seen.add(id);
    }
  };
  dupes('source', entry.sources.map((s) => s.id));
  dupes('cause', entry.causes.map((c) => c.id));
  dupes('signature', entry.signatures.map((s) => s.id));
  dupes('workaround', entry.workarounds.map((w) => w.id));
  dupes('dead end', entry.deadEnds.map((d) => d.id));

  const refSources = (where: string, ids: readonly string[]) => {
    for (const id of ids) if (!sourceIds.has(id)) problems.push(`${where}: unknown source "${id}"`);
  };
  const refCauses = (where: string, ids: readonly string[]) => {
    for (const id of ids) if (!causeIds.has(id)) problems.push(`${where}: unknown cause "${id}"`);
  };
  const range = (where: string, r: string | undefined) => {
    if (r !== undefined && parseRange(r) === undefined) problems.push(`${where}: bad version range "${r}"`);
  };

  entry.compatibility.forEach((c, i) => {
    refSources(`compatibility[${i}]`, c.sources);
    range(`compatibility[${i}].versions`, c.versions);
  });
  for (const c of entry.causes) {
    refSources(`causes.${c.id}`, c.sources);
    c.emitters.forEach((e, i) => {
      range(`causes.${c.id}.emitters[${i}].versions`, e.versions);
      e.texts.forEach((t, j) => {
        refSources(`causes.${c.id}.emitters[${i}].texts[${j}]`, t.sources);
        if (!t.reply && !t.log) problems.push(`causes.${c.id}.emitters[${i}].texts[${j}]: needs a reply or a log text`);
      });
    });
  }
  for (const s of entry.signatures) {
    const where = `signatures.${s.id}`;
    refSources(where, s.sources);
    if (s.cause) refCauses(where, [s.cause]);
    if (s.candidates) refCauses(where, s.candidates);
    if (s.cause && s.candidates) problems.push(`${where}: give either cause or candidates, not both`);
    try {
      const re = new RegExp(s.pattern, s.flags ?? '');
      s.examples.forEach((ex, i) => {
        if (!re.test(ex)) problems.push(`${where}.examples[${i}]: not matched by the pattern`);
      });
    } catch (err) {
      problems.push(`${where}.pattern: not a valid regular expression (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  for (const w of entry.workarounds) {
    refSources(`workarounds.${w.id}`, w.sources);
    refCauses(`workarounds.${w.id}`, w.causes);
  }
  for (const d of entry.deadEnds) {
    refSources(`deadEnds.${d.id}`, d.sources);
    refCauses(`deadEnds.${d.id}`, d.causes);
  }
  for (const d of entry.docs) refSources(`docs`, [d.source]);
  for (const p of checkTree(entry.tree, causeIds)) problems.push(`tree: ${p}`);
  const leafCauses = new Set(entry.tree.nodes.flatMap((n) => (n.kind === 'leaf' ? [n.cause] : [])));
  for (const c of entry.causes) if (!leafCauses.has(c.id)) problems.push(`causes.${c.id}: no tree leaf leads to it`);
  return problems;
}

function entryLabel(raw: unknown, index: number): string {
  if (typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string') return raw.id;
  return `#${index}`;
}

/**
 * Validates raw knowledge-base data (parsed JSON from the bundle or from files) and returns the
 * entries, or every problem found, each naming the entry and the field.
 */
export interface LoadOptions {
  /** Ids of entries that exist but are not in `raw` (checking a few entries of a larger knowledge base). */
  readonly otherEntryIds?: ReadonlySet<string>;
}

export function loadKb(raw: readonly unknown[], opts: LoadOptions = {}): LoadResult {
  const errors: string[] = [];
  const entries: Entry[] = [];
  raw.forEach((item, index) => {
    const label = entryLabel(item, index);
    const parsed = entrySchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(`entry ${label}: ${describeIssue(issue, item)}`);
      return;
    }
    const problems = checkEntry(parsed.data);
    if (problems.length > 0) {
      for (const p of problems) errors.push(`entry ${label}: ${p}`);
      return;
    }
    entries.push(parsed.data);
  });
  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) errors.push(`entry ${e.id}: id is used twice`);
    ids.add(e.id);
  }
  const exists = (id: string) => ids.has(id) || (opts.otherEntryIds?.has(id) ?? false);
  for (const e of entries) {
    for (const r of e.related) if (!exists(r)) errors.push(`entry ${e.id}: related: unknown entry "${r}"`);
    for (const n of e.tree.nodes) {
      if (n.kind !== 'leaf') continue;
      for (const r of n.offer ?? []) if (!exists(r)) errors.push(`entry ${e.id}: tree node "${n.id}" offers unknown entry "${r}"`);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, kb: { entries } };
}

/** Like {@link loadKb} but throws. @throws EngineError with code KB_INVALID */
export function loadKbOrThrow(raw: readonly unknown[]): Kb {
  const result = loadKb(raw);
  if (!result.ok) throw new EngineError('KB_INVALID', `The knowledge base is invalid:\n  ${result.errors.join('\n  ')}`, result.errors);
  return result.kb;
}

export function findEntry(kb: Kb, id: string): Entry | undefined {
  return kb.entries.find((e) => e.id === id);
}
