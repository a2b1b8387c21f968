// @vitest-environment node
// Generated code must at least parse: Python with ast.parse, JavaScript with `node --check`, shell with `bash -n`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PRODUCTS, type ProductId } from '../products.ts';
import { SNIPPET_IDS } from './ids.ts';
import { snippetGenerator } from './registry.ts';
import type { Snippet, SnippetLanguage, SnippetParams } from './types.ts';

const SAMPLE: SnippetParams = { hostname: 'mx1.example.com', ip: '2001:db8::25', limit: '7', destination: 'example.net', smtpHost: 'smtp.example.com', region: 'ap-southeast-2' };

/** Every distinct snippet of a language, over products, versions, both languages, with and without values. */
function collect(language: SnippetLanguage): Snippet[] {
  const seen = new Map<string, Snippet>();
  for (const id of SNIPPET_IDS) {
    const g = snippetGenerator(id);
    for (const product of g?.products ?? []) {
      const versions = PRODUCTS.find((p) => p.id === product)?.versions ?? [];
      for (const version of [undefined, ...versions, ...(product === 'nodemailer' ? ['10.1'] : [])]) {
        for (const lang of ['en', 'zh'] as const) {
          for (const params of [SAMPLE, {}]) {
            for (const s of g?.generate({ product: product as ProductId, version, lang, params }) ?? []) {
              if (s.language === language) seen.set(s.code, s);
            }
          }
        }
      }
    }
  }
  return [...seen.values()];
}

const dir = mkdtempSync(join(tmpdir(), 'smtp-doctor-snippets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generated code parses', () => {
  it('Python compiles (ast.parse)', () => {
    const py = collect('python');
    expect(py.length).toBeGreaterThanOrEqual(4);
    for (const s of py) {
      const r = spawnSync('python3', ['-c', 'import ast,sys;ast.parse(sys.stdin.read())'], { input: s.code, encoding: 'utf8' });
      expect(r.status, `${s.id}\n${r.stderr}\n${s.code}`).toBe(0);
    }
  });

  it('JavaScript parses (node --check)', () => {
    const js = collect('javascript');
    expect(js.length).toBeGreaterThanOrEqual(4);
    js.forEach((s, i) => {
      const file = join(dir, `snippet-${i}.mjs`);
      writeFileSync(file, s.code);
      const r = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
      expect(r.status, `${s.id}\n${r.stderr}\n${s.code}`).toBe(0);
    });
  });

  it('shell snippets pass bash -n', () => {
    const sh = collect('shell');
    expect(sh.length).toBeGreaterThan(20);
    for (const s of sh) {
      const r = spawnSync('bash', ['-n'], { input: s.code, encoding: 'utf8' });
      expect(r.status, `${s.id}\n${r.stderr}\n${s.code}`).toBe(0);
    }
  });

  it('a broken snippet would be caught (the checkers really run)', () => {
    expect(spawnSync('python3', ['-c', 'import ast,sys;ast.parse(sys.stdin.read())'], { input: 'def f(:\n', encoding: 'utf8' }).status).not.toBe(0);
    const file = join(dir, 'broken.mjs');
    writeFileSync(file, 'const = 1;');
    expect(spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' }).status).not.toBe(0);
    expect(execFileSync('bash', ['-c', 'echo ok'], { encoding: 'utf8' }).trim()).toBe('ok');
  });
});
