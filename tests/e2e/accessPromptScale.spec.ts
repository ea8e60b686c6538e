/**
 * What the AccessPrompt customizer costs per page view in the browser on a tenant with 1,000 packages:
 * first view of the day (the scan), a later view in a new session, a reload in the same session, and a site
 * whose customizer names its packages. Its requests are told apart from the web parts' on the same page by what
 * they ask (the customizer's batch ids and role-scope expansion); round trips are the longest chain of its
 * requests that do not overlap, with 150 ms latency on every call.
 */
import { Page, Request } from '@playwright/test';
import { expect, expectUnchanged, pageUrl, test, withWorkbench } from './harness';
import { ID, U } from '../contoso';

const env = withWorkbench({ scale: 'packages:1000' });
const MARKETING = '/sites/marketing/SitePages/Home.aspx';

function isPrompt(r: Request): boolean {
  const url = r.url();
  if (/_api\/site\?\$select=GroupId,Url$/.test(url) || /_api\/web\/effectiveBasePermissions$/.test(url)) return true;
  if (!/\/\$batch$/.test(url)) return false;
  const body = r.postData() || '';
  // The scan's first page rides in a batch; its next pages are plain GETs of @odata.nextLink, which look like the
  // catalog's own reads of the same function, so the first view's count leaves them out (the service test counts them).
  // Role scopes: the customizer names its batch entries by package id ('n:<id>' for named packages), PnPjs (the
  // catalog, whose fallback on a strict tenant reads the same $expand=role,scope) by number.
  return /"id":"assignments"|"id":"(n:)?[0-9a-f-]{36}","method":"GET","url":"[^"]*resourceRoleScopes\?\$expand=role,scope"|allowedRequestor'\)"/.test(body);
}

interface ICost { requests: number; roundTrips: number }
interface IWatch { cost(): ICost; inFlight(): number }

function watch(page: Page): IWatch {
  const spans: Array<{ start: number; end?: number }> = [];
  const open = new Map<Request, { start: number; end?: number }>();
  page.on('request', r => { if (isPrompt(r)) { const s = { start: Date.now() }; spans.push(s); open.set(r, s); } });
  const done = (r: Request): void => { const s = open.get(r); if (s) s.end = Date.now(); };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    inFlight: () => spans.filter(s => s.end === undefined).length,
    cost: () => {
      let roundTrips = 0;
      let lastEnd = -Infinity;
      for (const s of spans.slice().sort((a, b) => (a.end || 0) - (b.end || 0))) {
        if (s.start >= lastEnd) { roundTrips++; lastEnd = s.end || s.start; }
      }
      return { requests: spans.length, roundTrips };
    }
  };
}

async function decided(page: Page): Promise<string> {
  const top = page.locator('[data-prompt]');
  await expect(top, 'the customizer decides').toBeAttached({ timeout: 60000 });
  return (await top.getAttribute('data-prompt')) || '';
}

async function view(page: Page, url: string): Promise<{ cost: ICost; kind: string }> {
  const w = watch(page);
  await page.goto(url);
  const kind = await decided(page);
  // Anything the customizer still sends would show up here: none of its requests in flight, and its count unchanged
  // for 400 ms.
  await expect.poll(w.inFlight, { message: "the customizer's requests end" }).toBe(0);
  await expectUnchanged(() => w.cost(), 400, "the customizer's requests");
  return { cost: w.cost(), kind };
}

test('first view of the day scans; later views, reloads and named packages cost at most one round trip', async ({ context, newContext }) => {
  test.setTimeout(120000);
  await fetch(`${env.wb.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ latencyMs: 150, jitterMs: 0 }) });
  try {
    const url = pageUrl(MARKETING, U.adele);
    const first = await view(await context.newPage(), url);
    const laterPage = await context.newPage(); // a new tab: a new session, the same localStorage
    const later = await view(laterPage, url);
    const reload = await view(laterPage, url);
    const namedContext = await newContext();
    const named = await view(await namedContext.newPage(), pageUrl(MARKETING, U.adele, { query: { prompt: JSON.stringify({ packageIds: [ID.contributors] }) } }));
    process.stdout.write(`[prompt browser, 1,000 packages] first ${JSON.stringify(first)} later ${JSON.stringify(later)} reload ${JSON.stringify(reload)} named ${JSON.stringify(named)}\n`);
    for (const v of [first, later, reload, named]) expect(v.kind).toBe('offer');
    expect(first.cost.requests).toBeGreaterThan(10);
    expect(later.cost).toEqual({ requests: 3, roundTrips: 1 });
    expect(reload.cost).toEqual({ requests: 0, roundTrips: 0 });
    expect(named.cost).toEqual({ requests: 3, roundTrips: 1 });
  } finally {
    await fetch(`${env.wb.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  }
});
