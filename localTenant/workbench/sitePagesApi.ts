/**
 * SharePoint's site pages REST, the part a page editor uses to save web part settings:
 *
 * - `GET  {web}/_api/sitepages/pages({id})`: the page (Id, Title, FileName, CanvasContent1 with its web parts);
 * - `POST {web}/_api/sitepages/pages({id})/SavePageAsDraft` `{"CanvasContent1": "<JSON of the controls>"}`: keeps the
 *   controls as the page's draft;
 * - `POST {web}/_api/sitepages/pages({id})/Publish`: the draft becomes the page everyone gets.
 *
 * A page's id is its place in the site's Site Pages (the fixture's `sites[].pages[]`, from 1). Saving and publishing
 * need Edit or Full Control on the site (403 with SharePoint's error otherwise), and, by the session cookie, the
 * page's form digest (`X-RequestDigest`), as SharePoint asks of a browser. Web parts are matched to the page's by their
 * order (`position.controlIndex`); a control's `webPartData.properties` replaces that web part's properties. The
 * published properties live in the tenant's store (`db.sites[].pages[].webParts[]`), so both workbench runtimes render
 * them and `POST /_dev/reset` takes them back to the fixture; drafts are kept per page object, so a reset drops them.
 */
import type { FxPage, FxSite } from '../fixture';
import type { SpReq, SpRes } from '../sharepoint';
import { spError } from '../sharepoint';
import type { Tenant } from '../tenant';

const ROUTE = /^sitepages\/pages\((\d+)\)(?:\/(savepageasdraft|publish))?$/;
const MAX_CONTROLS = 50;

interface CanvasControl {
  controlType?: number;
  id?: string;
  webPartId?: string;
  position?: { controlIndex?: number };
  webPartData?: { id?: string; instanceId?: string; title?: string; dataVersion?: string; properties?: unknown };
}

const drafts = new WeakMap<FxPage, Array<Record<string, unknown>>>();

const accessDenied = (): SpRes =>
  spError(403, '-2147024891, System.UnauthorizedAccessException', 'Access denied. You do not have permission to perform this action or access this resource.');

const badRequest = (message: string): SpRes => spError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', message);

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** The page's web parts as SharePoint's CanvasContent1 holds them. */
function canvasContent(page: FxPage): string {
  return JSON.stringify(page.webParts.map((wp, i) => ({
    controlType: 3, position: { zoneIndex: 1, sectionIndex: 1, controlIndex: i + 1, layoutIndex: 1 },
    webPartData: { alias: wp.alias, dataVersion: '1.0', properties: wp.properties }
  })));
}

/** The properties of each of the page's web parts, in page order, from CanvasContent1; or what is wrong with it. */
function readControls(page: FxPage, raw: unknown): Array<Record<string, unknown>> | string {
  if (typeof raw !== 'string') return "'CanvasContent1' (a JSON string of the page's controls) is required.";
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return "'CanvasContent1' is not valid JSON.";
  }
  if (!Array.isArray(parsed) || parsed.length > MAX_CONTROLS) return "'CanvasContent1' must be an array of the page's controls.";
  const webParts = (parsed as CanvasControl[])
    .filter(c => isObject(c) && c.controlType === 3)
    .map((c, i) => ({ c, order: c.position && typeof c.position.controlIndex === 'number' ? c.position.controlIndex : i + 1 }))
    .sort((a, b) => a.order - b.order)
    .map(x => x.c);
  if (webParts.length !== page.webParts.length) {
    return `The page has ${page.webParts.length} web parts; CanvasContent1 has ${webParts.length}. Adding or removing web parts is not supported here.`;
  }
  const out: Array<Record<string, unknown>> = [];
  for (const c of webParts) {
    const props = c.webPartData && c.webPartData.properties;
    if (!isObject(props)) return 'Each web part control needs webPartData.properties (an object).';
    out.push(props);
  }
  return out;
}

/** Answers the site pages routes above; undefined for any other path. */
export function handleSitePages(t: Tenant, site: FxSite, req: SpReq & { body?: unknown }): SpRes | undefined {
  const m = ROUTE.exec(req.apiPath.replace(/^\/+|\/+$/g, '').toLowerCase());
  if (!m) return undefined;
  const page = site.pages[Number(m[1]) - 1];
  if (!page) return spError(404, '-2146232832, Microsoft.SharePoint.SPException', 'The page does not exist.');
  const action = m[2];
  if (!action) {
    if (req.method !== 'GET') return spError(405, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'The HTTP method is not supported here.');
    return { status: 200, body: { Id: Number(m[1]), Title: page.title, FileName: page.name, CanvasContent1: canvasContent(page) } };
  }
  if (req.method !== 'POST') return spError(405, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `${action} takes POST.`);
  const user = req.user;
  const level = user ? t.sitePermissionLevel(site.url, user.id) : 'none';
  if (level !== 'Edit' && level !== 'Full Control') return accessDenied();
  if (!req.headers.authorization && !req.headers['x-requestdigest']) {
    return spError(403, '-2130575252, Microsoft.SharePoint.SPException',
      "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again.");
  }
  if (action === 'savepageasdraft') {
    if (!isObject(req.body)) return badRequest('The request body must be a JSON object with CanvasContent1.');
    const controls = readControls(page, req.body.CanvasContent1);
    if (typeof controls === 'string') return badRequest(controls);
    drafts.set(page, controls);
    return { status: 200, body: { value: true } };
  }
  const draft = drafts.get(page);
  if (draft) {
    page.webParts.forEach((wp, i) => { wp.properties = JSON.parse(JSON.stringify(draft[i])); });
    drafts.delete(page);
    t.commit();
  }
  return { status: 200, body: { value: true } };
}
