/**
 * Keeps the page's hash in step with the walk (replaceState: no history entry per answer) and applies
 * a share link opened in this tab. Only the app shell does this; an embedded widget leaves the host's
 * URL alone.
 */
import type { KbSource } from '@/store/kb-source.ts';
import type { AppStore } from '@/store/create-app-store.ts';
import { parseShareHash, shareHash } from '@/store/share-link.ts';
import { parseBrowseHash } from '@/features/browse/route.ts';
import { isAnalyzerHash } from '@/features/log-analyzer/route.ts';

/** Restores the diagnosis in `hash`, if it holds one. Returns whether it did. */
export function applySharedHash(store: AppStore, kb: KbSource, hash: string): boolean {
  const parsed = parseShareHash(hash);
  if (parsed.kind === 'none') return false;
  if (parsed.kind === 'invalid' || !kb.summary(parsed.shared.entryId)) {
    store.getState().pushNotice('link-invalid');
    return false;
  }
  store.getState().restore(parsed.shared);
  return true;
}

export function startUrlSync(store: AppStore, kb: KbSource, win: Window): () => void {
  const write = () => {
    // The browse pages and the log analyzer own the hash while they are shown.
    if (parseBrowseHash(win.location.hash) || isAnalyzerHash(win.location.hash)) return;
    const { entryId, step, walk } = store.getState();
    const hash = shareHash(entryId, step, walk);
    if (hash === win.location.hash || (hash === '' && win.location.hash === '')) return;
    const { pathname, search } = win.location;
    win.history.replaceState(win.history.state, '', `${pathname}${search}${hash}`);
  };
  const onHashChange = () => {
    const { entryId, step, walk } = store.getState();
    if (win.location.hash !== shareHash(entryId, step, walk)) applySharedHash(store, kb, win.location.hash);
  };
  write();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.entryId !== prev.entryId || s.step !== prev.step || s.walk !== prev.walk) write();
  });
  win.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    win.removeEventListener('hashchange', onHashChange);
  };
}
