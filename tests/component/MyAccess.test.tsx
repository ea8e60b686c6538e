import * as React from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoot } from '../../src/components/AppRoot';
import { IAccessHubServices } from '../../src/services/IAccessHubServices';
import { AppError } from '../../src/services/infrastructure/AppError';
import { setErrorSink } from '../../src/services/infrastructure/reportError';
import { MyAccessRoot, IMyAccessProperties } from '../../src/webparts/myAccess/components/MyAccessRoot';
import { IMyAssignment, IMyRequest } from '../../src/models/myAccess';
import { IAccessRequest } from '../../src/core/model/types';
import { FakeEntitlementService, FakeSiteAccessService } from './fakes/FakeEntitlementService';
import { engineeringGrants, MARKETING_ID, ENGINEERING_ID, CAMPAIGN_Q } from './fakes/contosoData';
import { persona, PERSONA_NOW } from './fakes/personas';
import { flushPromises } from './fakes/flush';
import { ID } from '../contoso';
import { graphfi, GraphBrowser } from '@pnp/graph';
import '@pnp/graph/batching';
import { GraphEntitlementService } from '../../src/services/graph/GraphEntitlementService';

const DAY = 86400000;

// Scenarios start from the local tenant's answers (personas.json, checked by tests/service/fakeContract.test.ts):
// Alex at PERSONA_NOW has Engineering Onboarding ending in 10 days and a pending Project Falcon request. Rows the
// fixture does not give one person are derived from captured rows, with the overrides spelled out.
const NOW = PERSONA_NOW;
const alex = persona('alex');
const adele = persona('adele');

function captured<T>(rows: T[], pick: (row: T) => boolean, what: string): T {
  const found = rows.filter(pick)[0];
  if (!found) throw new Error(`personas.json has no ${what}`);
  return found;
}

/** Alex's Engineering Onboarding as captured: ends in 10 days, extends without approval for a year. */
const engineering: IMyAssignment = captured(alex.myAccessAssignments, a => a.accessPackageId === ENGINEERING_ID, 'Engineering for alex');
/** Adele's Marketing Site Visitors as captured (no end date); in these scenarios Alex holds it as well. */
const visitors: IMyAssignment = captured(adele.myAccessAssignments, a => a.accessPackageId === ID.visitors, 'Visitors for adele');
/** Alex's pending two-stage Project Falcon request as captured. */
const falconRequest: IMyRequest = captured(alex.myAccessRequests, r => r.id === ID.alexFalconRequest, 'Falcon request for alex');
const adeleDenied: IMyRequest = captured(adele.myAccessRequests, r => r.state === 'denied', 'denied request for adele');

/**
 * Not in the fixture: Finance Reports held by the requester. Derived from Adele's denied Finance request (its real
 * policy, which cannot be extended) as if it had been delivered, with one override: the policy does not let the
 * person request it again either (the fixture's Finance policy would), for the "neither" message.
 */
const finance: IMyAssignment = {
  id: adeleDenied.assignmentId || '', state: 'delivered', status: 'Delivered', accessPackageId: ID.finance, accessPackageName: adeleDenied.accessPackageName,
  packageDescription: '', startDateTime: adeleDenied.completedDateTime, endDateTime: new Date(NOW.getTime() + 90 * DAY).toISOString(),
  policy: { ...adeleDenied.policy!, canExtend: false, canRequest: false, canRemove: false }
};

/**
 * Not in the fixture: a denied Marketing Campaign Contributors request with an answer. Derived from Adele's denied
 * request (its justification and dates) with the package and the campaign question's answer overridden.
 */
const deniedRequest: IMyRequest = {
  ...adeleDenied, accessPackageId: MARKETING_ID, accessPackageName: 'Marketing Campaign Contributors', policy: undefined,
  answers: [{ questionId: CAMPAIGN_Q, questionKind: 'text', value: 'Spring launch', displayValue: 'Spring launch' }]
};

/** Alex's other captured requests (the delivered Engineering request), kept so history is as the tenant shows it. */
const alexOtherRequests: IMyRequest[] = alex.myAccessRequests.filter(r => r.id !== falconRequest.id);

function tenant(assignments: IMyAssignment[] = [engineering, visitors, finance],
  requests: IAccessRequest[] = [falconRequest, deniedRequest, ...alexOtherRequests]): FakeEntitlementService {
  // Alex as the local tenant answers for him (personas.json); the test's scenario sets his rows.
  const fake = FakeEntitlementService.forPersona('alex', {
    // What packages grant is not captured (contosoData.ts follows the fixture by hand).
    grants: {
      [ENGINEERING_ID]: engineeringGrants,
      [ID.visitors]: [{ id: 'g-vis', kind: 'siteRole', originSystem: 'SharePointOnline', resourceName: 'Marketing', roleName: 'Visitors',
        resourceOriginId: 'https://contoso.sharepoint.com/sites/marketing', roleOriginId: '4', siteLevel: 'visitor', url: 'https://contoso.sharepoint.com/sites/marketing' }]
    },
    assignments: assignments.map(a => ({ ...a })),
    requests: requests.map(r => ({ ...r }))
  });
  fake.now = () => NOW;
  return fake;
}

function renderMyAccess(fake: FakeEntitlementService, properties: IMyAccessProperties = { title: 'My access' }): ReturnType<typeof userEvent.setup> {
  const services: IAccessHubServices = {
    entitlements: fake, site: new FakeSiteAccessService(), language: 'en-us',
    myAccessUrl: 'https://myaccess.microsoft.com/@contoso.onmicrosoft.com', now: () => NOW, pollIntervalMs: 5
  };
  render(<AppRoot services={services}><MyAccessRoot properties={properties} /></AppRoot>);
  return userEvent.setup();
}

/**
 * A click (or a double click) with what it set off at once rendered; what follows later (the fake's answer, the
 * poller's reads, the reload) each test waits for by what it shows (findBy…, waitFor).
 */
async function press(user: ReturnType<typeof userEvent.setup>, element: HTMLElement, double: boolean = false): Promise<void> {
  await act(async () => {
    if (double) await user.dblClick(element);
    else await user.click(element);
  });
}

async function findRow(name: string): Promise<HTMLElement> {
  await screen.findAllByText(name);
  return row(name);
}

function row(name: string, kind?: string): HTMLElement {
  const rows = Array.from(document.querySelectorAll<HTMLElement>(`[data-package="${name}"]`)).filter(r => !kind || r.getAttribute('data-kind') === kind);
  if (rows.length !== 1) throw new Error(`${rows.length} rows for ${name}`);
  return rows[0];
}

describe('MyAccess: active access', () => {
  it('shows Engineering Onboarding first, ending in 10 days, with its exact date, what it grants and Extend', async () => {
    renderMyAccess(tenant());
    await screen.findByText('Engineering Onboarding');
    const names = Array.from(document.querySelectorAll('[data-kind="active"]')).map(r => r.getAttribute('data-package'));
    expect(names).toEqual(['Engineering Onboarding', 'Finance Reports (read)', 'Marketing Site Visitors']);
    const eng = await findRow('Engineering Onboarding');
    expect(within(eng).getByText('Ends in 10 days')).toBeInTheDocument();
    expect(within(eng).getByText('Ending soon')).toBeInTheDocument();
    // The exact moment describes the date (Fluent's TooltipHost keeps it in a hidden element) and shows on hover.
    const when = eng.querySelector<HTMLElement>('[data-testid="ends"] [data-exact]')!;
    expect(when).toHaveAccessibleDescription(/December 6, 2026/);
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
    await act(async () => { await userEvent.hover(when); });
    expect((await screen.findByRole('tooltip')).textContent).toMatch(/December 6, 2026/);
    await act(async () => { await userEvent.unhover(when); });
    await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument());
    // Contents arrive after the rows (a second round trip).
    await waitFor(() => expect(row('Engineering Onboarding').textContent).toContain('Gives you: Engineering — Members, Engineering — Member'));
    expect(within(row('Engineering Onboarding')).getByRole('link', { name: 'Engineering — Members' }).getAttribute('href'))
      .toBe('https://contoso.sharepoint.com/sites/engineering');
    expect(within(row('Engineering Onboarding')).getByRole('button', { name: 'Extend' })).toBeInTheDocument();
    expect(within(row('Marketing Site Visitors')).getByText('No end date')).toBeInTheDocument();
    // Access without an end has nothing to extend or request again; it can still be removed.
    expect(within(row('Marketing Site Visitors')).queryByRole('button', { name: 'Extend' })).not.toBeInTheDocument();
    expect(within(row('Marketing Site Visitors')).queryByRole('button', { name: 'Request again' })).not.toBeInTheDocument();
    expect(within(row('Marketing Site Visitors')).queryByText(/can't be extended/)).not.toBeInTheDocument();
    expect(within(row('Marketing Site Visitors')).getByRole('button', { name: 'Remove my access' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: /Active/ }).textContent).toContain('3');
  });

  it('extends without approval: says so first, sends one request on a double click, then shows the new end', async () => {
    const fake = tenant();
    const user = renderMyAccess(fake);
    const eng = await findRow('Engineering Onboarding');
    await press(user, await within(eng).findByRole('button', { name: 'Extend' }));
    expect(within(eng).getByText('No approval needed. Your access will end on November 26, 2027.')).toBeInTheDocument();
    await press(user, within(eng).getByRole('button', { name: 'Extend now' }), true);
    // The outcome shows once the one request was followed to delivery; both clicks were handled long before.
    await waitFor(() => expect(within(row('Engineering Onboarding')).getByText('Extended. Your access now ends on November 26, 2027.')).toBeInTheDocument());
    await flushPromises();
    expect(fake.changeCalls).toEqual([{ type: 'userUpdate', assignmentId: engineering.id, options: { justification: '', endDateTime: undefined } }]);
  });

  it('says an extension needs approval, asks for the required reason, and then shows it waiting', async () => {
    // Not in the fixture: Engineering's policy extends without approval; override it to need approval and a reason.
    const approved = { ...engineering, policy: { ...engineering.policy!, isApprovalRequiredForUpdate: true, isJustificationRequired: true, description: 'Your manager approves.' } };
    const fake = tenant([approved], []);
    const user = renderMyAccess(fake);
    const eng = await findRow('Engineering Onboarding');
    await press(user, within(eng).getByRole('button', { name: 'Extend' }));
    expect(within(eng).getByText('Needs approval (Your manager approves.). If approved, your access will end on November 26, 2027.')).toBeInTheDocument();
    expect(within(eng).getByRole('button', { name: 'Extend now' })).toHaveAttribute('aria-disabled', 'true');
    await act(async () => { await user.type(within(eng).getByRole('textbox', { name: /Business justification/ }), 'Still on the platform team.'); });
    await press(user, within(eng).getByRole('button', { name: 'Extend now' }));
    // The row's notice (the request followed to "pending approval") and the reloaded row's open change.
    await waitFor(() => {
      const after = row('Engineering Onboarding');
      expect(within(after).getByText('Extension requested; waiting for approval.')).toBeInTheDocument();
      expect(within(after).getByText('Extension requested on November 26, 2026; waiting for approval.')).toBeInTheDocument();
    });
    expect(fake.changeCalls).toEqual([{ type: 'userUpdate', assignmentId: engineering.id, options: { justification: 'Still on the platform team.', endDateTime: undefined } }]);
    const after = row('Engineering Onboarding');
    expect(within(after).queryByRole('button', { name: 'Extend' })).not.toBeInTheDocument();
  });

  it('offers an end date within the policy’s bound where the policy allows custom schedules', async () => {
    // Not in the fixture: override Engineering's policy to allow custom schedules.
    const custom = { ...engineering, policy: { ...engineering.policy!, allowCustomSchedule: true } };
    const user = renderMyAccess(tenant([custom], []));
    const eng = await findRow('Engineering Onboarding');
    await press(user, within(eng).getByRole('button', { name: 'Extend' }));
    expect(within(eng).getByText('New end date')).toBeInTheDocument();
    expect(within(eng).getByText('At the latest November 26, 2027.')).toBeInTheDocument();
  });

  it('shows a refusal next to the row and keeps the form', async () => {
    const fake = tenant();
    fake.failOnce('requestUpdate', new AppError('notAllowed', 400, 'AccessHubEmulator.PolicyNotAllowed', 'No policy allows this request.'));
    const user = renderMyAccess(fake);
    const eng = await findRow('Engineering Onboarding');
    await press(user, await within(eng).findByRole('button', { name: 'Extend' }));
    await press(user, within(eng).getByRole('button', { name: 'Extend now' }));
    // The refusal shows, then the guard lets go of the row and the button is enabled again.
    await waitFor(() => {
      expect(within(eng).getByText("The policy you chose doesn't allow you to request this access.")).toBeInTheDocument();
      expect(within(eng).getByRole('button', { name: 'Extend now' })).toBeEnabled();
    });
    expect(fake.state.assignments.find(a => a.id === engineering.id)!.endDateTime).toBe(engineering.endDateTime);
  });

  it('where the policy allows neither extending nor requesting again, says so and links My Access', async () => {
    renderMyAccess(tenant());
    const fin = await findRow('Finance Reports (read)');
    await within(fin).findByText(/can't be extended or requested again here/);
    expect(within(fin).queryByRole('button', { name: 'Extend' })).not.toBeInTheDocument();
    expect(within(fin).getByRole('link', { name: 'Open in My Access' }).getAttribute('href')).toContain(ID.finance);
  });

  it('removes after a confirmation listing what goes, and follows the removal to its end', async () => {
    const fake = tenant();
    const user = renderMyAccess(fake);
    const vis = await findRow('Marketing Site Visitors');
    await press(user, await within(vis).findByRole('button', { name: 'Remove my access' }));
    const confirm = within(vis).getByRole('group', { name: 'Remove my access' });
    expect(within(confirm).getByText('Remove your access to Marketing Site Visitors? You will lose:')).toBeInTheDocument();
    expect(within(confirm).getByText('Marketing — Visitors')).toBeInTheDocument();
    expect(fake.changeCalls).toHaveLength(0);
    await press(user, within(confirm).getByRole('button', { name: 'Yes, remove it' }), true);
    // The removal followed to delivery, and the list read again: the row is ended access now.
    await waitFor(() => {
      expect(within(row('Marketing Site Visitors')).getByText('Your access has been removed.')).toBeInTheDocument();
      expect(row('Marketing Site Visitors').getAttribute('data-kind')).toBe('expired');
    });
    await flushPromises();
    expect(fake.changeCalls).toEqual([{ type: 'userRemove', assignmentId: visitors.id }]);
  });
});

describe('MyAccess: requests', () => {
  it('cancels a pending request after an inline confirmation, once on a double click; the row says canceled', async () => {
    const fake = tenant();
    const user = renderMyAccess(fake);
    await press(user, await screen.findByRole('tab', { name: /Pending/ }));
    const falcon = await findRow('Project Falcon Team');
    await press(user, within(falcon).getByRole('button', { name: 'Cancel request' }));
    await press(user, within(falcon).getByRole('button', { name: 'Yes, cancel it' }), true);
    // The notice, and the list read again after the cancel.
    await waitFor(() => {
      expect(within(row('Project Falcon Team')).getByText('Request canceled.')).toBeInTheDocument();
      expect(row('Project Falcon Team').querySelector('[data-state]')!.textContent).toContain('Canceled');
    });
    await flushPromises();
    expect(fake.cancelCalls).toEqual([falconRequest.id]);
  });

  it('a cancel after an approval elsewhere says what happened and shows the new state; nothing is retried', async () => {
    const fake = tenant();
    const user = renderMyAccess(fake);
    await press(user, await screen.findByRole('tab', { name: /Pending/ }));
    const falcon = await findRow('Project Falcon Team');
    await press(user, within(falcon).getByRole('button', { name: 'Cancel request' }));
    const held = fake.state.requests.find(r => r.id === falconRequest.id)!;
    held.state = 'delivered';
    held.status = 'Delivered';
    await press(user, within(falcon).getByRole('button', { name: 'Yes, cancel it' }));
    // The notice, and the list read again: the row shows what the request became.
    await waitFor(() => {
      expect(within(row('Project Falcon Team')).getByText(/could not be canceled: in the meantime it became "Delivered"/)).toBeInTheDocument();
      expect(row('Project Falcon Team').querySelector('[data-state]')!.getAttribute('data-state')).toBe('delivered');
    });
    // Whatever the row would still send from what is pending has been sent: still the one cancel.
    await flushPromises();
    expect(fake.cancelCalls).toHaveLength(1);
  });

  it('offers request again for a denied request and opens the request panel prefilled with the earlier answers', async () => {
    const user = renderMyAccess(tenant());
    await press(user, await screen.findByRole('tab', { name: /History/ }));
    const denied = await findRow('Marketing Campaign Contributors');
    expect(within(denied).getByText(/Denied/)).toBeInTheDocument();
    await press(user, within(denied).getByRole('button', { name: 'Request again' }));
    const panel = await screen.findByRole('dialog');
    expect(await within(panel).findByDisplayValue('Campaign budget tracking.')).toBeInTheDocument();
    expect(within(panel).getByDisplayValue('Spring launch')).toBeInTheDocument();
  });
});

describe('MyAccess: errors are handled by kind, none swallowed', () => {
  afterEach(() => setErrorSink(undefined));

  it('contents failing unexpectedly: the rows still show and act, and the error is logged once', async () => {
    const logged: Array<[string, string]> = [];
    setErrorSink((source, error) => { logged.push([source, error.code]); });
    const fake = tenant();
    fake.failOnce('getGrants', new AppError('server', 500, 'InternalServerError', 'Something broke.'));
    renderMyAccess(fake);
    const eng = await findRow('Engineering Onboarding');
    await waitFor(() => expect(logged).toEqual([['MyAccess.contents', 'InternalServerError']]));
    expect(eng.textContent).not.toContain('Gives you:');
    expect(within(eng).getByRole('button', { name: 'Extend' })).toBeInTheDocument();
  });

  it('contents refused as expected (403) are not logged', async () => {
    const logged: string[] = [];
    setErrorSink(source => { logged.push(source); });
    const fake = tenant();
    fake.failOnce('getGrants', new AppError('forbidden', 403, 'Authorization_RequestDenied', 'Insufficient privileges.'));
    renderMyAccess(fake);
    await findRow('Engineering Onboarding');
    // The rows are there, so the contents were asked for; let the refusal travel to where it would be logged.
    await waitFor(() => expect(fake.calls).toContain('getGrants'));
    await flushPromises();
    expect(logged).toEqual([]);
  });
});

describe('MyAccess: properties and scale', () => {
  it('shows only the sections asked for, and an empty state pointing to the catalog page', async () => {
    renderMyAccess(tenant([], []), { title: 'Mine', showHistory: false, catalogUrl: '/sites/intranet/SitePages/Catalog.aspx' });
    expect(await screen.findByText('You have no active access packages.')).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: /History/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Find access you can request' }).getAttribute('href')).toBe('/sites/intranet/SitePages/Catalog.aspx');
    expect(screen.getByRole('heading', { name: 'Mine' })).toBeInTheDocument();
  });

  it('ignores a catalog link that is not http(s) or site-relative, and counts ending soon with the configured days', async () => {
    renderMyAccess(tenant(), { catalogUrl: 'javascript:alert(1)', endingSoonDays: 5 });
    await screen.findByText('Engineering Onboarding');
    expect(screen.queryByText('Ending soon')).not.toBeInTheDocument();
  });

  it('renders only part of 300 rows at a time, with the full count', async () => {
    // Scale the fixture does not have: 300 copies of the captured Visitors row, ids and names overridden.
    const many: IMyAssignment[] = Array.from({ length: 300 }, (_, i) => ({
      ...visitors, id: `asg-${i}`, accessPackageId: `pkg-${i}`, accessPackageName: `Package ${String(i).padStart(3, '0')}`
    }));
    renderMyAccess(tenant(many, []));
    await screen.findByText('Package 000');
    expect(screen.getByText('300 items')).toBeInTheDocument();
    const rendered = document.querySelectorAll('[data-row]').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(300);
  });
});

/** A Response as PnPjs reads it (jsdom has no fetch): what a Graph answer needs. */
function graphAnswer(status: number, body: unknown): Response {
  const text = JSON.stringify(body);
  const res = {
    ok: status < 400, status, statusText: '', headers: new Headers({ 'Content-Type': 'application/json' }),
    text: async () => text, json: async () => JSON.parse(text), clone: () => res
  };
  return res as unknown as Response;
}

describe('MyAccess: one item Graph sent without what the product needs does not take the list down', () => {
  afterEach(() => setErrorSink(undefined));

  it('an assignment without its package and a request without its id are left out and logged once each; the rest shows', async () => {
    const schedule = { startDateTime: '2026-11-01T00:00:00Z', expiration: { type: 'noExpiration', endDateTime: null, duration: null } };
    const assignments = [
      // The expansion was refused or trimmed: no accessPackage, no accessPackageId.
      { id: 'a-bare', state: 'delivered', status: 'Delivered', expiredDateTime: null, schedule, accessPackage: null, assignmentPolicy: null },
      { id: 'a-visitors', state: 'delivered', status: 'Delivered', expiredDateTime: null, schedule,
        accessPackage: { id: ID.visitors, displayName: 'Marketing Site Visitors', description: 'Read the Marketing site.' }, assignmentPolicy: null }
    ];
    const requests = [
      { requestType: 'userAdd', state: 'pendingApproval', status: 'PendingApproval', createdDateTime: '2026-11-20T00:00:00Z', accessPackage: { id: 'p-x', displayName: 'X' } },
      { id: 'r-falcon', requestType: 'userAdd', state: 'pendingApproval', status: 'PendingApproval', createdDateTime: '2026-11-20T00:00:00Z',
        accessPackage: { id: ID.falcon, displayName: 'Project Falcon Team' }, assignment: { id: 'a-falcon', assignmentPolicy: null } }
    ];
    const graph = graphfi().using(GraphBrowser({ baseUrl: 'https://graph.test/v1.0' }), instance => {
      instance.on.send.replace(async (url: URL) => {
        const path = decodeURIComponent(url.toString());
        if (/assignments\/filterByCurrentUser/.test(path)) return graphAnswer(200, { value: assignments });
        if (/assignmentRequests\/filterByCurrentUser/.test(path)) return graphAnswer(200, { value: requests });
        return graphAnswer(404, { error: { code: 'NotFound', message: 'Not in this test.' } });
      });
      return instance;
    });
    const entitlements = new GraphEntitlementService(graph);
    // What the packages grant is not what this test is about.
    entitlements.getGrants = async () => new Map();
    const logged: Array<[string, string]> = [];
    setErrorSink((source, error) => { logged.push([source, error.code]); });
    const services: IAccessHubServices = {
      entitlements, site: new FakeSiteAccessService(), language: 'en-us',
      myAccessUrl: 'https://myaccess.microsoft.com/@contoso.onmicrosoft.com', now: () => NOW, pollIntervalMs: 5
    };
    render(<AppRoot services={services}><MyAccessRoot properties={{ title: 'My access' }} /></AppRoot>);
    expect(await findRow('Marketing Site Visitors')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: /Pending/ }).textContent).toContain('1');
    expect(screen.getByRole('tab', { name: /Active/ }).textContent).toContain('1');
    expect(document.querySelectorAll('[data-row]')).toHaveLength(1);
    expect(logged.filter(([, code]) => code === 'GraphShape').sort()).toEqual([
      ['EntitlementService.myAccessAssignments', 'GraphShape'], ['EntitlementService.myAccessRequests', 'GraphShape']
    ]);
  });
});
