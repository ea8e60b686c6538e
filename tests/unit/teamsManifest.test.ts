/**
 * Access Hub's own Teams app (teams/manifest.json, zipped by scripts/teams-app.js into the .sppkg): valid against the
 * Teams schema that @microsoft/app-manifest bundles, and what the schema cannot say: the ids of src/core/host/teamsApp.ts
 * and of the web parts' manifests, the tab URLs in the form SharePoint documents
 * (https://learn.microsoft.com/sharepoint/dev/spfx/deployment-spfx-teams-solutions), the web parts' supportedHosts,
 * the icons' sizes and the zip's layout.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { COMPONENT_IDS, TEAMS_APP_ID, TEAMS_TABS } from '../../src/core/host/teamsApp';
import { appFiles, buildZip, checkApp, iconProblems, pngHeader, schemaErrors, TEAMS_DIR, writeZip, ZIP_NAME } from '../../scripts/teams-app';

const ROOT = path.resolve(__dirname, '..', '..');

interface IStaticTab { entityId: string; name: string; contentUrl: string; scopes: string[] }
interface IConfigurableTab { configurationUrl: string; scopes: string[]; canUpdateConfiguration?: boolean }
interface ITeamsManifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  name: { short: string; full?: string };
  icons: { color: string; outline: string };
  staticTabs: IStaticTab[];
  configurableTabs: IConfigurableTab[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: Array<{ languageTag: string; file: string }> };
}
interface IWebPartManifest { id: string; alias: string; componentType: string; supportedHosts: string[] }

const readTeams = (name: string): string => fs.readFileSync(path.join(TEAMS_DIR, name), 'utf8');
const manifest = (): ITeamsManifest => JSON.parse(readTeams('manifest.json'));

/** The web parts' manifests (JSON with comments, as SPFx writes them), by alias. */
function webPartManifests(): Map<string, IWebPartManifest> {
  const byAlias = new Map<string, IWebPartManifest>();
  const webparts = path.join(ROOT, 'src', 'webparts');
  for (const folder of fs.readdirSync(webparts)) {
    const dir = path.join(webparts, folder);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of fs.readdirSync(dir).filter(n => n.endsWith('.manifest.json'))) {
      const errors: ParseError[] = [];
      const json = parseJsonc(fs.readFileSync(path.join(dir, file), 'utf8'), errors, { allowTrailingComma: true }) as IWebPartManifest;
      expect(errors).toEqual([]);
      byAlias.set(json.alias, json);
    }
  }
  return byAlias;
}

// The documented forms (deployment-spfx-teams-solutions above): {teamSiteDomain}, {teamSitePath} and {locale} are
// filled in by Teams; `dest` is URL-encoded, or the component may not load
// (https://learn.microsoft.com/sharepoint/dev/spfx/web-parts/guidance/creating-team-manifest-for-webpart).
const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PERSONAL_TAB_URL = new RegExp(`^https://\\{teamSiteDomain\\}/_layouts/15/TeamsLogon\\.aspx\\?SPFX=true&dest=/_layouts/15/teamshostedapp\\.aspx%3Fteams%26personal%26componentId=(${GUID})%26forceLocale=\\{locale\\}$`);
const TEAM_TAB_URL = new RegExp(`^https://\\{teamSiteDomain\\}\\{teamSitePath\\}/_layouts/15/TeamsLogon\\.aspx\\?SPFX=true&dest=\\{teamSitePath\\}/_layouts/15/teamshostedapp\\.aspx%3FopenPropertyPane=true%26teams%26componentId=(${GUID})%26forceLocale=\\{locale\\}$`);

/** The personal app: each static tab and the web part it shows. */
const PERSONAL_TABS: Array<[string, keyof typeof COMPONENT_IDS]> = [
  [TEAMS_TABS.requestAccess, 'AccessCatalog'],
  [TEAMS_TABS.myAccess, 'MyAccess'],
  [TEAMS_TABS.approvals, 'AccessApprovals']
];
/** The hosts the web parts handle (and the tests cover): SharePoint pages and these Teams tabs. */
const HANDLED_HOSTS = ['SharePointWebPart', 'TeamsPersonalApp', 'TeamsTab'];

describe('Teams app manifest: the schema', () => {
  it('validates against the Teams schema bundled in @microsoft/app-manifest', async () => {
    expect(await schemaErrors(manifest())).toEqual([]);
  });

  it('is refused by the same validation when it breaks the schema', async () => {
    const broken = manifest() as unknown as Record<string, unknown>;
    delete broken.icons;
    broken.name = { short: 'A name longer than the thirty characters Teams allows' };
    const errors = await schemaErrors(broken);
    expect(errors.some(e => /required.*icons|icons.*required/.test(e) || e.includes('"missingProperty":"icons"'))).toBe(true);
    expect(errors.some(e => e.startsWith('/name/short'))).toBe(true);
  });

  it('names a schema the package bundles (validation never fetches one), of version 1.13 or later as Outlook and the Microsoft 365 app need', async () => {
    const m = manifest();
    const version = /\/teams\/v(\d+)\.(\d+)\/MicrosoftTeams\.schema\.json$/.exec(m.$schema);
    expect(version).not.toBeNull();
    expect(`${version![1]}.${version![2]}`).toBe(m.manifestVersion);
    expect(Number(version![1]) * 1000 + Number(version![2])).toBeGreaterThanOrEqual(1013);
    expect(await schemaErrors({ ...m, $schema: 'https://example.com/MicrosoftTeams.schema.json' })).toEqual([expect.stringContaining('not a Teams schema bundled')]);
  });

  it('has each additional language valid against the Localization schema, translating every name the manifest shows', async () => {
    const m = manifest();
    expect(m.localizationInfo.defaultLanguageTag).toBe('en-us');
    expect(m.localizationInfo.additionalLanguages.map(l => l.languageTag).sort()).toEqual(['de-de', 'fr-fr']);
    const keys = ['name.short', 'name.full', 'description.short', 'description.full', ...m.staticTabs.map((t, i) => `staticTabs[${i}].name`)];
    for (const { file } of m.localizationInfo.additionalLanguages) {
      const strings = JSON.parse(readTeams(file)) as Record<string, string>;
      expect(await schemaErrors(strings)).toEqual([]);
      expect(Object.keys(strings).filter(k => k !== '$schema').sort()).toEqual([...keys].sort());
      expect(strings['staticTabs[1].name']).not.toBe(m.staticTabs[1].name);
    }
    const tooLong = { ...JSON.parse(readTeams('de-de.json')), 'staticTabs[0].name': 'x'.repeat(200) };
    expect(await schemaErrors(tooLong)).toEqual([expect.stringContaining('/staticTabs[0].name')]);
  });
});

describe('Teams app manifest: what the schema cannot check', () => {
  it('uses the app id and tab entity ids of src/core/host/teamsApp.ts (the deep links use them too)', () => {
    const m = manifest();
    expect(m.id).toBe(TEAMS_APP_ID);
    expect(m.staticTabs.map(t => t.entityId)).toEqual(PERSONAL_TABS.map(([entityId]) => entityId));
  });

  it('has the component ids of the web parts\' own manifests in src/core/host/teamsApp.ts', () => {
    const webParts = webPartManifests();
    expect([...webParts.keys()].sort()).toEqual(Object.keys(COMPONENT_IDS).sort());
    for (const [alias, id] of Object.entries(COMPONENT_IDS)) expect({ alias, id: webParts.get(alias)?.id }).toEqual({ alias, id });
  });

  it('opens each personal tab at the documented TeamsLogon.aspx → teamshostedapp.aspx URL of its web part', () => {
    const tabs = manifest().staticTabs;
    for (const [entityId, alias] of PERSONAL_TABS) {
      const tab = tabs.find(t => t.entityId === entityId)!;
      expect(tab.scopes).toEqual(['personal']);
      expect(tab.contentUrl).toMatch(PERSONAL_TAB_URL);
      expect({ entityId, componentId: PERSONAL_TAB_URL.exec(tab.contentUrl)![1] }).toEqual({ entityId, componentId: COMPONENT_IDS[alias] });
    }
  });

  it('offers the catalog as a team tab, at the documented URL on the team\'s own site, configurable in its property pane', () => {
    const tabs = manifest().configurableTabs;
    expect(tabs).toHaveLength(1);
    expect(tabs[0].scopes).toEqual(['team']);
    expect(tabs[0].canUpdateConfiguration).toBe(true);
    expect(tabs[0].configurationUrl).toMatch(TEAM_TAB_URL);
    expect(TEAM_TAB_URL.exec(tabs[0].configurationUrl)![1]).toBe(COMPONENT_IDS.AccessCatalog);
  });

  it('matches the web parts\' supportedHosts: a personal tab for each TeamsPersonalApp, a team tab for each TeamsTab, nothing else', () => {
    const m = manifest();
    const webParts = webPartManifests();
    const byId = new Map([...webParts.values()].map(w => [w.id, w]));
    const personal = m.staticTabs.map(t => byId.get(PERSONAL_TAB_URL.exec(t.contentUrl)?.[1] ?? '')?.alias);
    const team = m.configurableTabs.map(t => byId.get(TEAM_TAB_URL.exec(t.configurationUrl)?.[1] ?? '')?.alias);
    const hosting = (host: string): string[] => [...webParts.values()].filter(w => w.supportedHosts.includes(host)).map(w => w.alias);
    expect([...personal].sort()).toEqual(hosting('TeamsPersonalApp').sort());
    expect([...team].sort()).toEqual(hosting('TeamsTab').sort());
    for (const w of webParts.values()) {
      expect({ alias: w.alias, unhandled: w.supportedHosts.filter(h => !HANDLED_HOSTS.includes(h)) }).toEqual({ alias: w.alias, unhandled: [] });
      expect({ alias: w.alias, inSharePoint: w.supportedHosts.includes('SharePointWebPart') }).toEqual({ alias: w.alias, inSharePoint: true });
    }
  });

  it('signs in to SharePoint the way SPFx tabs do, on the documented domains', () => {
    const m = manifest();
    expect(m.webApplicationInfo).toEqual({ id: '00000003-0000-0ff1-ce00-000000000000', resource: 'https://{teamSiteDomain}' });
    expect(m.validDomains).toEqual(expect.arrayContaining(['*.login.microsoftonline.com', '*.sharepoint.com']));
  });

  it('carries the solution\'s version, so each new package updates the Teams app', () => {
    const solution = JSON.parse(fs.readFileSync(path.join(ROOT, 'config', 'package-solution.json'), 'utf8')).solution as { version: string };
    expect(manifest().version).toBe(solution.version.split('.').slice(0, 3).join('.'));
  });

  it('has a 192x192 colour icon and a 32x32 white-on-transparent outline icon', () => {
    const { icons } = manifest();
    const color = fs.readFileSync(path.join(TEAMS_DIR, icons.color));
    const outline = fs.readFileSync(path.join(TEAMS_DIR, icons.outline));
    expect([pngHeader(color).width, pngHeader(color).height]).toEqual([192, 192]);
    expect([pngHeader(outline).width, pngHeader(outline).height]).toEqual([32, 32]);
    expect(iconProblems(color, outline)).toEqual([]);
    // The checks refuse the icons swapped: wrong sizes, and a colour icon is not white on transparent.
    expect(iconProblems(outline, color)).toEqual([
      'color icon is 32x32, not 192x192',
      'outline icon is 192x192, not 32x32',
      expect.stringMatching(/^outline icon has \d+ pixels that are neither white nor transparent$/)
    ]);
  });
});

describe('Teams app package (TeamsSPFxApp.zip)', () => {
  it('holds the manifest and exactly the files it names, at the root of the zip', async () => {
    const zip = await JSZip.loadAsync(await buildZip());
    const names = Object.keys(zip.files);
    expect(names.sort()).toEqual([...appFiles(manifest())].sort());
    expect(names.sort()).toEqual(['color.png', 'de-de.json', 'fr-fr.json', 'manifest.json', 'outline.png']);
    expect(await zip.file('manifest.json')!.async('string')).toBe(readTeams('manifest.json'));
    expect(await zip.file('outline.png')!.async('nodebuffer')).toEqual(fs.readFileSync(path.join(TEAMS_DIR, 'outline.png')));
  });

  it('passes the package check that npm run package and scripts/check-sppkg.js apply', async () => {
    expect(await checkApp(await buildZip())).toEqual([]);
  });

  it('is refused when the folder was zipped instead of its contents, or a named file is missing', async () => {
    const good = await JSZip.loadAsync(await buildZip());
    const folder = new JSZip();
    for (const name of Object.keys(good.files)) folder.file(`teams/${name}`, await good.file(name)!.async('nodebuffer'));
    expect(await checkApp(await folder.generateAsync({ type: 'nodebuffer' }))).toEqual([
      expect.stringContaining('not at the root of the zip'),
      'no manifest.json at the root of the zip'
    ]);
    good.remove('fr-fr.json');
    expect(await checkApp(await good.generateAsync({ type: 'nodebuffer' }))).toEqual(['files the manifest names are missing: fr-fr.json']);
  });

  it('is not written when the manifest is invalid, so npm run package stops before package-solution', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-app-'));
    try {
      for (const name of appFiles(manifest())) fs.copyFileSync(path.join(TEAMS_DIR, name), path.join(dir, name));
      await expect(writeZip(dir)).resolves.toBe(path.join(dir, ZIP_NAME));
      fs.unlinkSync(path.join(dir, ZIP_NAME));
      fs.writeFileSync(path.join(dir, 'manifest.json'), readTeams('manifest.json').replace('"scopes": ["team"]', '"scopes": ["channel"]'));
      await expect(writeZip(dir)).rejects.toThrow(/manifest\.json: \/configurableTabs\/0\/scopes\/0 must be equal to one of the allowed values/);
      expect(fs.existsSync(path.join(dir, ZIP_NAME))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
