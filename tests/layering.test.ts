// @vitest-environment node
/**
 * Imports flow one way: the engine imports nothing outside itself but zod; the CLI and reports use the
 * engine, never the UI; features never import each other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function files(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return files(p);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? '');
}

/** Where an import points, as a path from the repo root (bare package names stay as they are). */
function target(file: string, spec: string): string {
  if (spec.startsWith('@/')) return join('src', spec.slice(2));
  if (spec.startsWith('.')) return relative(root, resolve(root, dirname(file), spec));
  return spec;
}

describe('layering', () => {
  it('keeps the engine free of UI, DOM and Node imports', () => {
    const bad = files('src/engine').flatMap((f) =>
      imports(f).map((s) => [f, target(f, s)] as const).filter(([, t]) => !t.startsWith('src/engine/') && t !== 'zod/mini'),
    );
    expect(bad).toEqual([]);
  });

  it('lets the CLI (its own modules aside), the report renderer and the KB bundle use only the engine and data', () => {
    const allowed = (from: string, t: string) =>
      /^(src\/(engine|kb-data|report)\/|kb\/|locales\/)/.test(t) || t.startsWith('node:') || (from === 'src/cli' && t.startsWith('src/cli/'));
    const bad = ['src/cli', 'src/report', 'src/kb-data'].flatMap((d) =>
      files(d).flatMap((f) => imports(f).map((s) => [f, target(f, s)] as const).filter(([, t]) => !allowed(d, t))),
    );
    expect(bad).toEqual([]);
  });

  it('never lets one feature import another', () => {
    const bad = files('src/features').flatMap((f) => {
      const own = f.split('/')[2];
      return imports(f)
        .map((s) => target(f, s))
        .filter((t) => t.startsWith('src/features/') && t.split('/')[2] !== own)
        .map((t) => `${f} -> ${t}`);
    });
    expect(bad).toEqual([]);
  });
});
