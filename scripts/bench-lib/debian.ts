/**
 * The reference tools of the benchmark, taken from Debian without installing anything:
 * `apt-get download` the packages into a cache folder, unpack them with `dpkg -x`, and run the
 * Perl scripts with the system perl and PERL5LIB pointing into the unpacked tree. Reruns reuse the
 * cache (node_modules/.cache/smtp-doctor-bench/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface PerlTool {
  readonly ok: true;
  /** Command and leading arguments (e.g. perl + the script). */
  readonly cmd: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly version: string;
  /** Where it came from, for the report. */
  readonly origin: string;
}

export interface MissingTool {
  readonly ok: false;
  readonly reason: string;
}

export type Tool = PerlTool | MissingTool;

export const PFLOGSUMM_PACKAGES = ['pflogsumm', 'libdate-calc-perl', 'libbit-vector-perl', 'libcarp-clan-perl'] as const;
export const SISIMAI_PACKAGES = ['libsisimai-perl', 'libclass-accessor-lite-perl', 'libjson-perl'] as const;

function firstLine(text: string): string {
  return text.trim().split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
}

function which(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** Download (if not cached) and unpack the packages; returns an error text or null. */
function fetchPackages(cache: string, packages: readonly string[]): string | null {
  const debs = join(cache, 'debs');
  const root = join(cache, 'root');
  mkdirSync(debs, { recursive: true });
  mkdirSync(root, { recursive: true });
  const cached = (pkg: string): string | undefined => readdirSync(debs).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
  const missing = packages.filter((p) => cached(p) === undefined);
  if (missing.length > 0) {
    if (!which('apt-get')) return `apt-get not found (not a Debian-like system); cannot download ${missing.join(', ')}`;
    const r = spawnSync('apt-get', ['download', ...missing], { cwd: debs, encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0) {
      const why = firstLine((r.stderr ?? '').split('\n').filter((l) => l.startsWith('E:')).join('\n') || (r.stderr ?? '') || String(r.error ?? ''));
      return `apt-get download ${missing.join(' ')} failed: ${why}${/Unable to locate/.test(r.stderr ?? '') ? ' (run `apt-get update` once)' : ''}`;
    }
  }
  for (const pkg of packages) {
    const deb = cached(pkg);
    if (!deb) return `package ${pkg} was not downloaded`;
    const marker = join(root, `.unpacked-${deb}`);
    if (existsSync(marker)) continue;
    const r = spawnSync('dpkg', ['-x', join(debs, deb), root], { encoding: 'utf8' });
    if (r.status !== 0) return `dpkg -x ${deb} failed: ${firstLine(r.stderr ?? String(r.error ?? ''))}`;
    writeFileSync(marker, '');
  }
  return null;
}

/** PERL5LIB for the unpacked tree: usr/share/perl5 and usr/lib/<triplet>/perl5/<version>. */
function perl5lib(root: string): string {
  const dirs: string[] = [];
  const share = join(root, 'usr/share/perl5');
  if (existsSync(share)) dirs.push(share);
  const lib = join(root, 'usr/lib');
  if (existsSync(lib)) {
    for (const triplet of readdirSync(lib)) {
      const p5 = join(lib, triplet, 'perl5');
      if (!existsSync(p5)) continue;
      for (const v of readdirSync(p5)) dirs.push(join(p5, v));
    }
  }
  if (process.env.PERL5LIB) dirs.push(process.env.PERL5LIB);
  return dirs.join(':');
}

export function preparePflogsumm(cache: string): Tool {
  if (!which('perl')) return { ok: false, reason: 'perl not found' };
  const err = fetchPackages(cache, PFLOGSUMM_PACKAGES);
  const root = join(cache, 'root');
  let script = join(root, 'usr/sbin/pflogsumm');
  let origin = `Debian packages ${PFLOGSUMM_PACKAGES.join(', ')} (unpacked in ${root})`;
  if (err !== null || !existsSync(script)) {
    const system = which('pflogsumm');
    if (!system) return { ok: false, reason: err ?? 'pflogsumm script missing after unpacking' };
    script = system;
    origin = `system ${system} (download failed: ${err ?? 'script missing'})`;
  }
  const env = { ...process.env, PERL5LIB: perl5lib(root), LC_ALL: 'C' };
  const v = spawnSync('perl', [script, '--version'], { env, encoding: 'utf8' });
  if (v.status !== 0) return { ok: false, reason: `pflogsumm does not run: ${firstLine(v.stderr ?? '')}` };
  return { ok: true, cmd: 'perl', args: [script], env, version: firstLine(v.stdout ?? ''), origin };
}

/** Perl one-liner that parses every message of a folder and prints how many bounces it found. */
const SISIMAI_SCRIPT = [
  'use Sisimai;',
  "my $api = Sisimai->can('rise') ? 'rise' : 'make';",
  'my $v = Sisimai->$api(shift);',
  'print scalar(@{ $v // [] }), "\\n";',
].join(' ');

export function prepareSisimai(cache: string): Tool {
  if (!which('perl')) return { ok: false, reason: 'perl not found' };
  const err = fetchPackages(cache, SISIMAI_PACKAGES);
  const root = join(cache, 'root');
  const env = { ...process.env, PERL5LIB: perl5lib(root), LC_ALL: 'C' };
  const v = spawnSync('perl', ['-MSisimai', '-e', "print Sisimai->version, ' (', (Sisimai->can('rise') ? 'rise' : 'make'), ')'"], { env, encoding: 'utf8' });
  if (v.status !== 0) return { ok: false, reason: err ?? `Sisimai does not load: ${firstLine(v.stderr ?? '')}` };
  return {
    ok: true,
    cmd: 'perl',
    args: ['-e', SISIMAI_SCRIPT],
    env,
    version: `Sisimai ${firstLine(v.stdout ?? '')}`,
    origin: err === null ? `Debian packages ${SISIMAI_PACKAGES.join(', ')} (unpacked in ${root})` : `system perl modules (download failed: ${err})`,
  };
}
