/** The log analyzer's own URL. The app shell reads it; the wizard's share state never uses it. */
export const ANALYZER_ROUTE = '#/logs';

export function isAnalyzerHash(hash: string): boolean {
  return hash === ANALYZER_ROUTE;
}
