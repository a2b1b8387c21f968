import enCommon from '../../locales/en/common.json';
import enWizard from '../../locales/en/wizard.json';
import enDiagnosis from '../../locales/en/diagnosis.json';
import enBrowse from '../../locales/en/browse.json';
import enAnalyzer from '../../locales/en/analyzer.json';
import zhCommon from '../../locales/zh/common.json';
import zhWizard from '../../locales/zh/wizard.json';
import zhDiagnosis from '../../locales/zh/diagnosis.json';
import zhBrowse from '../../locales/zh/browse.json';
import zhAnalyzer from '../../locales/zh/analyzer.json';

export const NAMESPACES = ['common', 'wizard', 'diagnosis', 'browse', 'analyzer'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** English is the source of truth for the key types (see `i18next.d.ts`). */
export const resources = {
  en: { common: enCommon, wizard: enWizard, diagnosis: enDiagnosis, browse: enBrowse, analyzer: enAnalyzer },
  zh: { common: zhCommon, wizard: zhWizard, diagnosis: zhDiagnosis, browse: zhBrowse, analyzer: zhAnalyzer },
} as const;
