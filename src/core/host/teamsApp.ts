/**
 * The identity of Access Hub's own Teams app (`teams/manifest.json`), shared by the manifest, its test and the
 * web parts' Teams deep links (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application):
 * `https://teams.microsoft.com/l/entity/<TEAMS_APP_ID>/<entityId>?context={"subEntityId":"<package id>"}`.
 */
export const TEAMS_APP_ID = 'decc0c80-eed8-4ee5-96ee-0b1f7b3b65ce';

/** The personal app's static tabs (entity ids), one per web part. */
export const TEAMS_TABS = {
  requestAccess: 'request-access',
  myAccess: 'my-access',
  approvals: 'approvals'
} as const;

/** The web parts' component ids (their manifests' `id`), which the Teams tab URLs name. */
export const COMPONENT_IDS = {
  AccessCatalog: 'c0702771-da6b-4281-bc01-b2676e2721a0',
  AccessRequestButton: '8c9648cb-56fd-4cf0-8ae6-436594f710cb',
  MyAccess: '419c95e4-c350-4863-89ba-dd06c532ee4e',
  AccessApprovals: '0a209817-1e04-41d4-b262-7c364518afda'
} as const;
