// @vitest-environment node
/**
 * English is the source of truth; Chinese must have the same keys and the same {{placeholders}},
 * and must actually be translated (a zh value equal to its en value is an untranslated string,
 * unless it is a name listed here).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NAMESPACES, resources } from './resources.ts';

/** Values that are the same in both languages on purpose: brand and product names. */
const SAME_IN_BOTH: readonly string[] = ['smtp-doctor', 'Postfix', 'Exim', 'Sendmail', 'SMTP'];

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const localesDir = fileURLToPath(new URL('../../locales/', import.meta.url));
const srcDir = fileURLToPath(new URL('../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = `${dir}${d.name}`;
    if (d.isDirectory()) return sourceFiles(`${path}/`);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : [];
  });
}

describe.each(NAMESPACES)('locale namespace %s', (ns) => {
  const en = flatten(resources.en[ns]);
  const zh = flatten(resources.zh[ns]);

  it('has the same keys in en and zh', () => {
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('has the same placeholders in en and zh', () => {
    const mismatched = [...en].filter(([k, v]) => zh.has(k) && placeholders(v).join() !== placeholders(zh.get(k) ?? '').join()).map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it('translates every value into Chinese', () => {
    const same = [...en].filter(([k, v]) => zh.get(k) === v && !SAME_IN_BOTH.includes(v)).map(([k]) => k);
    expect(same).toEqual([]);
  });

  it('uses kebab-case keys of the form area.item, and no empty values', () => {
    const bad = [...en.keys()].filter((k) => !/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/.test(k));
    expect(bad).toEqual([]);
    expect([...en, ...zh].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });
});

describe('locale files', () => {
  it('are the same set of files in every language, all of them loaded', () => {
    const files = (lang: string) => readdirSync(`${localesDir}${lang}`).filter((f) => NAMESPACES.some((ns) => `${ns}.json` === f)).sort();
    expect(files('en')).toEqual([...NAMESPACES].map((ns) => `${ns}.json`).sort());
    expect(files('zh')).toEqual(files('en'));
    const raw = JSON.parse(readFileSync(`${localesDir}en/common.json`, 'utf8')) as unknown;
    expect(raw).toEqual(resources.en.common);
  });

  it('has no key the code never uses', () => {
    const code = sourceFiles(srcDir).map((f) => readFileSync(f, 'utf8')).join('\n');
    const unused = NAMESPACES.flatMap((ns) => [...flatten(resources.en[ns]).keys()].filter((k) => !code.includes(`'${k}'`)).map((k) => `${ns}:${k}`));
    expect(unused).toEqual([]);
  });
});
