/**
 * Reads the AccessPrompt customizer's first script made on this page, offered to the web parts: they are separate
 * bundles on one window, and both need the site and the site's access map (SharePoint REST) and, on a site without a
 * map, the person's requestable packages and what each grants (Graph, by absolute URL). The customizer starts first
 * (its first script is small), so a web part that finds an answer here a moment later does not ask again
 * (services/sharepoint/SharePointSiteAccessService.ts takes them). Kept tiny: it is in the first script.
 */
export interface ISharedAnswer { status: number; body: unknown }

/** The window property: `{ [url]: { at, answer } }`. */
export const SHARED_READS = '__accessHubSharePointReads';

export function shareRead(url: string, answer: Promise<ISharedAnswer>): void {
  // Nobody may take it: a failure here is the banner's own (its caller has the same promise's rejection).
  answer.catch(() => undefined);
  if (typeof window === 'undefined') return;
  const w = window as unknown as Record<string, Record<string, { at: number; answer: Promise<ISharedAnswer> }>>;
  (w[SHARED_READS] = w[SHARED_READS] || {})[url] = { at: Date.now(), answer };
}
