// Which Microsoft Graph the page's tenant uses (docs/graph-notes.md §16). Part of the customizer's first script: tiny.

export const DEFAULT_GRAPH_ORIGIN = 'https://graph.microsoft.com';

// A host name with an optional port (what SharePoint puts in `legacyPageContext.msGraphEndpointUrl`, e.g.
// `graph.microsoft.us`), or an http(s) origin (the local tenant's `http://localhost:4400`); a path is dropped.
const ENDPOINT = /^(?:(https?):\/\/)?((?:[a-z\d](?:[a-z\d-]*[a-z\d])?\.)*[a-z\d](?:[a-z\d-]*[a-z\d])?(?::\d{1,5})?)(?:\/[^\s?#\\]*)?$/i;

/** `https://<host>` of the page's Graph; the global service when the value is absent or not a host or origin. */
export function graphOrigin(msGraphEndpointUrl: string | undefined): string {
  const m = ENDPOINT.exec(typeof msGraphEndpointUrl === 'string' ? msGraphEndpointUrl.trim() : '');
  return m ? `${(m[1] || 'https').toLowerCase()}://${m[2].toLowerCase()}` : DEFAULT_GRAPH_ORIGIN;
}
