// @vitest-environment node
/**
 * Every JSON file under locales/ — the wizard's namespaces and the CLI's and reports' labels — exists
 * in both languages with the same keys and {{placeholders}}, and every Chinese value is translated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../locales/', import.meta.url));
const SAME_IN_BOTH = new Set(['smtp-doctor', 'Postfix', 'Exim', 'Sendmail', 'SMTP']);

function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(prefix, value);
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

function read(lang: string, file: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(`${dir}${lang}/${file}`, 'utf8')) as unknown);
}

const placeholders = (t: string) => [...t.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]).sort().join();

const files = readdirSync(`${dir}en`).filter((f) => f.endsWith('.json')).sort();

describe('locale files', () => {
  it('exist in both languages', () => {
    expect(readdirSync(`${dir}zh`).filter((f) => f.endsWith('.json')).sort()).toEqual(files);
    expect(files).toEqual(expect.arrayContaining(['cli.json', 'report.json']));
  });

  describe.each(files)('%s', (file) => {
    const en = read('en', file);
    const zh = read('zh', file);
    it('has the same keys and placeholders', () => {
      expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
      expect([...en].filter(([k, v]) => placeholders(v) !== placeholders(zh.get(k) ?? '')).map(([k]) => k)).toEqual([]);
    });
    it('is translated', () => {
      expect([...en].filter(([k, v]) => zh.get(k) === v && !SAME_IN_BOTH.has(v)).map(([k]) => k)).toEqual([]);
      expect([...zh].filter(([, v]) => !/\p{Script=Han}/u.test(v) && !SAME_IN_BOTH.has(v)).map(([k]) => k)).toEqual([]);
    });
  });
});
