/**
 * The AccessCard's logic (AccessCardController, cardModel) against the local tenant, through the product's own
 * services (servicesFor builds them as the workbench does): which state a person's card shows, one round trip for
 * the card view, the cache between dashboard visits, and the quick view's actions (approve with the justification
 * the stage requires, a 409 when someone else decided, a failure that keeps what was typed, extend).
 */
import { LocalTenantHandle } from '../../localTenant';
import { readLog, servicesFor, startTenant } from './localTenantClient';
import { recordRequests, roundTrips } from './roundTrips';
import { AccessCardController, CARD_CACHE_PREFIX, endingSoonDaysOf } from '../../src/adaptiveCardExtensions/accessCard/logic/AccessCardController';
import { asText, ICardSnapshot, QUICK_VIEW_TEMPLATE } from '../../src/adaptiveCardExtensions/accessCard/logic/cardModel';
import { CARD_READS } from '../../src/services/graph/GraphCardService';
import { ID, U } from '../contoso';

let tenant: LocalTenantHandle;
beforeAll(async () => { tenant = await startTenant({ workflowDelayMs: 5 }); });
afterAll(async () => { await tenant.stop(); });
beforeEach(async () => {
  await fetch(`${tenant.url}/_dev/reset`, { method: 'POST' });
  await faults({});
});

function faults(body: unknown): Promise<Response> {
  return fetch(`${tenant.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** localStorage as a browser keeps it (strings by key). */
class MemoryStorage implements Storage {
  private readonly _items = new Map<string, string>();
  public get length(): number { return this._items.size; }
  public clear(): void { this._items.clear(); }
  public getItem(key: string): string | null { return this._items.has(key) ? this._items.get(key) as string : null; } // eslint-disable-line @rushstack/no-new-null
  public key(i: number): string | null { return Array.from(this._items.keys())[i] ?? null; } // eslint-disable-line @rushstack/no-new-null
  public removeItem(key: string): void { this._items.delete(key); }
  public setItem(key: string, value: string): void { this._items.set(key, String(value)); }
}

/** `noWait`: a throttled or failing read gives up at once instead of waiting out its retry budget (tests never wait). */
function controllerFor(upn: string, storage: Storage = new MemoryStorage(), noWait: boolean = false): { controller: AccessCardController; changes: number[]; storage: Storage } {
  const changes: number[] = [];
  const services = servicesFor(tenant, upn, 'intranet', 'en-us', tenant.url, noWait ? { budgetMs: 0 } : undefined);
  const controller = new AccessCardController({
    services, cacheKey: `contoso:${upn}`, storage, onChange: () => changes.push(changes.length)
  });
  return { controller, changes, storage };
}

const patches = async (): Promise<number> => (await readLog(tenant)).filter(l => l.method === 'PATCH').length;

describe('AccessCard: what the card shows', () => {
  it("Diego (approver): Grady's request, its automatic denial, in ONE round trip (one $batch of four reads)", async () => {
    const { controller } = controllerFor(U.diego);
    // The token is fetched outside the measurement (a dashboard has its token already).
    await servicesFor(tenant, U.diego, 'intranet').entitlements.getMe();
    const { spans } = await recordRequests(() => controller.start());
    expect(controller.kind).toBe('approvals');
    expect(controller.fromCache).toBe(false);
    const [grady] = controller.snapshot!.approvals!;
    expect(controller.snapshot!.approvals).toHaveLength(1);
    expect(grady).toEqual(expect.objectContaining({ id: ID.gradyFinanceRequest, requestorName: 'Grady Archie', packageName: 'Finance Reports (read)', deadlineKnown: true }));
    // The Finance policy's single stage denies P3D after the request.
    expect(Date.parse(grady.autoDenyAt!) - Date.parse(grady.createdDateTime!)).toBe(3 * 86400000);

    const graph = spans.filter(s => !/\/_dev\//.test(s.url));
    expect(graph).toHaveLength(1);
    expect(graph[0].url).toMatch(/\/v1\.0\/\$batch$/);
    expect(graph[0].batched!.map(r => r.replace(/^GET \//, ''))).toEqual(
      [CARD_READS.approvals, CARD_READS.approverRequests, CARD_READS.assignments, CARD_READS.requests].map(decodeURIComponent));
    expect(roundTrips(spans)).toBe(1);

    const medium = controller.cardView('Medium');
    expect(medium.cardBar).toEqual(expect.objectContaining({ componentName: 'cardBar', title: 'Your access' }));
    expect(medium.cardBar.title!.length).toBeGreaterThanOrEqual(10);
    expect(medium.cardBar.title!.length).toBeLessThanOrEqual(12);
    expect(medium.header.text).toBe('1 request');
    expect(medium.body.text).toMatch(/^Next automatic denial: \w+ \d+, \d{4}$/);
    // One button on a medium card, a second (My Access) only on a large one (designing-card.md).
    expect(Array.isArray(medium.footer)).toBe(false);
    expect(medium.footer).toEqual(expect.objectContaining({ title: 'Review', action: { type: 'QuickView', parameters: { view: 'ACCESS_CARD_QUICK_VIEW' } } }));
    const large = controller.cardView('Large');
    expect(large.body.text).toMatch(/^1 request waits for your decision\. Next automatic denial: /);
    expect((large.footer as Array<{ title: string }>).map(b => b.title)).toEqual(['Review', 'Open My Access']);
  });

  it("Isaiah: Alex's two-stage request counts; its deadline needs the current stage, which the card view's one read cannot know", async () => {
    const { controller } = controllerFor(U.isaiah);
    await controller.start();
    expect(controller.kind).toBe('approvals');
    expect(controller.snapshot!.approvals).toEqual([expect.objectContaining({ id: ID.alexFalconRequest, deadlineKnown: false, autoDenyAt: undefined })]);
    expect(controller.cardView('Medium').body.text).toBe('Waiting for your decision');
    // The quick view reads the stages (AccessApprovals' loader) and shows the stage's own rules.
    await controller.openQuickView();
    const [row] = controller.quickView().data.rows;
    expect(row.id).toBe(ID.alexFalconRequest);
    expect(row.inputLabel).toBe('Your justification');
  });

  it('Alex: access ending soon comes first (Engineering Onboarding, 10 days), with Extend', async () => {
    const { controller } = controllerFor(U.alex);
    await controller.start();
    expect(controller.kind).toBe('ending');
    expect(controller.snapshot!.ending.map(e => e.assignment.accessPackageId)).toEqual([ID.engineering]);
    // He also waits for Falcon, which the card keeps for when nothing ends soon.
    expect(controller.snapshot!.pending.map(r => r.accessPackageId)).toContain(ID.falcon);
    const card = controller.cardView('Medium');
    expect(card.header.text).toMatch(/^Ends in \d+ days$/);
    expect(card.body.text).toMatch(/^Engineering Onboarding: ends on /);
    expect(card.footer).toEqual(expect.objectContaining({ title: 'Extend' }));
  });

  it("the card's ending-soon threshold (its property): 5 days shows Alex's pending request, '30' from the property pane his ending access", async () => {
    const controller = new AccessCardController({ services: servicesFor(tenant, U.alex, 'intranet'), cacheKey: 'contoso:alex', endingSoonDays: 5 });
    await controller.start();
    expect(controller.kind).toBe('pending');
    await controller.setEndingSoonDays('30');
    expect(controller.kind).toBe('ending');
    expect(endingSoonDaysOf('abc')).toBe(14);
    expect(endingSoonDaysOf(0)).toBe(14);
  });

  it("Grady: his own pending request (he approves nothing and nothing of his ends soon)", async () => {
    const { controller } = controllerFor(U.grady);
    await controller.start();
    expect(controller.kind).toBe('pending');
    expect(controller.snapshot!.approvals).toEqual([]);
    expect(controller.snapshot!.pending.map(r => r.accessPackageId)).toEqual([ID.finance]);
    const card = controller.cardView('Medium');
    expect(card.header.text).toBe('1 pending');
    expect(card.body.text).toMatch(/^Finance Reports \(read\): waiting since /);
    await controller.openQuickView();
    const qv = controller.quickView().data;
    expect(qv.title).toBe('1 request of yours is pending');
    // Server text is escaped for the TextBlock's markdown: "(read)" stays text.
    expect(qv.rows.map(r => r.heading)).toEqual([asText('Finance Reports (read)')]);
  });

  it('once Grady is approved, his card and Diego\'s say nothing needs them', async () => {
    const approvals = servicesFor(tenant, U.diego, 'intranet').approvals!;
    const [grady] = await approvals.listPendingApprovals('en-us');
    await approvals.decide({ approvalId: grady.id, stageId: grady.stages[0].id, decision: 'Approve', justification: 'Budget' });
    await tenant.tenant.settle();
    const diego = controllerFor(U.diego).controller;
    await diego.start();
    expect(diego.kind).toBe('nothing');
    expect(diego.cardView('Medium').header.text).toBe('All clear');
    expect(diego.cardView('Medium').body.text).toBe('Nothing needs you right now.');
    await diego.openQuickView();
    expect(diego.quickView().data.status).toMatch(/^Nothing needs you right now:/);
  });

  it('a read that fails shows a localized error with Try again, and Try again reads', async () => {
    await faults({ errorRate: 1, path: '\\$batch' });
    const { controller } = controllerFor(U.diego, new MemoryStorage(), true);
    await controller.start();
    expect(controller.kind).toBe('error');
    const card = controller.cardView('Medium');
    expect(card.header.text).toBe('Not loaded');
    expect(card.body.text).not.toBe('');
    expect(card.footer).toEqual(expect.objectContaining({ title: 'Try again', action: expect.objectContaining({ type: 'Execute' }) }));
    await faults({});
    await controller.onAction({ type: 'Execute', verb: 'retry', data: { action: 'retry' } });
    expect(controller.kind).toBe('approvals');
  });
});

describe('AccessCard: kept between dashboard visits', () => {
  it('the next visit shows the kept card at once, then reads again (one round trip) and shows what changed', async () => {
    const storage = new MemoryStorage();
    const first = controllerFor(U.diego, storage).controller;
    await first.start();
    const key = `${CARD_CACHE_PREFIX}contoso:${U.diego}`;
    expect((JSON.parse(storage.getItem(key)!) as ICardSnapshot).approvals).toHaveLength(1);
    // Another person on the same browser has their own entry: nothing of Diego's shows on Grady's card.
    const grady = controllerFor(U.grady, storage).controller;
    await grady.start();
    expect(grady.kind).toBe('pending');

    // Meanwhile someone decided Grady's request.
    const approvals = servicesFor(tenant, U.diego, 'intranet').approvals!;
    const [req] = await approvals.listPendingApprovals('en-us');
    await approvals.decide({ approvalId: req.id, stageId: req.stages[0].id, decision: 'Deny', justification: 'Not this quarter' });

    const second = controllerFor(U.diego, storage).controller;
    let shownAtOnce: string | undefined;
    const { spans } = await recordRequests(() => second.start(() => { shownAtOnce = `${second.kind}:${second.fromCache}`; }));
    expect(shownAtOnce).toBe('approvals:true');
    expect(second.kind).toBe('nothing');
    expect(second.fromCache).toBe(false);
    expect(roundTrips(spans.filter(s => !/\/_dev\//.test(s.url)))).toBe(1);
    expect((JSON.parse(storage.getItem(key)!) as ICardSnapshot).approvals).toEqual([]);
  });

  it('a failed revalidation keeps the kept card (no error card)', async () => {
    const storage = new MemoryStorage();
    await controllerFor(U.diego, storage).controller.start();
    await faults({ errorRate: 1, path: '\\$batch' });
    const again = controllerFor(U.diego, storage, true).controller;
    await again.start();
    expect(again.kind).toBe('approvals');
    expect(again.fromCache).toBe(true);
    expect(again.error).toBeDefined();
  });
});

describe('AccessCard: the quick view', () => {
  async function diegoWithQuickView(): Promise<AccessCardController> {
    const { controller } = controllerFor(U.diego);
    await controller.start();
    await controller.openQuickView();
    return controller;
  }

  it("lists Grady's request with its reason and deadline, and binds every text as data (the template holds none)", async () => {
    const controller = await diegoWithQuickView();
    const { data, template } = controller.quickView();
    expect(template).toBe(QUICK_VIEW_TEMPLATE);
    expect(JSON.stringify(template)).not.toMatch(/Grady|Finance/);
    expect(data.title).toBe('1 request waits for your decision');
    const [row] = data.rows;
    expect(row.id).toBe(ID.gradyFinanceRequest);
    expect(row.heading).toBe(`Grady Archie requested ${asText('Finance Reports (read)')}`);
    expect(row.line).toBe(`Their reason: ${asText('Need the quarterly numbers to plan the platform budget.')}`);
    expect(row.deadline).toMatch(/^Denied automatically on /);
    expect(row.inputLabel).toBe('Your justification (required at this stage)');
    expect([row.primaryTitle, row.secondaryTitle]).toEqual(['Approve', 'Deny']);
  });

  it('refuses to send without the justification the stage requires, then approves with one: Grady is delivered', async () => {
    const controller = await diegoWithQuickView();
    const before = await patches();
    await controller.onAction({ type: 'Submit', data: { action: 'approve', id: ID.gradyFinanceRequest, [`justification_${ID.gradyFinanceRequest}`]: '  ' } });
    expect(await patches()).toBe(before);
    expect(controller.quickView().data.rows[0].rowError).toBe('This stage requires a justification from you.');

    await controller.onAction({ type: 'Submit', data: { action: 'approve', id: ID.gradyFinanceRequest, [`justification_${ID.gradyFinanceRequest}`]: 'Budget planning for Q1.' } });
    const data = controller.quickView().data;
    expect(data.rows).toEqual([]);
    expect(data.notices).toEqual([{ text: 'Approved: Grady Archie for Finance Reports (read).', style: 'good' }]);
    expect(controller.kind).toBe('nothing');
    await tenant.tenant.settle();
    const a = tenant.tenant.db.assignments.find(x => x.targetId === ID.grady && x.accessPackageId === ID.finance);
    expect(a && a.state).toBe('delivered');
    const decided = tenant.tenant.db.assignmentRequests.find(r => r.id === ID.gradyFinanceRequest);
    expect(decided && decided.approvalStages[0].justification).toBe('Budget planning for Q1.');
  });

  it('sends one decision however often Approve is pressed while it runs', async () => {
    const controller = await diegoWithQuickView();
    const before = await patches();
    const press = { type: 'Submit', data: { action: 'approve', id: ID.gradyFinanceRequest, [`justification_${ID.gradyFinanceRequest}`]: 'Budget' } };
    await Promise.all([controller.onAction(press), controller.onAction(press), controller.onAction({ ...press, data: { ...press.data, action: 'deny' } })]);
    expect(await patches()).toBe(before + 1);
    expect(controller.quickView().data.notices).toHaveLength(1);
  });

  it('a 409 (someone else decided first) says so and removes the row, without an error', async () => {
    const controller = await diegoWithQuickView();
    // Another approver session decides first.
    const other = servicesFor(tenant, U.diego, 'intranet').approvals!;
    const [req] = await other.listPendingApprovals('en-us');
    await other.decide({ approvalId: req.id, stageId: req.stages[0].id, decision: 'Approve', justification: 'From my phone' });
    await controller.onAction({ type: 'Submit', data: { action: 'deny', id: ID.gradyFinanceRequest, [`justification_${ID.gradyFinanceRequest}`]: 'Too late' } });
    const log = (await readLog(tenant)).filter(l => l.method === 'PATCH');
    expect(log[log.length - 1].status).toBe(409);
    const data = controller.quickView().data;
    expect(data.rows).toEqual([]);
    expect(data.notices).toEqual([{ text: "Someone else already decided Grady Archie's request for Finance Reports (read).", style: 'warning' }]);
    expect(controller.error).toBeUndefined();
  });

  it('a failed decision shows a localized error on its row and keeps what was typed (also in the other rows); sending again works', async () => {
    const controller = await diegoWithQuickView();
    await faults({ errorRate: 1, path: 'accessPackageAssignmentApprovals/.+/stages/' });
    const typed = 'Budget planning for Q1.';
    await controller.onAction({ type: 'Submit', data: { action: 'approve', id: ID.gradyFinanceRequest, [`justification_${ID.gradyFinanceRequest}`]: typed, justification_other: 'kept too' } });
    let row = controller.quickView().data.rows[0];
    expect(row.rowError).toMatch(/^Not sent: /);
    expect(row.rowError).not.toMatch(/undefined|\{0\}/);
    expect(row.draft).toBe(typed);
    expect(row.busy).toBe(false);
    expect(controller.quick.drafts.other).toBe('kept too');
    await faults({});
    // The next press carries the input's value again (the template bound it back as the input's value).
    await controller.onAction({ type: 'Submit', data: { action: 'approve', id: ID.gradyFinanceRequest, [`justification_${ID.gradyFinanceRequest}`]: row.draft } });
    row = controller.quickView().data.rows[0];
    expect(row).toBeUndefined();
    expect(controller.quickView().data.notices[0].text).toBe('Approved: Grady Archie for Finance Reports (read).');
  });

  it("Alex extends Engineering Onboarding from the quick view", async () => {
    const { controller } = controllerFor(U.alex);
    await controller.start();
    await controller.openQuickView();
    const [row] = controller.quickView().data.rows;
    expect(row.heading).toBe('Engineering Onboarding');
    expect(row.primaryTitle).toBe('Extend');
    const before = tenant.tenant.db.assignments.find(x => x.id === ID.alexEngineeringAssignment)!;
    const end = JSON.stringify(before.schedule);
    await controller.onAction({ type: 'Submit', data: { action: 'extend', id: ID.alexEngineeringAssignment, [`justification_${ID.alexEngineeringAssignment}`]: 'Still onboarding' } });
    const notice = controller.quickView().data.notices[0];
    expect(notice.style).toBe('good');
    expect(notice.text).toMatch(/^(Extended: Engineering Onboarding\.|Waiting for approval: your extension of Engineering Onboarding\.)$/);
    if (/^Extended/.test(notice.text)) {
      await tenant.tenant.settle();
      expect(JSON.stringify(tenant.tenant.db.assignments.find(x => x.id === ID.alexEngineeringAssignment)!.schedule)).not.toBe(end);
    }
  });
});

describe('asText', () => {
  it('escapes markdown so a justification cannot become a link or emphasis', () => {
    expect(asText('[click](https://evil.example) *now*')).toBe('\\[click\\]\\(https://evil\\.example\\) \\*now\\*');
    expect(asText('line 1\nline 2')).toBe('line 1 line 2');
  });
});
