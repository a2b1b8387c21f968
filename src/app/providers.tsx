import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { AnnouncerProvider } from '@/components/announcer.tsx';
import { StepFocusProvider } from '@/components/step-focus.tsx';
import { KbProvider } from '@/store/kb-context.tsx';
import { StoreProvider } from '@/store/store-context.tsx';
import type { AppContext } from './create-app.ts';

export function AppProviders({ context, children }: { context: AppContext; children: ReactNode }) {
  const inner = context.kb.ok ? <KbProvider source={context.kb.source}>{children}</KbProvider> : children;
  return (
    <I18nextProvider i18n={context.i18n}>
      <StoreProvider store={context.store}>
        <AnnouncerProvider>
          <StepFocusProvider>{inner}</StepFocusProvider>
        </AnnouncerProvider>
      </StoreProvider>
    </I18nextProvider>
  );
}
