import type common from '../../locales/en/common.json';
import type wizard from '../../locales/en/wizard.json';
import type diagnosis from '../../locales/en/diagnosis.json';
import type browse from '../../locales/en/browse.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      wizard: typeof wizard;
      diagnosis: typeof diagnosis;
      browse: typeof browse;
    };
    returnNull: false;
    strictKeyChecks: true;
  }
}
