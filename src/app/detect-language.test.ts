// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.ts';

describe('detectLanguage', () => {
  it.each([
    [['zh-CN'], 'zh'],
    [['zh-TW', 'en'], 'zh'],
    [['zh'], 'zh'],
    [['zh-Hans-CN'], 'zh'],
    [['fr-FR', 'zh_CN'], 'zh'],
    [['en-GB', 'zh-CN'], 'en'],
    [['de-DE', 'fr'], 'en'],
    [[], 'en'],
  ] as const)('%j -> %s', (languages, expected) => {
    expect(detectLanguage(languages)).toBe(expected);
  });
});
