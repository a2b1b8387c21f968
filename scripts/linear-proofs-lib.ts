/**
 * Shared by the linear-time test and `npm run -s linear:prove`: the regexes to prove (the knowledge
 * base's signatures, read from the raw bundled entries so that an entry that does not validate yet
 * is still checked, and the classifier's own patterns) and the proof file's format.
 */
import { createHash } from 'node:crypto';
import { check, type Diagnostics } from 'recheck';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledRawEntries } from '../src/kb-data/bundled.ts';
import { CLASSIFIER_PATTERNS } from '../src/engine/classifier/patterns.ts';

export const PROOF_PARAMS = { randomSeed: 20250303, timeout: 30_000 } as const;
export const RECHECK_VERSION: string = (createRequire(import.meta.url)('recheck/package.json') as { version: string }).version;

/**
 * recheck's verdict on each pattern, by name. The patterns are checked a few at a time; any that is
 * not proved safe is then checked again, alone. recheck's fuzz checker works against time budgets,
 * and on a loaded machine it has reported patterns as vulnerable that it proves safe when nothing
 * else runs (seen on 2026-11-25 with five patterns, all safe when re-run one by one). The seed is
 * fixed, so a pattern that really backtracks is reported both times.
 */
export async function proveAll(patterns: readonly PatternToProve[], concurrency = 4): Promise<Map<string, Diagnostics>> {
  const results = new Map<string, Diagnostics>();
  const queue = [...patterns];
  const worker = async (): Promise<void> => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) results.set(p.name, await check(p.pattern, p.flags, PROOF_PARAMS));
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  for (const p of patterns) {
    if (results.get(p.name)?.status !== 'safe') results.set(p.name, await check(p.pattern, p.flags, PROOF_PARAMS));
  }
  return results;
}

export interface PatternToProve {
  readonly name: string;
  readonly pattern: string;
  readonly flags: string;
}

export interface ProofFile {
  readonly recheck: string;
  readonly params: typeof PROOF_PARAMS;
  readonly safe: readonly string[];
}

export function proofKey(pattern: string, flags: string): string {
  return createHash('sha256').update(`${flags}\u0000${pattern}`).digest('hex');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function kbSignatures(): PatternToProve[] {
  const out: PatternToProve[] = [];
  for (const entry of bundledRawEntries().entries) {
    if (!isRecord(entry) || !Array.isArray(entry.signatures)) continue;
    const entryId = typeof entry.id === 'string' ? entry.id : '?';
    for (const sig of entry.signatures) {
      if (!isRecord(sig) || typeof sig.pattern !== 'string') continue;
      out.push({
        name: `${entryId} / ${typeof sig.id === 'string' ? sig.id : '?'}`,
        pattern: sig.pattern,
        flags: typeof sig.flags === 'string' ? sig.flags : '',
      });
    }
  }
  return out;
}

export function classifierPatterns(): PatternToProve[] {
  return Object.entries(CLASSIFIER_PATTERNS).map(([name, re]) => ({ name, pattern: re.source, flags: re.flags }));
}

/** Engine folders whose own regex literals run on pasted or logged text (bounces, mail logs). */
const SOURCE_DIRS = ['src/engine/intake', 'src/engine/logscan'];

/**
 * The regex literals written in those folders' sources (not their tests). A literal is taken where an
 * expression may start — after `(`, `,`, `=`, `:`, `[`, `!`, `&`, `|`, `?`, `{`, `;` or `return` — so a
 * division is never read as one, and kept only if it compiles.
 */
export function sourcePatterns(root = fileURLToPath(new URL('..', import.meta.url))): PatternToProve[] {
  const out: PatternToProve[] = [];
  const literal = /(?:^|[(,=:[!&|?{};]|\breturn)\s*\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[*])(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])*)\/([dgimsuvy]*)/gm;
  for (const dir of SOURCE_DIRS) {
    for (const name of readdirSync(join(root, dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort()) {
      const text = readFileSync(join(root, dir, name), 'utf8');
      let n = 0;
      for (const m of text.matchAll(literal)) {
        const [, source = '', flags = ''] = m;
        try {
          new RegExp(source, flags);
        } catch {
          continue;
        }
        n++;
        out.push({ name: `${dir}/${name} #${n}`, pattern: source, flags: flags.replace(/[gy]/g, '') });
      }
    }
  }
  return out;
}

export function allPatterns(): PatternToProve[] {
  return [...classifierPatterns(), ...kbSignatures(), ...sourcePatterns()];
}

/**
 * The proved keys from the proof file's text, or none when the file was made by another recheck
 * version or with other parameters (then every pattern is proved again), or does not parse.
 */
export function loadProofs(text: string): Set<string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return new Set();
  }
  if (!isRecord(raw) || raw.recheck !== RECHECK_VERSION || !isRecord(raw.params) || !Array.isArray(raw.safe)) return new Set();
  if (raw.params.randomSeed !== PROOF_PARAMS.randomSeed || raw.params.timeout !== PROOF_PARAMS.timeout) return new Set();
  return new Set(raw.safe.filter((k): k is string => typeof k === 'string' && /^[0-9a-f]{64}$/.test(k)));
}
