import enCommon from '../../locales/en/common.json';
import enWizard from '../../locales/en/wizard.json';
import enDiagnosis from '../../locales/en/diagnosis.json';
import zhCommon from '../../locales/zh/common.json';
import zhWizard from '../../locales/zh/wizard.json';
import zhDiagnosis from '../../locales/zh/diagnosis.json';

export const NAMESPACES = ['common', 'wizard', 'diagnosis'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** English is the source of truth for the key types (see `i18next.d.ts`). */
export const resources = {
  en: { common: enCommon, wizard: enWizard, diagnosis: enDiagnosis },
  zh: { common: zhCommon, wizard: zhWizard, diagnosis: zhDiagnosis },
} as const;
