/**
 * The browse pages' own URLs: `#/entries` (with `?q=` for a search) and `#/entries/<entry id>`.
 * Everything else in the hash belongs to the wizard.
 */
export const BROWSE_ROUTE = '#/entries';

export type BrowseRoute = { kind: 'index'; query: string } | { kind: 'entry'; id: string };

export function parseBrowseHash(hash: string): BrowseRoute | undefined {
  if (hash === BROWSE_ROUTE) return { kind: 'index', query: '' };
  if (hash.startsWith(`${BROWSE_ROUTE}?`)) return { kind: 'index', query: new URLSearchParams(hash.slice(BROWSE_ROUTE.length + 1)).get('q') ?? '' };
  if (hash.startsWith(`${BROWSE_ROUTE}/`)) {
    try {
      return { kind: 'entry', id: decodeURIComponent(hash.slice(BROWSE_ROUTE.length + 1)) };
    } catch {
      return { kind: 'index', query: '' };
    }
  }
  return undefined;
}

export function browseHash(route: BrowseRoute): string {
  if (route.kind === 'entry') return `${BROWSE_ROUTE}/${encodeURIComponent(route.id)}`;
  return route.query ? `${BROWSE_ROUTE}?${new URLSearchParams({ q: route.query }).toString()}` : BROWSE_ROUTE;
}
