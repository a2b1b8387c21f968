/**
 * An entry may be written as one head file plus "part" files (e.g. one per MTA family), so that
 * several people can edit it without conflicts. A part holds only lists; composing concatenates
 * them onto the head's lists. The result is then validated as a whole by `loadKb`.
 */
const PART_LISTS = ['sources', 'causes', 'signatures', 'workarounds', 'deadEnds', 'compatibility', 'docs', 'nodes'] as const;
type PartList = (typeof PART_LISTS)[number];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface ComposeProblem {
  readonly part: string;
  readonly message: string;
}

/**
 * @returns the composed raw entry and any problems with the parts (unknown keys, wrong entry id).
 */
export function composeEntry(head: unknown, parts: ReadonlyArray<{ name: string; data: unknown }>): { entry: unknown; problems: ComposeProblem[] } {
  const problems: ComposeProblem[] = [];
  if (!isRecord(head)) return { entry: head, problems: [{ part: 'head', message: 'the entry head is not an object' }] };
  const lists = new Map<PartList, unknown[]>();
  const headTree = isRecord(head.tree) ? head.tree : undefined;
  for (const key of PART_LISTS) {
    const from = key === 'nodes' ? headTree?.nodes : head[key];
    lists.set(key, Array.isArray(from) ? [...from] : []);
  }
  for (const { name, data } of parts) {
    if (!isRecord(data)) {
      problems.push({ part: name, message: 'not an object' });
      continue;
    }
    for (const [key, value] of Object.entries(data)) {
      if (key === 'entry') {
        if (value !== head.id) problems.push({ part: name, message: `belongs to entry "${String(value)}", not "${String(head.id)}"` });
        continue;
      }
      if (key === '$comment') continue;
      const list = PART_LISTS.find((k) => k === key);
      if (!list) {
        problems.push({ part: name, message: `unknown key "${key}" (a part may hold: ${PART_LISTS.join(', ')})` });
        continue;
      }
      if (!Array.isArray(value)) {
        problems.push({ part: name, message: `"${key}" must be a list` });
        continue;
      }
      lists.get(list)?.push(...value);
    }
  }
  const entry: Record<string, unknown> = { ...head };
  for (const key of PART_LISTS) if (key !== 'nodes') entry[key] = lists.get(key);
  entry.tree = { ...(headTree ?? {}), nodes: lists.get('nodes') };
  return { entry, problems };
}
