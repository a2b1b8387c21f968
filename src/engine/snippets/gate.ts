/**
 * Version gating for generated lines. Every MTA parameter a generator writes is looked up in that
 * MTA's table (`params/<mta>.ts`): a name missing from the table is a programming error (it
 * throws, so tests catch it); a name newer than the user's version is left out and a note says
 * which version introduced it. An unknown version counts as the oldest version the wizard offers.
 */
import type { LocalizedText } from '../kb/schema.ts';
import { productInfo, type ProductId } from '../products.ts';
import { compareVersions, parseVersion } from '../version.ts';
import { fmt, lt } from './text.ts';
import type { SnippetContext } from './types.ts';

/** A parameter or feature with the versions that have it. */
export interface ParamSpec {
  /** First version that has it; absent = present in every version we offer (and long before). */
  readonly since?: string;
  /** First version that no longer accepts it under this name. */
  readonly until?: string;
  /** Name it was renamed to (with `until`). */
  readonly renamedTo?: string;
  /** Default value, optionally by version (latest matching `since` wins). */
  readonly default?: string | readonly { readonly since?: string; readonly value: string }[];
  /** Where the since-version and default were read (file @ tag, man page section). */
  readonly source: string;
}

export type ParamTable = Readonly<Record<string, ParamSpec>>;

/** Version numbers for names that are not numbers ("SE" = Exchange Server Subscription Edition, 2025). */
const ALIASES: Partial<Record<ProductId, Readonly<Record<string, string>>>> = {
  exchange: { SE: '2025', se: '2025' },
};

function numeric(product: ProductId, version: string): number[] | undefined {
  return parseVersion(ALIASES[product]?.[version.trim()] ?? version);
}

export interface ResolvedVersion {
  /** The version used for gating. */
  readonly version: string;
  readonly parsed: readonly number[];
  /** False when the user's version was absent or unreadable and the oldest offered one is used. */
  readonly known: boolean;
  readonly productName: string;
}

export function resolveVersion(ctx: Pick<SnippetContext, 'product' | 'version'>): ResolvedVersion {
  const info = productInfo(ctx.product);
  const parsed = ctx.version === undefined ? undefined : numeric(ctx.product, ctx.version);
  if (ctx.version !== undefined && parsed) return { version: ctx.version, parsed, known: true, productName: info.name };
  const oldest = info.versions[0];
  const oldestParsed = oldest === undefined ? undefined : numeric(ctx.product, oldest);
  return { version: oldest ?? '', parsed: oldestParsed ?? [0], known: false, productName: info.name };
}

export function atLeast(v: ResolvedVersion, since: string | undefined): boolean {
  if (since === undefined) return true;
  const s = parseVersion(since);
  if (!s) throw new RangeError(`bad since-version ${since}`);
  return compareVersions(v.parsed, s) >= 0;
}

const NEEDS_KNOWN = lt(
  '{name} needs {product} {since} or later; you run {version}, so it is left out.',
  '{name} 需要 {product} {since} 或更高版本；你的版本是 {version}，因此未包含该项。',
);
const NEEDS_UNKNOWN = lt(
  '{name} needs {product} {since} or later. Your version is unknown, so only what {product} {version} already has is shown; {name} is left out.',
  '{name} 需要 {product} {since} 或更高版本。未提供版本号，因此只给出 {product} {version} 已支持的设置，{name} 未包含。',
);
const RENAMED = lt(
  '{name} was renamed to {renamedTo} in {product} {until}; the old name is used for {version}.',
  '{name} 在 {product} {until} 中改名为 {renamedTo}；{version} 仍使用旧名称。',
);

/** Gate for one snippet: answers "may I write this?" and collects the notes that explain omissions. */
export class Gate {
  readonly v: ResolvedVersion;
  private readonly table: ParamTable;
  private readonly out: LocalizedText[] = [];
  private readonly noted = new Set<string>();

  constructor(ctx: Pick<SnippetContext, 'product' | 'version'>, table: ParamTable) {
    this.v = resolveVersion(ctx);
    this.table = table;
  }

  /**
   * The table entry for `name`.
   * @throws RangeError when `name` is not in the table (a generator may only write listed names).
   */
  spec(name: string): ParamSpec {
    const s = this.table[name];
    if (!s) throw new RangeError(`parameter ${name} is not in the ${this.v.productName} parameter table`);
    return s;
  }

  /**
   * Whether the version has `name`. When it does not, a note names the version that introduced it.
   * @throws RangeError when `name` is not in the table.
   */
  has(name: string, opts: { silent?: boolean } = {}): boolean {
    const s = this.spec(name);
    const ok = atLeast(this.v, s.since) && (s.until === undefined || !atLeast(this.v, s.until));
    if (!ok && !opts.silent && s.since !== undefined && !atLeast(this.v, s.since)) this.noteOnce(name, fmt(this.v.known ? NEEDS_KNOWN : NEEDS_UNKNOWN, this.vars(name, s)));
    return ok;
  }

  /** The first of `names` the version has (e.g. a parameter and its older name). */
  firstOf(...names: string[]): string | undefined {
    const found = names.find((n) => this.has(n, { silent: true }));
    if (found === undefined) {
      const first = names[0];
      if (first !== undefined) this.has(first);
      return undefined;
    }
    const s = this.spec(found);
    if (s.renamedTo !== undefined) this.noteOnce(`${found}>`, fmt(RENAMED, this.vars(found, s)));
    return found;
  }

  /** The default of `name` in this version, or undefined when the table gives none. */
  defaultOf(name: string): string | undefined {
    const d = this.spec(name).default;
    if (d === undefined || typeof d === 'string') return d;
    let value: string | undefined;
    for (const step of d) if (atLeast(this.v, step.since)) value = step.value;
    return value;
  }

  note(text: LocalizedText): void {
    this.out.push(text);
  }

  get notes(): readonly LocalizedText[] {
    return this.out;
  }

  private noteOnce(key: string, text: LocalizedText): void {
    if (this.noted.has(key)) return;
    this.noted.add(key);
    this.out.push(text);
  }

  private vars(name: string, s: ParamSpec): Record<string, string> {
    return {
      name,
      product: this.v.productName,
      since: s.since ?? '',
      until: s.until ?? '',
      renamedTo: s.renamedTo ?? '',
      version: this.v.version,
    };
  }
}

/** Notes every snippet for an unknown version carries. */
export function unknownVersionNote(v: ResolvedVersion): LocalizedText | undefined {
  if (v.known || v.version === '') return undefined;
  return fmt(
    lt(
      'No {product} version was given: the snippet keeps to what {product} {version} (the oldest version offered) supports.',
      '未提供 {product} 版本：代码片段只使用 {product} {version}（可选的最旧版本）已支持的写法。',
    ),
    { product: v.productName, version: v.version },
  );
}
