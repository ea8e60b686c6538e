/** SharePoint's first-party client that SPFx's MSAL signs in as (the runtime's own constant). */
export const SPFX_CLIENT_ID = '08e18876-6177-487e-b8b5-cf950c1e598c';
/** "SharePoint Online Client Extensibility Web Application Principal": the audience of SPFx's sign-in token. */
export const SPFX_PRINCIPAL_ID = 'c58637bb-e2e1-4312-8a00-04b5ffcd3403';

/** Audiences of tokens that are not for Graph: SPFx's own sign-in (its client and principal ids). */
export const SPFX_AUDIENCES = new Set<string>([SPFX_CLIENT_ID, SPFX_PRINCIPAL_ID]);
