/** Audiences of tokens that are not for Graph: SPFx's own sign-in (its client and principal ids). */
export const SPFX_AUDIENCES = new Set<string>([
  '08e18876-6177-487e-b8b5-cf950c1e598c',
  'c58637bb-e2e1-4312-8a00-04b5ffcd3403'
]);
