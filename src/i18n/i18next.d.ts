import type common from '../../locales/en/common.json';
import type wizard from '../../locales/en/wizard.json';
import type diagnosis from '../../locales/en/diagnosis.json';
import type browse from '../../locales/en/browse.json';
import type analyzer from '../../locales/en/analyzer.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      wizard: typeof wizard;
      diagnosis: typeof diagnosis;
      browse: typeof browse;
      analyzer: typeof analyzer;
    };
    returnNull: false;
    strictKeyChecks: true;
  }
}
