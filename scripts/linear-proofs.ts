// Proves every classifier regex linear-time with recheck and records the proofs.
//   npm run -s linear:prove           check the patterns not yet proved, add them, drop stale ones
//   npm run -s linear:prove -- --all  check every pattern again (after a recheck upgrade, or to audit)
// tests/linear-proofs.json keeps a SHA-256 of (flags, pattern) for every pattern recheck proved safe,
// with the recheck version and parameters used. The linear-time test skips the slow proof for a
// pattern whose hash is listed under the same version and parameters, and runs it for every other
// one, so a new or changed signature is always proved before CI passes. Nothing else reads the file.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allPatterns, loadProofs, PROOF_PARAMS, proofKey, proveAll, RECHECK_VERSION, type ProofFile } from './linear-proofs-lib.ts';

const PROOFS_PATH = fileURLToPath(new URL('../tests/linear-proofs.json', import.meta.url));

async function main(): Promise<number> {
  const all = process.argv.includes('--all');
  const previous = all ? new Set<string>() : loadProofs(readFileSync(PROOFS_PATH, 'utf8'));
  const patterns = allPatterns();
  const todo = patterns.filter((p) => !previous.has(proofKey(p.pattern, p.flags)));
  const safe = new Set(patterns.map((p) => proofKey(p.pattern, p.flags)).filter((k) => previous.has(k)));
  const failed: string[] = [];
  const started = Date.now();
  const results = await proveAll(todo);
  for (const p of todo) {
    const d = results.get(p.name);
    if (d?.status === 'safe') safe.add(proofKey(p.pattern, p.flags));
    else failed.push(`${p.name}: /${p.pattern}/${p.flags} is ${d?.status ?? 'not checked'}`);
  }
  const file: ProofFile = { recheck: RECHECK_VERSION, params: PROOF_PARAMS, safe: [...safe].sort() };
  writeFileSync(PROOFS_PATH, `${JSON.stringify(file, null, 1)}\n`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`${patterns.length} patterns, ${todo.length} checked in ${seconds} s, ${safe.size} proved safe, ${failed.length} not\n`);
  for (const f of failed) process.stdout.write(`  ${f}\n`);
  return failed.length === 0 ? 0 : 1;
}

process.exitCode = await main();
