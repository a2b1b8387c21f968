import type { WalkState } from '@/engine/index.ts';
import { shareHash } from '@/store/share-link.ts';
import type { WizardStep } from '@/store/wizard-flow.ts';

/** The address of this page with the diagnosis in the hash (never the pasted text). */
export function shareUrl(entryId: string | null, step: WizardStep, walk: WalkState): string {
  const { origin, pathname, search } = window.location;
  const base = origin === 'null' ? window.location.href.split('#')[0] ?? '' : `${origin}${pathname}${search}`;
  return `${base}${shareHash(entryId, step, walk)}`;
}
