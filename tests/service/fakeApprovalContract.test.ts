import { LocalTenantHandle } from '../../localTenant';
import { IApprovalService } from '../../src/services/graph/GraphApprovalService';
import { isAppError } from '../../src/services/infrastructure/AppError';
import { FakeApprovalService } from '../component/fakes/FakeApprovalService';
import { approver, APPROVER_USERS, ApproverName, captureApprover, IApproverCapture, ISAIAH_STAGE1_JUSTIFICATION } from '../component/fakes/approvers';
import { approvalsFor, approveStage1AsIsaiah, captureApprovers } from '../component/fakes/generatePersonas';
import { PERSONA_NOW } from '../component/fakes/personas';
import { ID } from '../contoso';
import { startTenant } from './localTenantClient';

// AccessApprovals' fake must answer as GraphApprovalService does from the local tenant, for the same approver at the
// same time (approvers.json), and decide by the same rules: each scenario runs the same steps on both and compares
// what each step answered (nothing, or the error's kind, status, code and field) and the lists both end with.

describe('the AccessApprovals fake against GraphApprovalService (local tenant)', () => {
  let real: Record<ApproverName, IApproverCapture>;
  beforeAll(async () => { real = await captureApprovers(); });

  it('approvers.json is what the real service returns now (else: npx tsx tests/component/fakes/generatePersonas.ts)', () => {
    for (const name of Object.keys(APPROVER_USERS) as ApproverName[]) {
      expect({ name, ...approver(name) }).toEqual({ name, ...JSON.parse(JSON.stringify(real[name])) });
    }
  });

  it.each(Object.keys(APPROVER_USERS) as ApproverName[])('the fake for %s lists what the real service lists', async name => {
    const fromFake = await captureApprover(FakeApprovalService.forApprover(name));
    expect(JSON.parse(JSON.stringify(fromFake))).toEqual(JSON.parse(JSON.stringify(real[name])));
  });

  it('pins the fixture the component tests rely on', () => {
    expect(real.diego.pending.map(a => [a.id, a.requestor.displayName, a.justificationRequired])).toEqual([[ID.gradyFinanceRequest, 'Grady Archie', true]]);
    expect(real.isaiah.pending.map(a => [a.id, a.stageIndex, a.stages.length, a.justificationRequired])).toEqual([[ID.alexFalconRequest, 0, 2, false]]);
    expect(real.patti.pending).toEqual([]);
    expect(real.pattiStage2.pending[0]).toMatchObject({ id: ID.alexFalconRequest, stageIndex: 1, justificationRequired: true });
    expect(real.pattiStage2.pending[0].stages[0]).toMatchObject({ reviewResult: 'Approved', justification: ISAIAH_STAGE1_JUSTIFICATION });
    expect(real.diego.reviews.map(r => [r.principalName, r.recommendation])).toEqual([['Megan Bowen', 'Approve'], ['Lynne Robbins', 'Deny']]);
  });
});

type Step = (svc: IApprovalService, start: IApproverCapture) => Promise<unknown>;

const decide = (decision: 'Approve' | 'Deny', justification: string, index: number = 0): Step =>
  (svc, start) => svc.decide({ approvalId: start.pending[index].id, stageId: start.pending[index].stages[start.pending[index].stageIndex].id, decision, justification });
const review = (principal: string, decision: 'Approve' | 'Deny' | 'DontKnow', justification: string): Step =>
  (svc, start) => svc.recordReviewDecision(start.reviews.filter(r => r.principalName === principal)[0], decision, justification);

const SCENARIOS: Array<[string, ApproverName, Step[]]> = [
  ['diego approves Grady without the required justification, then with one', 'diego', [decide('Approve', ''), decide('Approve', 'Budget planning')]],
  ['diego denies Grady without a justification', 'diego', [decide('Deny', '')]],
  ['diego decides Grady twice: the second is a conflict', 'diego', [decide('Approve', 'Budget planning'), decide('Deny', 'Changed my mind')]],
  ['diego decides an approval that does not exist', 'diego',
    [svc => svc.decide({ approvalId: '00000000-1111-2222-3333-444444444444', stageId: '00000000-1111-2222-3333-555555555555', decision: 'Approve', justification: 'x' })]],
  ['diego decides Grady in a batch, with and without a justification', 'diego', [
    (svc, start) => svc.decideMany([{ approvalId: start.pending[0].id, stageId: start.pending[0].stages[0].id, decision: 'Approve', justification: '' }]),
    (svc, start) => svc.decideMany([{ approvalId: start.pending[0].id, stageId: start.pending[0].stages[0].id, decision: 'Approve', justification: 'Quarter start' }])]],
  ['isaiah approves stage 1 of Falcon without a justification: it leaves his list', 'isaiah', [decide('Approve', '')]],
  ['patti (stage 2) approves Falcon without the required justification, then with one', 'pattiStage2', [decide('Approve', ''), decide('Approve', 'Needed for Q1')]],
  ['diego approves Megan in the review without a justification, then with one; denies Lynne without one', 'diego',
    [review('Megan Bowen', 'Approve', ''), review('Megan Bowen', 'Approve', 'Still on the team'), review('Lynne Robbins', 'Deny', '')]],
  ['diego accepts the recommendations', 'diego', [(svc, start) => svc.acceptRecommendations(start.reviews[0].definitionId, start.reviews[0].instanceId)]]
];

function answerOf(value: unknown): unknown {
  if (Array.isArray(value)) {
    // decideMany: each row's own outcome
    return value.map((r: { approvalId: string; error?: unknown }) => ({ approvalId: r.approvalId, error: r.error === undefined ? null : answerOf(r.error) }));
  }
  if (isAppError(value)) return { errorKind: value.kind, status: value.status, code: value.code, field: value.field || null };
  return value === undefined ? null : value;
}

async function play(svc: IApprovalService, start: IApproverCapture, steps: Step[], settle: () => Promise<void>): Promise<unknown> {
  const answers: unknown[] = [];
  for (const step of steps) {
    try {
      answers.push({ value: answerOf(await step(svc, start)) });
    } catch (e) {
      if (!isAppError(e)) throw e;
      answers.push({ error: answerOf(e) });
    }
    await settle();
  }
  return JSON.parse(JSON.stringify({ answers, after: await captureApprover(svc) }));
}

describe('the AccessApprovals fake decides as the local tenant does', () => {
  let tenant: LocalTenantHandle;
  // Lenient as approvers.json's capture (generatePersonas.ts captureApprovers): a Graph that answers the options the
  // service tries.
  beforeAll(async () => { tenant = await startTenant({ now: () => new Date(PERSONA_NOW.getTime()), workflowDelayMs: 5, lenient: true }); });
  afterAll(async () => { await tenant.stop(); });

  it.each(SCENARIOS)('%s', async (_title, who, steps) => {
    await fetch(`${tenant.url}/_dev/reset`, { method: 'POST' });
    if (who === 'pattiStage2') await approveStage1AsIsaiah(tenant);
    const start = approver(who);
    const realSvc = approvalsFor(tenant, APPROVER_USERS[who]);
    const fromReal = await play(realSvc, start, steps, () => tenant.tenant.settle());
    const fromFake = await play(FakeApprovalService.forApprover(who), start, steps, async () => undefined);
    expect(fromFake).toEqual(fromReal);
  });
});
