import type { LoadResult } from '../engine/kb/load-kb.ts';
import { composeAndLoad } from './compose-kb.ts';
import { ENTRY_FILES } from './entries.generated.ts';

let cached: LoadResult | undefined;

/** The shipped knowledge base, validated once. A broken entry gives `{ok: false, errors}`, never a throw. */
export function bundledKb(): LoadResult {
  cached ??= composeAndLoad(ENTRY_FILES);
  return cached;
}
