import { checkSync } from 'recheck';
import { bundledRawEntries } from './src/kb-data/bundled.ts';
const sigs: Array<[string,string,string]> = [];
for (const e of bundledRawEntries().entries as any[]) for (const s of e.signatures ?? []) sigs.push([s.id, s.pattern, s.flags ?? '']);
console.log('sigs', sigs.length);
let tA = 0, tB = 0, fallbacks = 0; const diffs: string[] = [];
for (const [id, p, f] of sigs) {
  let t = Date.now(); const a = checkSync(p, f, { randomSeed: 20250303, checker: 'automaton', timeout: 5000 }); const da = Date.now() - t; tA += da;
  let b: any = undefined;
  if (a.status === 'unknown') { fallbacks++; t = Date.now(); b = checkSync(p, f, { randomSeed: 20250303, timeout: 30000 }); tB += Date.now() - t; }
  const final = b ?? a;
  t = Date.now(); const c = checkSync(p, f, { randomSeed: 20250303, timeout: 30000 }); const dc = Date.now() - t;
  if (c.status !== final.status) diffs.push(`${id}: auto=${c.status} twostage=${final.status}`);
  if (da > 1000 || dc > 3000) console.log(id, 'automaton', da, a.status, 'auto', dc, c.status);
}
console.log({ tA, tB, fallbacks, diffs });
