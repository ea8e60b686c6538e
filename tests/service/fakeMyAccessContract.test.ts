import { LocalTenantHandle } from '../../localTenant';
import { IEntitlementService } from '../../src/services/IAccessHubServices';
import { isAppError } from '../../src/services/infrastructure/AppError';
import { IAccessRequest, IAssignment } from '../../src/core/model/types';
import { FakeEntitlementService } from '../component/fakes/FakeEntitlementService';
import { PERSONA_NOW, PERSONA_USERS, PersonaName, persona } from '../component/fakes/personas';
import { ID } from '../contoso';
import { servicesFor, startTenant } from './localTenantClient';

// The component fake's MyAccess write rules (extend, remove, cancel) must be the local tenant's: each scenario
// runs the same steps on the real service (fixture at PERSONA_NOW) and on FakeEntitlementService.forPersona, and
// compares what each step answered (the request, or the error's kind and code) and the state both end in.

type Step = (svc: IEntitlementService) => Promise<unknown>;

/** The captured row MyAccess would pass (the assignment as listMyAccessAssignments read it). */
function row(who: PersonaName, packageId: string): IAssignment {
  const found = persona(who).myAccessAssignments.find(a => a.accessPackageId === packageId);
  if (!found) throw new Error(`${who} has no ${packageId}`);
  return found;
}
const alexEngineering = row('alex', ID.engineering);
const adeleVisitors = row('adele', ID.visitors);
const jordanFalcon = row('jordan', ID.falcon);

const SCENARIOS: Array<[string, PersonaName, Step[]]> = [
  ['alex extends Engineering Onboarding (no approval): a year from now', 'alex', [s => s.requestUpdate(alexEngineering, {})]],
  ['alex extends twice: the first is delivered at once, so the second is accepted too', 'alex',
    [s => s.requestUpdate(alexEngineering, {}), s => s.requestUpdate(alexEngineering, {})]],
  ['alex removes Engineering Onboarding, then cannot extend it', 'alex',
    [s => s.requestRemove(alexEngineering), s => s.requestUpdate(alexEngineering, {})]],
  ['alex cancels his pending Falcon request, and cannot cancel it again', 'alex',
    [s => s.cancelRequest(ID.alexFalconRequest), s => s.cancelRequest(ID.alexFalconRequest)]],
  ['alex removes Engineering Onboarding while his Falcon request (another package) is pending', 'alex', [s => s.requestRemove(alexEngineering)]],
  ['adele cannot cancel a delivered request', 'adele', [s => s.cancelRequest('94546425-2df2-41b1-a837-6e225377625d')]],
  ['adele extends Marketing Site Visitors (no expiration)', 'adele', [s => s.requestUpdate(adeleVisitors, {})]],
  ['adele cannot extend an assignment that is not hers', 'adele', [s => s.requestUpdate(alexEngineering, {})]],
  ['jordan extends Falcon (approval required) with a reason: pending, and a second change is refused', 'jordan',
    [s => s.requestUpdate(jordanFalcon, { justification: 'Contract extended.' }), s => s.requestRemove(jordanFalcon)]],
  ['jordan extends Falcon without a reason', 'jordan', [s => s.requestUpdate(jordanFalcon, {})]]
];

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Every string of the captured persona: ids not among them are new (and differ between the two). */
function knownStrings(who: PersonaName): Set<string> {
  const known = new Set<string>();
  JSON.stringify(persona(who), (_k, v) => { if (typeof v === 'string') known.add(v); return v; });
  return known;
}

/** New request ids differ between the two; dates are compared as instants. */
function normalize(value: unknown, known: Set<string>): unknown {
  return JSON.parse(JSON.stringify(value), (key, v) => {
    if (typeof v === 'string' && ISO.test(v)) return new Date(v).toISOString();
    if ((key === 'id' || key === 'assignmentId') && typeof v === 'string' && !known.has(v)) return '<new>';
    return v;
  });
}

async function settled(svc: IEntitlementService): Promise<IAccessRequest[]> {
  for (let i = 0; i < 200; i++) {
    const requests = await svc.listMyAccessRequests();
    // A request held by a custom extension (Adele's Intranet Editors request) waits for an outside callback, not for time.
    if (!requests.some(r => (r.state === 'submitted' && !r.automatedStep) || r.state === 'delivering')) return requests;
    await new Promise(resolve => setTimeout(resolve, 10));
  }
  throw new Error('requests did not settle');
}

async function play(svc: IEntitlementService, steps: Step[], known: Set<string>): Promise<unknown> {
  const answers: unknown[] = [];
  for (const step of steps) {
    try {
      answers.push({ value: (await step(svc)) ?? null });
    } catch (e) {
      if (!isAppError(e)) throw e;
      answers.push({ errorKind: e.kind, code: e.code, status: e.status, field: e.field || null });
    }
    await settled(svc);
  }
  const requests = await settled(svc);
  const assignments = await svc.listMyAccessAssignments();
  // Sort by what does not depend on new ids, so both lists line up.
  const order = (x: { requestType?: string; id: string }, y: { requestType?: string; id: string }): number =>
    `${x.requestType}${known.has(x.id) ? x.id : ''}`.localeCompare(`${y.requestType}${known.has(y.id) ? y.id : ''}`);
  return normalize({ answers, assignments: assignments.sort(order), requests: requests.sort(order) }, known);
}

describe('the component fake\'s MyAccess writes against the local tenant', () => {
  let tenant: LocalTenantHandle;
  beforeAll(async () => { tenant = await startTenant({ now: () => new Date(PERSONA_NOW.getTime()) }); });
  afterAll(async () => { await tenant.stop(); });

  it.each(SCENARIOS)('%s', async (_title, who, steps) => {
    await fetch(`${tenant.url}/_dev/reset`, { method: 'POST' });
    const known = knownStrings(who);
    const real = await play(servicesFor(tenant, PERSONA_USERS[who]).entitlements, steps, known);
    const fake = FakeEntitlementService.forPersona(who);
    fake.now = () => new Date(PERSONA_NOW.getTime());
    const fromFake = await play(fake, steps, known);
    expect(fromFake).toEqual(real);
  });
});
