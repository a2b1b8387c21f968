import { loadKb, type LoadResult } from '../engine/kb/load-kb.ts';
import { bundledRawEntries } from './bundled.ts';

let cached: LoadResult | undefined;

/** The shipped knowledge base, validated once. A broken entry gives `{ok: false, errors}`, never a throw. */
export function bundledKb(): LoadResult {
  if (cached) return cached;
  const { entries, problems } = bundledRawEntries();
  const result = loadKb(entries);
  const composeErrors = problems.map((p) => `part ${p.part}: ${p.message}`);
  cached = composeErrors.length === 0 ? result : { ok: false, errors: [...composeErrors, ...(result.ok ? [] : result.errors)] };
  return cached;
}
