import * as React from 'react';
import { act, cleanup, render, screen, waitFor, within, fireEvent } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoot } from '../../src/components/AppRoot';
import { RequestPanel, IRequestPanelProps } from '../../src/components/requestPanel/RequestPanel';
import { IAccessHubServices } from '../../src/services/IAccessHubServices';
import { inProcessPatternWorker, IWorkerLog, silentPatternWorker } from './fakes/patternWorker';
import { AppError } from '../../src/services/infrastructure/AppError';
import { RetryStatus } from '../../src/services/infrastructure/RetryStatus';
import { FakeEntitlementService, FakeSiteAccessService, IFakeTenantState } from './fakes/FakeEntitlementService';
import {
  MEGAN, falconContosoPolicy, fabrikamPolicy,
  engineeringGrants, contractQuestion, MARKETING_ID, FALCON_ID, WAR_ROOM_ID, ENGINEERING_ID, BREAK_GLASS_ID, UNKNOWN_ID,
  CAMPAIGN_Q, CONTRACT_Q
} from './fakes/contosoData';
import { flushPromises } from './fakes/flush';

const NOW = new Date('2026-01-15T09:00:00Z');
const MY_ACCESS = 'https://myaccess.microsoft.com/@contoso.onmicrosoft.com';

function tenant(overrides: Partial<IFakeTenantState> = {}): FakeEntitlementService {
  return FakeEntitlementService.forPersona('adele', {
    grants: { [ENGINEERING_ID]: engineeringGrants },
    stagesByPolicy: {
      [falconContosoPolicy.policyId]: ['Manager', 'Project Falcon Lead'],
      [fabrikamPolicy.policyId]: ['Project Falcon Lead']
    },
    ...overrides
  });
}

interface IRendered {
  fake: FakeEntitlementService;
  onChanged: jest.Mock;
  onDismiss: jest.Mock;
  user: ReturnType<typeof userEvent.setup>;
}

function renderPanel(
  fake: FakeEntitlementService,
  props: Partial<IRequestPanelProps> = {},
  services: Partial<IAccessHubServices> = {}
): IRendered {
  const onChanged = jest.fn();
  const onDismiss = jest.fn();
  const all: IAccessHubServices = {
    entitlements: fake,
    site: new FakeSiteAccessService(),
    language: 'en-us',
    myAccessUrl: MY_ACCESS,
    now: () => NOW,
    pollIntervalMs: 10,
    ...services
  };
  const user = userEvent.setup();
  render(
    <AppRoot services={all}>
      <RequestPanel packageId={MARKETING_ID} isOpen onDismiss={onDismiss} onChanged={onChanged} {...props} />
    </AppRoot>
  );
  return { fake, onChanged, onDismiss, user };
}

/**
 * A click with what it set off at once rendered; what follows later (the fake's answer, the poller's reads) each
 * test waits for by what it shows (findBy…, waitFor).
 */
async function press(user: IRendered['user'], element: HTMLElement): Promise<void> {
  await act(async () => { await user.click(element); });
}

let onFakeClock = false;

/**
 * Tests of what the product does on a timer (the poller waits on setTimeout between reads, the busy note looks again
 * when its threshold passes) run on jest's clock: "it stopped" is checked over many poll intervals without waiting
 * for them. Promises and React's act stay real (doNotFake); findBy…/waitFor advance the clock while they wait
 * (Testing Library does so under fake timers). Returns user events that move the same clock.
 */
function startFakeClock(): IRendered['user'] {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  onFakeClock = true;
  return userEvent.setup({ advanceTimers: ms => jest.advanceTimersByTime(ms) });
}

afterEach(() => {
  if (!onFakeClock) return;
  onFakeClock = false;
  // React 17's scheduler queues its work on setTimeout here (jsdom has no MessageChannel): unmount, then run what is
  // still queued on jest's clock before going back to the real one. A scheduler left waiting for a fake timer never
  // runs again, and the file's later tests stall.
  cleanup();
  act(() => { jest.runAllTimers(); });
  jest.useRealTimers();
});

/** Runs the poller's next `intervals` polls (10 ms each here) on jest's clock, inside act. */
async function pollIntervals(intervals: number): Promise<void> {
  await act(async () => { await jest.advanceTimersByTimeAsync(intervals * 10); });
}

const submitButton = (): HTMLElement => screen.getByRole('button', { name: 'Submit request' });

async function fillJustification(user: IRendered['user'], text: string = 'Working on the spring campaign.'): Promise<void> {
  await user.type(screen.getByRole('textbox', { name: /Business justification/ }), text);
}

async function pickRegion(user: IRendered['user'], name: string): Promise<void> {
  await user.click(screen.getByRole('combobox', { name: /Region/ }));
  await user.click(await screen.findByRole('option', { name }));
}

describe('RequestPanel: loading and what the person already has', () => {
  it('says so for an id that is not a GUID, without calling the service', async () => {
    const { fake } = renderPanel(tenant(), { packageId: 'not-a-guid' });
    expect(await screen.findByText('"not-a-guid" is not a valid access package id.')).toBeInTheDocument();
    expect(fake.calls).toEqual([]);
  });

  it('says so for an unknown id', async () => {
    renderPanel(tenant(), { packageId: UNKNOWN_ID });
    expect(await screen.findByText('There is no access package with this id that you can request.')).toBeInTheDocument();
  });

  it('says there is nothing to request for a package Graph does not show her (Break-glass answers 404 by id)', async () => {
    renderPanel(tenant(), { packageId: BREAK_GLASS_ID });
    expect(await screen.findByText('There is no access package with this id that you can request.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit request' })).not.toBeInTheDocument();
  });

  it('says so when no policy lets the person request the package', async () => {
    // A package she can see whose policies no longer admit her: getRequirements answers an empty list.
    renderPanel(tenant({ requirements: {} }), { packageId: ENGINEERING_ID });
    expect(await screen.findByText(/You can't request this access package/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit request' })).not.toBeInTheDocument();
  });

  it('shows the name it was given while loading, then the package and its description', async () => {
    renderPanel(tenant(), { packageId: WAR_ROOM_ID, packageName: 'War room (from the button)' });
    expect(screen.getByText('War room (from the button)')).toBeInTheDocument();
    expect(await screen.findByText('Incident room for Project Falcon. Shared by link only.')).toBeInTheDocument();
    expect(screen.getByText('Falcon War Room')).toBeInTheDocument();
    // Graph's availableAccessPackage has no isHidden, so the panel cannot (and does not) claim the package is unlisted.
    expect(screen.queryByText('Not listed in the catalog')).not.toBeInTheDocument();
  });

  it('labels the close button and links to My Access in a new tab', async () => {
    renderPanel(tenant(), { packageId: FALCON_ID });
    await screen.findByText('Project Falcon Team');
    expect(screen.getByRole('button', { name: 'Close' })).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'Open in My Access' });
    expect(link).toHaveAttribute('href', `${MY_ACCESS}#/access-packages/${FALCON_ID}`);
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('shows an error bar with a retry and the correlation id when loading fails, and logs it once', async () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const fake = tenant();
      fake.failOnce('listMyRequests', new AppError('server', 500, 'InternalServerError', 'unavailable', undefined, undefined, 'rid-1'));
      const { user } = renderPanel(fake);
      expect(await screen.findByText('The service had a problem. Try again in a moment.')).toBeInTheDocument();
      expect(screen.getByText('Correlation id: rid-1')).toBeInTheDocument();
      const logged = log.mock.calls.map(c => String(c[0])).filter(m => m.indexOf('[AccessHub]') === 0);
      expect(logged).toEqual(['[AccessHub] server 500 InternalServerError: unavailable (correlation id rid-1)']);
      await press(user, screen.getByRole('button', { name: 'Try again' }));
      expect(await screen.findByRole('button', { name: 'Submit request' })).toBeInTheDocument();
    } finally {
      log.mockRestore();
    }
  });

  it('does not log what it expects (throttled), and says the service is busy', async () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const fake = tenant();
      fake.failOnce('listMyRequests', new AppError('throttled', 429, 'TooManyRequests', 'slow down'));
      renderPanel(fake);
      expect(await screen.findByText('The service is busy. Wait a moment and try again.')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
      expect(log.mock.calls.filter(c => String(c[0]).indexOf('[AccessHub]') === 0)).toEqual([]);
    } finally {
      log.mockRestore();
    }
  });

  it('says Microsoft 365 is busy once a read has waited more than two seconds, and not before', async () => {
    let now = 10000;
    const retryStatus = new RetryStatus(() => now);
    const fake = tenant();
    let release: () => void = () => undefined;
    const held = new Promise<void>(resolve => { release = resolve; });
    const listMyRequests = fake.listMyRequests.bind(fake);
    fake.listMyRequests = async () => { await held; return listMyRequests(); };
    renderPanel(fake, {}, { retryStatus });
    // Loading (its read held): the busy note listens to retryStatus.
    expect(await screen.findByLabelText('Loading…')).toHaveAttribute('aria-busy', 'true');
    // Not busy yet, the note looks again when the threshold passes, on a timer: run it on jest's clock.
    startFakeClock();
    let endWait: () => void = () => undefined;
    act(() => { endWait = retryStatus.begin(now - 1500); });
    await flushPromises();
    expect(screen.queryByText('Microsoft 365 is busy. Still trying…')).not.toBeInTheDocument();
    now += 600;
    act(() => { jest.advanceTimersByTime(600); });
    expect(screen.getByText('Microsoft 365 is busy. Still trying…')).toBeInTheDocument();
    act(() => endWait());
    expect(screen.queryByText('Microsoft 365 is busy. Still trying…')).not.toBeInTheDocument();
    release();
    expect(await screen.findByRole('button', { name: 'Submit request' })).toBeInTheDocument();
  });

  it('says the person already has access, until when, with links to what it grants', async () => {
    const fake = tenant({
      assignments: [{ id: 'a1', state: 'delivered', status: 'Delivered', accessPackageId: ENGINEERING_ID, endDateTime: '2026-12-31T00:00:00Z' }]
    });
    renderPanel(fake, { packageId: ENGINEERING_ID });
    expect(await screen.findByText('You already have this access until December 31, 2026.')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Open Engineering' })).toHaveAttribute('href', 'https://contoso.sharepoint.com/sites/engineering');
    expect(screen.queryByRole('button', { name: 'Submit request' })).not.toBeInTheDocument();
  });

  it('shows an open request with its stages and cancels it', async () => {
    const fake = tenant({
      requests: [{
        id: 'open-1', requestType: 'userAdd', state: 'pendingApproval', status: 'PendingApproval',
        createdDateTime: '2026-01-10T00:00:00Z', accessPackageId: FALCON_ID, answers: []
      }],
      approvals: {
        'open-1': {
          id: 'open-1',
          stages: [
            { id: 's1', displayName: 'Manager', status: 'Completed', reviewResult: 'Approved', assignedToMe: false },
            { id: 's2', displayName: 'Project Falcon Lead', status: 'InProgress', reviewResult: 'NotReviewed', assignedToMe: false }
          ]
        }
      }
    });
    const { user, onChanged } = renderPanel(fake, { packageId: FALCON_ID });
    expect(await screen.findByText('You already have a request for this access waiting.')).toBeInTheDocument();
    expect(screen.getByText('Requested on January 10, 2026.')).toBeInTheDocument();
    expect(await screen.findByText('Stage 1 of 2: Manager — approved')).toBeInTheDocument();
    expect(screen.getByText('Stage 2 of 2: Project Falcon Lead — waiting')).toBeInTheDocument();

    await press(user, screen.getByRole('button', { name: 'Cancel request' }));
    // It asks first; keeping the request does nothing.
    await press(user, await screen.findByRole('button', { name: 'Keep the request' }));
    expect(fake.cancelCalls).toEqual([]);
    await press(user, screen.getByRole('button', { name: 'Cancel request' }));
    await press(user, await screen.findByRole('button', { name: 'Yes, cancel it' }));
    expect(await screen.findByText('Request cancelled.')).toBeInTheDocument();
    expect(fake.cancelCalls).toEqual(['open-1']);
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('button', { name: 'Submit request' })).toBeInTheDocument();
  });

  it('says when the approval stages could not be read (busy) and reads them on "Try again"', async () => {
    const fake = tenant({
      requests: [{
        id: 'open-1', requestType: 'userAdd', state: 'pendingApproval', status: 'PendingApproval',
        createdDateTime: '2026-01-10T00:00:00Z', accessPackageId: FALCON_ID, answers: []
      }],
      approvals: {
        'open-1': { id: 'open-1', stages: [{ id: 's1', displayName: 'Manager', status: 'InProgress', reviewResult: 'NotReviewed', assignedToMe: false }] }
      }
    });
    fake.failOnce('getApproval', new AppError('throttled', 429, 'TooManyRequests', 'slow down', undefined, 1, 'rid-9'));
    const { user } = renderPanel(fake, { packageId: FALCON_ID });
    expect(await screen.findByText('The service is busy. Wait a moment and try again.')).toBeInTheDocument();
    expect(screen.getByText('Correlation id: rid-9')).toBeInTheDocument();
    expect(screen.queryByText('Stage 1 of 1: Manager — waiting')).not.toBeInTheDocument();
    await press(user, screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Stage 1 of 1: Manager — waiting')).toBeInTheDocument();
    expect(screen.queryByText('The service is busy. Wait a moment and try again.')).not.toBeInTheDocument();
  });
});

describe('RequestPanel: policies', () => {
  it('offers a choice, with who approves and how long access lasts, only when more than one policy applies', async () => {
    const fake = tenant({ requirements: { [FALCON_ID]: [falconContosoPolicy, fabrikamPolicy] } });
    const { user } = renderPanel(fake, { packageId: FALCON_ID });
    const group = await screen.findByRole('radiogroup', { name: /How do you want to request it/ });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(2);
    expect(screen.getByText('Approval: Your manager, then the project lead, approve.')).toBeInTheDocument();
    expect(screen.getByText('Access lasts: until May 25, 2027')).toBeInTheDocument();
    expect(screen.getByText('Access lasts: 30 days')).toBeInTheDocument();
    expect(screen.getAllByText('A business justification is required.')).toHaveLength(2);

    // No choice yet: submitting asks for one.
    await press(user, submitButton());
    expect(await screen.findByText('Choose how you want to request this access.')).toBeInTheDocument();
    expect(fake.submitCalls).toHaveLength(0);

    await user.click(screen.getByRole('radio', { name: 'Fabrikam partners' }));
    expect(screen.getByRole('textbox', { name: /Fabrikam contract number/ })).toBeInTheDocument();
  });

  it('shows the only policy without a chooser (a Fabrikam partner on Project Falcon)', async () => {
    renderPanel(tenant({ requirements: { [FALCON_ID]: [fabrikamPolicy] } }), { packageId: FALCON_ID });
    expect(await screen.findByText('Fabrikam partners')).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup')).not.toBeInTheDocument();
    expect(screen.getByText('Approval: For engineers of Fabrikam; your sponsor approves (the project lead when you have none).')).toBeInTheDocument();
    expect(screen.getByText('Access lasts: 30 days')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Fabrikam contract number/ })).toBeRequired();
  });

  it('keeps answers to the same question when the person switches policy', async () => {
    const other = { ...fabrikamPolicy, policyId: 'other-policy', displayName: 'Fabrikam contractors', questions: [contractQuestion] };
    const fake = tenant({ requirements: { [FALCON_ID]: [fabrikamPolicy, other] } });
    const { user } = renderPanel(fake, { packageId: FALCON_ID });
    await user.click(await screen.findByRole('radio', { name: 'Fabrikam partners' }));
    await user.type(screen.getByRole('textbox', { name: /Fabrikam contract number/ }), 'FAB-123456');
    await user.click(screen.getByRole('radio', { name: 'Fabrikam contractors' }));
    expect(screen.getByRole('textbox', { name: /Fabrikam contract number/ })).toHaveValue('FAB-123456');
  });

  it('offers dates only where the policy allows a custom schedule, with the latest end', async () => {
    renderPanel(tenant());
    expect(await screen.findByText('When do you need it?')).toBeInTheDocument();
    expect(screen.getByText('Start date')).toBeInTheDocument();
    expect(screen.getByText('Leave empty to start now for the full duration. Latest end: April 15, 2026.')).toBeInTheDocument();
  });

  it('shows no dates for a policy without a custom schedule', async () => {
    renderPanel(tenant(), { packageId: FALCON_ID });
    await screen.findByText('Contoso employees (two-stage approval)');
    expect(screen.queryByText('When do you need it?')).not.toBeInTheDocument();
  });
});

describe('RequestPanel: validation', () => {
  it('blocks submit while the justification and required answers are missing, with messages next to the fields', async () => {
    const { fake, user } = renderPanel(tenant());
    await screen.findByText('Employees (manager approval)');
    await press(user, submitButton());

    expect(await screen.findByText('Check the highlighted fields.')).toBeInTheDocument();
    const justification = screen.getByRole('textbox', { name: /Business justification/ });
    expect(justification).toBeRequired();
    expect(justification).toHaveAccessibleDescription(expect.stringContaining('Enter a business justification.'));
    expect(justification).toHaveFocus();
    const campaign = screen.getByRole('textbox', { name: /Which campaign will you work on/ });
    expect(campaign).toHaveAccessibleDescription('This answer is required.');
    expect(screen.getAllByText('This answer is required.')).toHaveLength(2);
    expect(fake.submitCalls).toHaveLength(0);
  });

  it('asks questions in their sequence and counts justification characters', async () => {
    const { user } = renderPanel(tenant());
    const campaign = await screen.findByRole('textbox', { name: /Which campaign/ });
    const region = screen.getByRole('combobox', { name: /Region/ });
    expect(campaign.compareDocumentPosition(region) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await fillJustification(user, 'Hello');
    expect(screen.getByText('5 of 1,000 characters')).toBeInTheDocument();
  });

  it('checks a text answer against its pattern on blur and accepts a matching one', async () => {
    const fake = tenant({ requirements: { [FALCON_ID]: [fabrikamPolicy] } });
    const { user, onChanged } = renderPanel(fake, { packageId: FALCON_ID }, { patternWorker: inProcessPatternWorker() });
    const contract = await screen.findByRole('textbox', { name: /Fabrikam contract number/ });
    await user.type(contract, '12345');
    await user.tab();
    const message = 'This answer doesn\'t have the expected format (^FAB-[0-9]{6}$).';
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(contract).toHaveAccessibleDescription(message);

    await user.clear(contract);
    await user.type(contract, 'FAB-123456');
    await waitFor(() => expect(screen.queryByText(message)).not.toBeInTheDocument());
    await fillJustification(user, 'Fabrikam engineer on the Falcon backend.');
    await press(user, submitButton());

    expect(await screen.findByText('Your request was sent and is waiting for approval.')).toBeInTheDocument();
    expect(fake.submitCalls).toHaveLength(1);
    expect(fake.submitCalls[0].draft.answers[CONTRACT_Q]).toEqual(['FAB-123456']);
    expect(fake.submitCalls[0].policy.policyId).toBe(fabrikamPolicy.policyId);
    expect(onChanged).toHaveBeenCalled();
  });

  it('a pattern the worker cannot finish within its budget leaves the answer unchecked: a note, and Graph judges', async () => {
    const log: IWorkerLog = { made: 0, terminated: 0 };
    const fake = tenant({ requirements: { [FALCON_ID]: [fabrikamPolicy] } });
    const { user } = renderPanel(fake, { packageId: FALCON_ID }, { patternWorker: silentPatternWorker(log) });
    const contract = await screen.findByRole('textbox', { name: /Fabrikam contract number/ });
    await user.type(contract, '12345');
    await user.tab();
    const note = 'The format of this answer couldn\'t be checked here; Microsoft Entra checks it when you send the request.';
    expect(await screen.findByText(note, {}, { timeout: 3000 })).toBeInTheDocument();
    expect(contract).toHaveAccessibleDescription(note);
    expect(screen.queryByText(/doesn't have the expected format/)).not.toBeInTheDocument();
    await fillJustification(user, 'Fabrikam engineer on the Falcon backend.');
    await press(user, submitButton());
    // Sent once, as typed; the stuck workers were stopped.
    await waitFor(() => expect(fake.submitCalls).toHaveLength(1));
    expect(fake.submitCalls[0].draft.answers[CONTRACT_Q]).toEqual(['12345']);
    expect(log.made).toBeGreaterThan(0);
    expect(log.terminated).toBe(log.made);
  });

  it('shows questions and choices in the page language (de-de)', async () => {
    const { user } = renderPanel(tenant(), {}, { language: 'de-de' });
    expect(await screen.findByRole('textbox', { name: /An welcher Kampagne arbeiten Sie mit\?/ })).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: /Region/ }));
    expect(await screen.findByRole('option', { name: 'Europa, Naher Osten und Afrika' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Asien-Pazifik' })).toBeInTheDocument();
  });
});

describe('RequestPanel: submitting', () => {
  it('submits exactly once on a double click or a repeated Enter, showing progress', async () => {
    const fake = tenant({ requirements: { [FALCON_ID]: [fabrikamPolicy] } });
    const release = fake.holdSubmits();
    const { user } = renderPanel(fake, { packageId: FALCON_ID });
    await user.type(await screen.findByRole('textbox', { name: /Fabrikam contract number/ }), 'FAB-654321');
    await fillJustification(user);

    const button = submitButton();
    const form = button.closest('form') as HTMLFormElement;
    await user.dblClick(button);
    fireEvent.submit(form);
    fireEvent.submit(form);
    // Disabled but still focusable (aria-disabled), so keyboard users keep their place.
    expect(await screen.findByRole('button', { name: 'Submitting…' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText('Submitting…', { selector: '.ms-Spinner-label, span' })).toBeInTheDocument();

    release();
    expect(await screen.findByText('Your request was sent and is waiting for approval.')).toBeInTheDocument();
    expect(fake.submitCalls).toHaveLength(1);
    expect(fake.state.requests.filter(r => r.accessPackageId === FALCON_ID)).toHaveLength(1);
  });

  it('shows the pending outcome with its approval stages and the manager who decides', async () => {
    const { fake, user, onChanged } = renderPanel(tenant(), { packageId: FALCON_ID });
    await screen.findByText('Contoso employees (two-stage approval)');
    await fillJustification(user, 'Joining Falcon as a backend engineer.');
    await press(user, submitButton());

    expect(await screen.findByText('Your request was sent and is waiting for approval.')).toBeInTheDocument();
    expect(await screen.findByText('Stage 1 of 2: Manager — waiting')).toBeInTheDocument();
    expect(screen.getByText('Stage 2 of 2: Project Falcon Lead — waiting')).toBeInTheDocument();
    expect(await screen.findByText(`Waiting for your manager (${MEGAN.displayName}).`)).toBeInTheDocument();
    expect(fake.submitCalls[0].draft.justification).toBe('Joining Falcon as a backend engineer.');
    expect(onChanged).toHaveBeenCalledTimes(1);
    // Announced to assistive tech.
    expect(screen.getByText('Your request was sent and is waiting for approval.').closest('[aria-live="polite"]')).not.toBeNull();
  });

  it('answers every Marketing question in English and sends the answers', async () => {
    const { fake, user } = renderPanel(tenant());
    await user.type(await screen.findByRole('textbox', { name: /Which campaign/ }), 'Spring launch');
    await pickRegion(user, 'Europe, Middle East and Africa');
    await fillJustification(user);
    await press(user, submitButton());
    expect(await screen.findByText('Your request was sent and is waiting for approval.')).toBeInTheDocument();
    expect(fake.submitCalls[0].draft.answers).toEqual({ [CAMPAIGN_Q]: ['Spring launch'], 'c412d053-cfbf-4ece-a699-36baf09ea765': ['emea'] });
    expect(fake.state.requests.filter(r => r.accessPackageId === MARKETING_ID)[0].answers.map(a => a.displayValue).sort()).toEqual(['Europe, Middle East and Africa', 'Spring launch']);
    // The approval can't be read here (no stages): the policy says the manager decides, and who that is.
    expect(await screen.findByText(`Waiting for your manager (${MEGAN.displayName}).`)).toBeInTheDocument();
    expect(screen.getByText('Approval: Any employee; your manager approves.')).toBeInTheDocument();
  });

  it('tells the person when delivery takes long, and keeps following', async () => {
    const fake = tenant();
    fake.deliverAfterReads = 1000;
    const { user } = renderPanel(fake, { packageId: ENGINEERING_ID });
    await screen.findByText('Engineers (no approval)');
    await press(user, submitButton());
    await waitFor(() => expect(fake.calls.filter(c => c === 'getRequest').length).toBeGreaterThan(0));
    const realNow = Date.now();
    jest.spyOn(Date, 'now').mockImplementation(() => realNow + 3 * 60 * 1000);
    expect(await screen.findByText(/This is taking longer than usual/)).toBeInTheDocument();
    expect(screen.getByText('Approved. Setting up your access…')).toBeInTheDocument();
    jest.restoreAllMocks();
  });

  it('follows a request without approval until delivered and links to the site', async () => {
    const user = startFakeClock();
    const { fake, onChanged } = renderPanel(tenant(), { packageId: ENGINEERING_ID });
    await screen.findByText('Engineers (no approval)');
    expect(screen.getByText('No approval needed: access is granted right away.')).toBeInTheDocument();
    await press(user, submitButton());

    expect(await screen.findByText('Approved. Setting up your access…')).toBeInTheDocument();
    expect(await screen.findByText('Done: you have access.')).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: 'Open Engineering' });
    expect(link).toHaveAttribute('href', 'https://contoso.sharepoint.com/sites/engineering');
    expect(fake.calls.filter(c => c === 'getRequest')).toHaveLength(2);
    expect(onChanged).toHaveBeenCalledTimes(2); // after submit and after delivery

    // Polling has stopped: ten more poll intervals, and no read.
    const reads = fake.calls.filter(c => c === 'getRequest').length;
    await pollIntervals(10);
    expect(fake.calls.filter(c => c === 'getRequest')).toHaveLength(reads);
  });

  it('stops polling when the panel closes', async () => {
    const fake = tenant();
    fake.deliverAfterReads = 1000;
    const services: IAccessHubServices = {
      entitlements: fake, site: new FakeSiteAccessService(), language: 'en-us', myAccessUrl: MY_ACCESS, now: () => NOW, pollIntervalMs: 10
    };
    const user = startFakeClock();
    const { rerender } = render(
      <AppRoot services={services}><RequestPanel packageId={ENGINEERING_ID} isOpen onDismiss={jest.fn()} onChanged={jest.fn()} /></AppRoot>
    );
    await screen.findByText('Engineers (no approval)');
    await press(user, submitButton());
    await waitFor(() => expect(fake.calls.filter(c => c === 'getRequest').length).toBeGreaterThan(1));
    rerender(<AppRoot services={services}><RequestPanel packageId={ENGINEERING_ID} isOpen={false} onDismiss={jest.fn()} onChanged={jest.fn()} /></AppRoot>);
    // A read already on its way lands; after it, ten more poll intervals and no read.
    await flushPromises();
    const reads = fake.calls.filter(c => c === 'getRequest').length;
    await pollIntervals(10);
    expect(fake.calls.filter(c => c === 'getRequest')).toHaveLength(reads);
  });

  it('switches to the status view when a request is already open', async () => {
    const fake = tenant({ requirements: { [FALCON_ID]: [fabrikamPolicy] } });
    const { user, onChanged } = renderPanel(fake, { packageId: FALCON_ID });
    await user.type(await screen.findByRole('textbox', { name: /Fabrikam contract number/ }), 'FAB-123456');
    await fillJustification(user);
    // Someone (another tab) submitted in the meantime.
    fake.state.requests.push({
      id: 'other-tab', requestType: 'userAdd', state: 'pendingApproval', status: 'PendingApproval', accessPackageId: FALCON_ID, answers: []
    });
    fake.failNextSubmit(new AppError('openRequestExists', 400, 'ExistingOpenRequest', 'open request'));
    await press(user, submitButton());

    // The service's message, then the status view it switches to.
    await waitFor(() => expect(screen.getAllByText('You already have a request for this access waiting.')).toHaveLength(2));
    expect(await screen.findByRole('button', { name: 'Cancel request' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit request' })).not.toBeInTheDocument();
    expect(onChanged).toHaveBeenCalled();
  });

  it('shows a validation error from the service next to the field it names and keeps what was typed', async () => {
    const fake = tenant();
    const { user } = renderPanel(fake);
    await user.type(await screen.findByRole('textbox', { name: /Which campaign/ }), 'Spring launch');
    await pickRegion(user, 'Americas');
    await fillJustification(user, 'Campaign work.');
    fake.failNextSubmit(new AppError('validation', 400, 'AnswerInvalid', `Answer to ${CAMPAIGN_Q} is not a known campaign.`, `question:${CAMPAIGN_Q}`));
    await press(user, submitButton());

    const campaign = screen.getByRole('textbox', { name: /Which campaign/ });
    const message = `The service did not accept the request: Answer to ${CAMPAIGN_Q} is not a known campaign.`;
    await waitFor(() => expect(campaign).toHaveAccessibleDescription(message));
    expect(campaign).toHaveFocus();
    expect(campaign).toHaveValue('Spring launch');
    expect(screen.getByRole('textbox', { name: /Business justification/ })).toHaveValue('Campaign work.');
    expect(screen.getByRole('combobox', { name: /Region/ })).toHaveTextContent('Americas');
    expect(submitButton()).toBeEnabled();

    // Editing the field clears the service's message; submitting again works.
    await user.type(campaign, ' 2026');
    expect(campaign).not.toHaveAccessibleDescription(message);
    await press(user, submitButton());
    expect(await screen.findByText('Your request was sent and is waiting for approval.')).toBeInTheDocument();
    expect(fake.submitCalls).toHaveLength(2);
  });

  it('shows other service errors at the top, as text, and keeps what was typed', async () => {
    const fake = tenant({ requirements: { [FALCON_ID]: [fabrikamPolicy] } });
    const { user } = renderPanel(fake, { packageId: FALCON_ID });
    await user.type(await screen.findByRole('textbox', { name: /Fabrikam contract number/ }), 'FAB-123456');
    await fillJustification(user, 'Needed for the <b>backend</b>.');
    fake.failNextSubmit(new AppError('notAllowed', 403, 'RequestorNotAllowed', '<img src=x onerror=alert(1)>'));
    await press(user, submitButton());

    expect(await screen.findByText('The policy you chose doesn\'t allow you to request this access.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Fabrikam contract number/ })).toHaveValue('FAB-123456');
    expect(screen.getByRole('textbox', { name: /Business justification/ })).toHaveValue('Needed for the <b>backend</b>.');
    expect(document.querySelector('img')).toBeNull();
  });
});
