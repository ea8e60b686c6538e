/**
 * `npm run screenshots`: PNGs of every component in every theme, for people to look at (not a test).
 *
 * Starts the local tenant and workbench in-process (tests/e2e/harness.ts `startWorkbench`, as `npm run bench` does),
 * drives Debian's Chromium through playwright-core with the browser tests' launch options (tests/e2e/chromium.ts), and
 * writes `screenshots/<shot>--<variant>.png` (gitignored). Each shot is one entry of SHOTS: a page, a person, what to
 * wait for and, optionally, what to do first (open a panel, show a validation error); each is taken in every
 * VARIANT (light, dark, each section background, German). A page another part of the workbench serves (the Teams
 * tabs under `/_teams/...`, the Viva dashboard `/_dashboard`) is one more entry.
 *
 *   npm run screenshots                       # everything
 *   npm run screenshots -- --only=catalog     # shots whose name contains "catalog"
 *   npm run screenshots -- --variants=light,dark
 *   npm run screenshots -- --out=.scratch/shots
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, Page } from 'playwright-core';
import { REPO_ROOT, RunningWorkbench, graphAs, pageUrl, startWorkbench } from '../tests/e2e/harness';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';
import { ID, U } from '../tests/contoso';

export interface Variant {
  name: string;
  /** A Teams theme (`teamsTheme`): taken only for the Teams pages, which take only these and German. */
  teams?: boolean;
  /** Query parameters the workbench reads (`section`, `theme`, `lang`). */
  query: Record<string, string>;
}

export interface Shot {
  name: string;
  path: string;
  /** `?as=`; none for pages that take no person. */
  person?: string;
  query?: Record<string, string>;
  /** Changes the tenant before the page opens (every shot starts from a reset tenant). */
  setup?(wb: RunningWorkbench): Promise<void>;
  /** Waits until the page shows what the shot is about. */
  ready(page: Page): Promise<void>;
  /** Optional steps after `ready`: open a panel, submit an empty form… */
  act?(page: Page): Promise<void>;
  /** Only the element matching this selector (default: the full page). */
  element?: string;
  /** Variants this shot is taken in (default: all). */
  variants?: string[];
}

export const VARIANTS: Variant[] = [
  { name: 'light', query: {} },
  { name: 'dark', query: { theme: 'dark' } },
  { name: 'neutral', query: { section: 'neutral' } },
  { name: 'soft', query: { section: 'soft' } },
  { name: 'strong', query: { section: 'strong' } },
  { name: 'dark-strong', query: { theme: 'dark', section: 'strong' } },
  { name: 'german', query: { lang: 'de-de' } },
  { name: 'teams-default', teams: true, query: { teamsTheme: 'default' } },
  { name: 'teams-dark', teams: true, query: { teamsTheme: 'dark' } },
  { name: 'teams-contrast', teams: true, query: { teamsTheme: 'contrast' } }
];
const TEAMS_VARIANTS = ['teams-default', 'teams-dark', 'teams-contrast', 'german'];

const INTRANET = '/sites/intranet/SitePages/Home.aspx';
const MARKETING = '/sites/marketing/SitePages/Home.aspx';
const APPROVALS = '/sites/intranet/SitePages/Approvals.aspx';
const ENGINEERING = '/sites/engineering/SitePages/Home.aspx';

const visible = async (page: Page, selector: string): Promise<void> => {
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: 30000 });
};
const banner = (kind: string) => async (page: Page): Promise<void> => {
  await page.locator(`[data-prompt="${kind}"] [data-accesshub="access-prompt"]`).waitFor({ state: 'visible', timeout: 30000 });
};

export const SHOTS: Shot[] = [
  { name: 'catalog', path: MARKETING, person: U.adele, ready: p => visible(p, `article[data-package-id="${ID.contributors}"]`), element: 'section[data-alias="AccessCatalog"]' },
  {
    name: 'catalog-cards', path: MARKETING, person: U.adele, ready: p => visible(p, 'article'), element: 'section[data-alias="AccessCatalog"]',
    act: async p => { await p.locator('section[data-alias="AccessCatalog"] [role="group"] button').nth(1).click(); }
  },
  {
    name: 'request-panel-errors', path: MARKETING, person: U.adele, ready: p => visible(p, `article[data-package-id="${ID.contributors}"]`),
    act: async p => {
      await p.locator(`article[data-package-id="${ID.contributors}"] button`).click();
      const submit = p.locator('.ms-Panel .ms-Button--primary').last();
      await submit.waitFor({ state: 'visible' });
      await submit.click();
      await p.getByRole('dialog').getByRole('alert').first().waitFor({ state: 'visible' });
    }
  },
  { name: 'button-and-myaccess', path: INTRANET, person: U.alex, ready: p => visible(p, 'section[data-alias="MyAccess"] [data-kind="active"]') },
  {
    name: 'myaccess-extend', path: INTRANET, person: U.alex, element: 'section[data-alias="MyAccess"]',
    ready: p => visible(p, 'section[data-alias="MyAccess"] [data-kind="active"]'),
    act: async p => {
      await p.locator('section[data-alias="MyAccess"] [data-package="Engineering Onboarding"] button').first().click();
    }
  },
  { name: 'approvals', path: APPROVALS, person: U.diego, ready: p => visible(p, 'li.accesshub-review') },
  { name: 'approvals-empty', path: APPROVALS, person: U.adele, ready: p => visible(p, '[data-component="AccessApprovals"] [role="status"]') },
  { name: 'banner-offer', path: MARKETING, person: U.adele, ready: banner('offer'), element: '#accesshub-top-placeholder' },
  {
    name: 'banner-pending', path: MARKETING, person: U.adele, ready: banner('pending'), element: '#accesshub-top-placeholder',
    setup: async wb => {
      // Adele asks for Campaign Contributors, as she would in My Access; Megan has not decided yet.
      const answer = (id: string, kind: string, value: string): unknown => ({
        '@odata.type': '#microsoft.graph.accessPackageAnswerString', value, displayValue: value,
        answeredQuestion: { '@odata.type': `#microsoft.graph.${kind}`, id }
      });
      const res = await graphAs(wb, U.adele, 'POST', 'identityGovernance/entitlementManagement/assignmentRequests', {
        requestType: 'userAdd', justification: 'Spring campaign',
        assignment: { accessPackageId: ID.contributors, assignmentPolicyId: ID.contributorsPolicy },
        answers: [answer(ID.campaignQ, 'accessPackageTextInputQuestion', 'Spring'), answer(ID.regionQ, 'accessPackageMultipleChoiceQuestion', 'emea')]
      });
      if (res.status !== 201) throw new Error(`the request was refused: ${res.status}`);
      await wb.tenant.settle();
    }
  },
  { name: 'banner-expiring', path: ENGINEERING, person: U.alex, ready: banner('expiring'), element: '#accesshub-top-placeholder' },
  // Teams (localTenant/workbench/teams.ts): the personal app's tabs and a team's tab, in each Teams theme.
  {
    name: 'teams-my-access', path: '/_teams/personal/my-access', person: U.alex, variants: TEAMS_VARIANTS,
    ready: p => visible(p, '[data-kind="active"][data-package="Engineering Onboarding"]')
  },
  { name: 'teams-request-access', path: '/_teams/personal/request-access', person: U.adele, variants: TEAMS_VARIANTS, ready: p => visible(p, 'article') },
  { name: 'teams-approvals', path: '/_teams/personal/approvals', person: U.diego, variants: TEAMS_VARIANTS, ready: p => visible(p, 'li.accesshub-review') },
  { name: 'teams-team-tab', path: '/_teams/tab/falcon', person: U.patti, variants: TEAMS_VARIANTS, ready: p => visible(p, 'article') },
  // The Viva Connections dashboard (localTenant/workbench/dashboard.ts): the AccessCard in both sizes, then its quick view.
  { name: 'card-approver', path: '/_dashboard', person: U.diego, variants: ['light', 'german'], ready: p => visible(p, '[data-testid="ace-medium"][data-kind="approvals"]') },
  {
    name: 'card-approver-quick-view', path: '/_dashboard', person: U.diego, variants: ['light', 'german'],
    ready: p => visible(p, '[data-testid="ace-medium"][data-kind="approvals"]'),
    act: async p => {
      await p.locator('[data-testid="ace-medium"] [role="button"]').first().click();
      await p.getByRole('dialog').first().waitFor({ state: 'visible' });
    }
  },
  { name: 'card-ending-soon', path: '/_dashboard', person: U.alex, variants: ['light'], ready: p => visible(p, '[data-testid="ace-medium"][data-kind]') }
];

function argValue(name: string): string | undefined {
  const arg = process.argv.find(a => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : undefined;
}

async function take(wb: RunningWorkbench, page: Page, shot: Shot, variant: Variant, outDir: string): Promise<string> {
  if (shot.setup) await shot.setup(wb);
  const url = wb.url + pageUrl(shot.path, shot.person, { query: { ...shot.query, ...variant.query } });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await shot.ready(page);
  if (shot.act) await shot.act(page);
  // Fluent fades content in: let finite animations end before the picture.
  await page.evaluate(() => Promise.race([
    Promise.all(document.getAnimations()
      .filter(a => { const t = a.effect && a.effect.getComputedTiming(); return !!t && t.iterations !== Infinity; })
      .map(a => a.finished.catch(() => undefined))),
    new Promise(resolve => setTimeout(resolve, 2000))
  ]));
  const file = path.join(outDir, `${shot.name}--${variant.name}.png`);
  if (shot.element) await page.locator(shot.element).first().screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: true });
  return file;
}

async function main(): Promise<void> {
  const outDir = path.resolve(REPO_ROOT, argValue('out') || 'screenshots');
  const only = argValue('only');
  const variantNames = (argValue('variants') || '').split(',').filter(Boolean);
  const variants = variantNames.length ? VARIANTS.filter(v => variantNames.includes(v.name)) : VARIANTS;
  const shots = SHOTS.filter(s => !only || s.name.includes(only));
  fs.mkdirSync(outDir, { recursive: true });
  const wb = await startWorkbench({});
  const browser = await chromium.launch(chromiumLaunchOptions());
  let failed = 0;
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
    // As in the browser tests: nothing off the workbench's origin.
    const origin = new URL(wb.url).origin;
    await context.route(u => u.origin !== origin && !/^(data|blob):/.test(u.protocol), r => r.abort());
    const page = await context.newPage();
    for (const shot of shots) {
      for (const variant of variants.filter(v => (shot.variants ? shot.variants.includes(v.name) : !v.teams))) {
        // Every shot starts from the fixture: an earlier one may have dismissed a banner or requested something.
        await fetch(`${wb.url}/_dev/reset`, { method: 'POST' });
        await page.evaluate(() => { try { localStorage.clear(); sessionStorage.clear(); } catch { /* about:blank */ } }).catch(() => undefined);
        try {
          const file = await take(wb, page, shot, variant, outDir);
          process.stdout.write(`  ${path.relative(REPO_ROOT, file)}\n`);
        } catch (e) {
          failed++;
          process.stderr.write(`  ${shot.name}--${variant.name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
        }
      }
    }
  } finally {
    await browser.close();
    await wb.stop();
  }
  process.stdout.write(`${shots.length} shots x ${variants.length} variants in ${path.relative(REPO_ROOT, outDir) || outDir}${failed ? `, ${failed} failed` : ''}\n`);
  if (failed) process.exitCode = 1;
}

if (require.main === module) {
  main().catch(e => {
    process.stderr.write(`${e instanceof Error ? e.stack || e.message : String(e)}\n`);
    process.exit(1);
  });
}
