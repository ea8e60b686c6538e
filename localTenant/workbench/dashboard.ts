/**
 * The workbench's Viva Connections dashboard: `/_dashboard?as=<upn>` renders the AccessCard as a dashboard shows it,
 * in both sizes (medium and large), with the card's real logic and Microsoft's Adaptive Cards renderer. The page is
 * server-rendered chrome plus `#wb-config` (with `dashboard: true`); the workbench client (client/main.tsx) hands it
 * to client/dashboard.ts, the card host (localTenant/README.md, "The dashboard and its card host").
 */
import type * as http from 'http';
import * as ACData from 'adaptivecards-templating';
import { esc, jsonForScript, layout, PageAssets, suiteBar } from './pages';
import type { WorkbenchUser } from './tenantView';

export const DASHBOARD_PATH = '/_dashboard';

/**
 * Where the dashboard's client has a quick view's template bound to its data. The binding is Microsoft's
 * adaptivecards-templating, run here in Node: its expression engine's browser build (adaptive-expressions 4.23
 * lib/browser.js) fails in the browser (its bundled `assert` is not callable), so the client posts template and data
 * and renders what comes back with the Adaptive Cards renderer.
 */
export const EXPAND_PATH = '/_dashboard/expand';

const MAX_EXPAND_BYTES = 1024 * 1024;

/** `POST /_dashboard/expand {template, data}` → the expanded card (`ACData.Template(template).expand({$root: data})`). */
export async function serveExpand(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const reply = (status: number, body: unknown): void => {
    const text = JSON.stringify(body);
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(text);
  };
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    reply(405, { error: 'POST a JSON body {template, data}' });
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_EXPAND_BYTES) {
      reply(413, { error: 'too large' });
      return;
    }
    chunks.push(chunk as Buffer);
  }
  let body: { template?: unknown; data?: unknown };
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { template?: unknown; data?: unknown };
  } catch {
    reply(400, { error: 'not JSON' });
    return;
  }
  if (!body || typeof body.template !== 'object' || body.template === null) {
    reply(400, { error: 'no template' });
    return;
  }
  try {
    reply(200, { card: new ACData.Template(body.template).expand({ $root: body.data === undefined ? {} : body.data }) });
  } catch (e) {
    reply(422, { error: e instanceof Error ? e.message : String(e) });
  }
}

/** The dashboard's own styles: a Viva-like canvas of cards and the quick view's side panel. */
export const DASHBOARD_CSS = `
.wb-dashboard { padding-top: 24px; padding-bottom: 48px; }
.wb-dashboard h1 { font-size: 24px; font-weight: 600; margin: 0 0 4px; }
.wb-dashboard-grid { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; margin-top: 16px; }
.wb-ace-slot h2 { font-size: 12px; font-weight: 600; color: #605e5c; margin: 0 0 6px; text-transform: none; }
.wb-ace { background: #fff; border-radius: 8px; box-shadow: 0 1.6px 3.6px rgba(0,0,0,.13), 0 .3px .9px rgba(0,0,0,.11);
  min-height: 176px; overflow: hidden; display: flex; flex-direction: column; }
.wb-ace[data-size="Medium"] { width: 232px; }
.wb-ace[data-size="Large"] { width: 480px; }
.wb-ace .ac-adaptiveCard { height: 100%; }
.wb-ace .ac-adaptiveCard:focus { outline: none; }
.wb-ace [role="button"].ac-selectable:focus, .wb-ace [role="button"]:focus-visible { outline: 2px solid #0078d4; outline-offset: -2px; border-radius: 6px; }
.wb-ace [role="button"] { cursor: pointer; }
.ac-pushButton { font: inherit; font-size: 14px; font-weight: 600; min-height: 32px; padding: 0 16px; border-radius: 4px;
  border: 1px solid #8a8886; background: #fff; color: #323130; cursor: pointer; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ac-pushButton:hover { background: #f3f2f1; }
.ac-pushButton:focus-visible { outline: 2px solid #323130; outline-offset: 1px; }
.ac-pushButton.style-positive, .ac-pushButton.primary { background: #0f6cbd; border-color: #0f6cbd; color: #fff; }
.ac-pushButton.style-positive:hover, .ac-pushButton.primary:hover { background: #115ea3; }
.ac-pushButton:disabled, .ac-pushButton[aria-disabled="true"] { background: #f3f2f1; border-color: #e1dfdd; color: #605e5c; cursor: default; }
.ac-input.ac-textInput { font: inherit; font-size: 14px; border: 1px solid #8a8886; border-radius: 4px; padding: 6px 8px; width: 100%; }
.ac-input.ac-textInput:focus { outline: 2px solid #0f6cbd; outline-offset: -1px; }
.wb-quickview-backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.4); z-index: 200; }
.wb-quickview { position: fixed; top: 0; right: 0; bottom: 0; width: min(420px, 100vw); background: #fff; z-index: 201;
  box-shadow: -8px 0 24px rgba(0,0,0,.2); display: flex; flex-direction: column; }
.wb-quickview-header { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 12px 16px; border-bottom: 1px solid #edebe9; }
.wb-quickview-header h2 { font-size: 16px; font-weight: 600; margin: 0; }
.wb-quickview-close { font: inherit; font-size: 20px; line-height: 1; width: 32px; height: 32px; border: 0; background: transparent; border-radius: 4px; cursor: pointer; color: #323130; }
.wb-quickview-close:hover { background: #f3f2f1; }
.wb-quickview-close:focus-visible { outline: 2px solid #323130; }
.wb-quickview-body { overflow: auto; padding: 8px 16px 24px; flex: 1; }
`;

export interface DashboardModel {
  tenantName: string;
  user: WorkbenchUser;
  users: readonly WorkbenchUser[];
  language: string;
  query: URLSearchParams;
  /** The client configuration, serialized into `#wb-config` (WorkbenchClientConfig with `dashboard: true`). */
  config: unknown;
  assets: PageAssets;
  css: string;
  iconsBaseUrl: string;
}

/** The dashboard page: suite bar with the person switcher, the card in both sizes (slots the client fills). */
export function renderDashboard(m: DashboardModel): string {
  const slot = (size: 'Medium' | 'Large', label: string): string => `<section class="wb-ace-slot" aria-labelledby="wb-ace-${size}-label">
<h2 id="wb-ace-${size}-label" lang="en">${esc(label)}</h2>
<div class="wb-ace" data-size="${size}" data-testid="ace-${size.toLowerCase()}" aria-busy="true"></div>
</section>`;
  const body = `${suiteBar({ tenantName: m.tenantName, user: m.user, users: m.users, path: DASHBOARD_PATH, query: m.query })}
<main id="wb-main" class="wb-container wb-dashboard" lang="${esc(m.language)}">
<h1 lang="en">Dashboard</h1>
<p class="wb-muted" lang="en">Viva Connections dashboard: the AccessCard (an Adaptive Card Extension) as its card host renders it, medium and large. Select a card to open its quick view.</p>
<div class="wb-dashboard-grid">
${slot('Medium', 'Medium card')}
${slot('Large', 'Large card')}
</div>
</main>
<div id="wb-quickview-root"></div>
<script type="application/json" id="wb-config">${jsonForScript(m.config)}</script>
<script>window.__ACCESS_HUB_LOCALE__=${jsonForScript(m.language)};window.FabricConfig={fontBaseUrl:'',iconBaseUrl:${jsonForScript(m.iconsBaseUrl)}};</script>`;
  return layout({
    lang: m.language, title: `Dashboard - ${m.user.displayName}`, css: m.css + DASHBOARD_CSS, head: m.assets.head, body, scripts: m.assets.scripts
  });
}
