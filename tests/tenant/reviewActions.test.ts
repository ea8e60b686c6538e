/**
 * Reviewer actions Graph documents beyond PATCH on a decision: acceptRecommendations on an instance, and the stage
 * paths of multi-stage reviews (list and record decisions through `…/stages/{stageId}/decisions`).
 */
import * as fs from 'fs';
import { DEFAULT_FIXTURE_PATH } from '../../localTenant';
import { AR, ARR, expectEnvelope, ID, TestTenant, U } from './helpers';

const INSTANCE = `${AR}/definitions/${ID.review}/instances/${ID.reviewInstance}`;
const MINE = `${INSTANCE}/decisions/filterByCurrentUser(on='reviewer')`;

describe('acceptRecommendations', () => {
  let tt: TestTenant;
  beforeAll(async () => { tt = await TestTenant.start(); });
  afterAll(async () => { await tt.stop(); });
  beforeEach(async () => { await tt.reset(); });

  const decisionOf = async (principal: string): Promise<any> =>
    (await tt.as(U.diego, 'GET', MINE)).body.value.find((d: any) => d.principal.id === principal);

  test('records the recommendation of every unreviewed decision, as the caller, and answers 204 without a body', async () => {
    const r = await tt.as(U.diego, 'POST', `${INSTANCE}/acceptRecommendations`);
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect(await decisionOf(ID.megan)).toEqual(expect.objectContaining({ decision: 'Approve', reviewedBy: expect.objectContaining({ id: ID.diego }) }));
    expect(await decisionOf(ID.lynne)).toEqual(expect.objectContaining({ decision: 'Deny', reviewedBy: expect.objectContaining({ id: ID.diego }) }));
    // applied when the instance ends: Lynne's access goes, Megan's stays
    await tt.advance('P20D');
    expect(tt.tenant.db.assignments.find((a) => a.id === ID.lynneFinanceAssignment)?.state).not.toBe('delivered');
    expect(tt.tenant.db.assignments.find((a) => a.id === ID.meganFinanceAssignment)?.state).toBe('delivered');
  });

  test('leaves decisions already made alone', async () => {
    const lynne = await decisionOf(ID.lynne);
    expect((await tt.as(U.diego, 'PATCH', `${INSTANCE}/decisions/${lynne.id}`, { body: { decision: 'Approve', justification: 'Still needs it' } })).status).toBe(204);
    expect((await tt.as(U.diego, 'POST', `${INSTANCE}/acceptRecommendations`)).status).toBe(204);
    expect(await decisionOf(ID.lynne)).toEqual(expect.objectContaining({ decision: 'Approve', justification: 'Still needs it' }));
    expect((await decisionOf(ID.megan)).decision).toBe('Approve');
  });

  test('refuses a body, a non-reviewer, a read-only scope and an instance that has ended', async () => {
    expectEnvelope(await tt.as(U.diego, 'POST', `${INSTANCE}/acceptRecommendations`, { body: { decision: 'Approve' } }), 400);
    expectEnvelope(await tt.as(U.megan, 'POST', `${INSTANCE}/acceptRecommendations`), 403);
    expectEnvelope(await tt.as(U.diego, 'POST', `${INSTANCE}/acceptRecommendations`, { scopes: [ARR] }), 403);
    await tt.advance('P20D');
    expectEnvelope(await tt.as(U.diego, 'POST', `${INSTANCE}/acceptRecommendations`), 400, 'AccessHubEmulator.ReviewNotActive');
  });
});

describe('multi-stage reviews', () => {
  let tt: TestTenant;
  const STAGE1 = '0c0f4a55-6a5e-4a3e-9d2b-1d3a0b5f7a11';
  const STAGE2 = '6b7e2c1d-8f3a-4e5b-a6c7-2d4e6f8a0b22';
  let fixture: any;
  beforeAll(async () => {
    // A variant: the quarterly review's instance has two stages, Diego's in progress and Nestor's not started.
    fixture = JSON.parse(fs.readFileSync(DEFAULT_FIXTURE_PATH, 'utf8'));
    const inst = fixture.accessReviews[0].instances[0];
    inst.stages = [
      { id: STAGE1, startDateTime: inst.startDateTime, endDateTime: '2026-01-05T00:00:00Z', status: 'InProgress', reviewerIds: [ID.diego] },
      { id: STAGE2, startDateTime: '2026-01-05T00:00:00Z', endDateTime: inst.endDateTime, status: 'NotStarted', reviewerIds: [ID.nestor] }
    ];
    tt = await TestTenant.start({ fixture });
  });
  afterAll(async () => { await tt.stop(); });
  beforeEach(async () => { await tt.reset(); });

  test('lists the stages; inline with $expand=stages on the instance when lenient', async () => {
    const list = await tt.as(U.diego, 'GET', `${INSTANCE}/stages`);
    expect(list.status).toBe(200);
    expect(list.body.value.map((s: any) => [s.id, s.status])).toEqual([[STAGE1, 'InProgress'], [STAGE2, 'NotStarted']]);
    // Strict: the instances function documents only $top and $skip. Lenient on purpose for the rest: the emulator's
    // $expand=stages, for a Graph that accepts it.
    expect((await tt.as(U.diego, 'GET', `${AR}/definitions/${ID.review}/instances/filterByCurrentUser(on='reviewer')?$expand=stages`)).status).toBe(400);
    const lenient = await TestTenant.start({ fixture, lenient: true });
    try {
      const inst = await lenient.as(U.diego, 'GET', `${AR}/definitions/${ID.review}/instances/filterByCurrentUser(on='reviewer')?$expand=stages`);
      expect(inst.body.value[0].stages.map((s: any) => s.id)).toEqual([STAGE1, STAGE2]);
    } finally {
      await lenient.stop();
    }
  });

  test("a stage's reviewer lists and records decisions through the stage; the instance path is refused", async () => {
    const mine = await tt.as(U.diego, 'GET', `${INSTANCE}/stages/${STAGE1}/decisions/filterByCurrentUser(on='reviewer')`);
    expect(mine.status).toBe(200);
    expect(mine.body.value.map((d: any) => d.principal.id).sort()).toEqual([ID.megan, ID.lynne].sort());
    // not Nestor's stage: nothing for him there
    expect((await tt.as(U.nestor, 'GET', `${INSTANCE}/stages/${STAGE1}/decisions/filterByCurrentUser(on='reviewer')`)).body.value).toEqual([]);
    const megan = mine.body.value.find((d: any) => d.principal.id === ID.megan);
    expectEnvelope(await tt.as(U.diego, 'PATCH', `${INSTANCE}/decisions/${megan.id}`, { body: { decision: 'Approve', justification: 'ok' } }), 400, 'AccessHubEmulator.NotSupported');
    expect((await tt.as(U.diego, 'PATCH', `${INSTANCE}/stages/${STAGE1}/decisions/${megan.id}`, { body: { decision: 'Approve', justification: 'ok' } })).status).toBe(204);
    const after = (await tt.as(U.diego, 'GET', `${INSTANCE}/stages/${STAGE1}/decisions/filterByCurrentUser(on='reviewer')`)).body.value.find((d: any) => d.id === megan.id);
    expect(after).toEqual(expect.objectContaining({ decision: 'Approve', justification: 'ok' }));
    // the stage not started yet takes no decisions; a reviewer of another stage is refused
    expectEnvelope(await tt.as(U.nestor, 'PATCH', `${INSTANCE}/stages/${STAGE2}/decisions/${megan.id}`, { body: { decision: 'Deny' } }), 400, 'AccessHubEmulator.ReviewNotActive');
    expectEnvelope(await tt.as(U.nestor, 'PATCH', `${INSTANCE}/stages/${STAGE1}/decisions/${megan.id}`, { body: { decision: 'Deny' } }), 403);
    expectEnvelope(await tt.as(U.diego, 'GET', `${INSTANCE}/stages/unknown/decisions/filterByCurrentUser(on='reviewer')`), 404);
  });

  test("time moves the review on: stage 1 ends at its end date and stage 2's reviewer takes over", async () => {
    const megan = (await tt.as(U.diego, 'GET', `${INSTANCE}/stages/${STAGE1}/decisions/filterByCurrentUser(on='reviewer')`)).body.value
      .find((d: any) => d.principal.id === ID.megan);
    await tt.advance('P5D');
    const stages = (await tt.as(U.diego, 'GET', `${INSTANCE}/stages`)).body.value.map((s: any) => [s.id, s.status]);
    expect(stages).toEqual([[STAGE1, 'Completed'], [STAGE2, 'InProgress']]);
    expectEnvelope(await tt.as(U.diego, 'PATCH', `${INSTANCE}/stages/${STAGE1}/decisions/${megan.id}`, { body: { decision: 'Deny' } }), 400, 'AccessHubEmulator.ReviewNotActive');
    expect((await tt.as(U.nestor, 'PATCH', `${INSTANCE}/stages/${STAGE2}/decisions/${megan.id}`, { body: { decision: 'Approve', justification: 'Confirmed' } })).status).toBe(204);
  });

  test('each stage has its own decisions: stage 2 starts unreviewed, stage 1 keeps what Diego decided, the instance follows the latest', async () => {
    const stageItems = async (user: string, stage: string): Promise<any[]> =>
      (await tt.as(user, 'GET', `${INSTANCE}/stages/${stage}/decisions/filterByCurrentUser(on='reviewer')`)).body.value;
    const megan = (await stageItems(U.diego, STAGE1)).find((d: any) => d.principal.id === ID.megan);
    expect((await tt.as(U.diego, 'PATCH', `${INSTANCE}/stages/${STAGE1}/decisions/${megan.id}`, { body: { decision: 'Deny', justification: 'Left Finance' } })).status).toBe(204);
    expect((await tt.as(U.diego, 'GET', MINE)).body.value.find((d: any) => d.id === megan.id)).toEqual(expect.objectContaining({ decision: 'Deny' }));
    await tt.advance('P5D');
    // Nestor decides stage 2 afresh, with the same recommendation; stage 1 still shows Diego's decision.
    const nestorsMegan = (await stageItems(U.nestor, STAGE2)).find((d: any) => d.id === megan.id);
    expect(nestorsMegan).toEqual(expect.objectContaining({ decision: 'NotReviewed', recommendation: megan.recommendation, justification: '' }));
    expect((await stageItems(U.diego, STAGE1)).find((d: any) => d.id === megan.id)).toEqual(expect.objectContaining({ decision: 'Deny', justification: 'Left Finance' }));
    // acceptRecommendations on the instance reaches the stage in progress, for its reviewer only.
    expectEnvelope(await tt.as(U.diego, 'POST', `${INSTANCE}/acceptRecommendations`), 403);
    expect((await tt.as(U.nestor, 'POST', `${INSTANCE}/acceptRecommendations`)).status).toBe(204);
    const after = await stageItems(U.nestor, STAGE2);
    expect(after.map((d: any) => d.decision).sort()).toEqual(after.map((d: any) => d.recommendation).sort());
    expect((await stageItems(U.diego, STAGE1)).find((d: any) => d.id === megan.id).decision).toBe('Deny');
  });
});
