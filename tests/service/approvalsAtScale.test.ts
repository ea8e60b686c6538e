import { LocalTenantHandle } from '../../localTenant';
import { servicesFor, startTenant } from './localTenantClient';
import { APPROVAL_BATCH_SIZE, DECISION_BATCHES_IN_FLIGHT, IApprovalService } from '../../src/services/graph/GraphApprovalService';
import { U } from '../contoso';

function approvalsIn(tenant: LocalTenantHandle): IApprovalService {
  const s = servicesFor(tenant, U.diego, 'intranet');
  if (!s.approvals) throw new Error('no approval service');
  return s.approvals;
}

/** Runs `work` with fetch wrapped: every URL sent, and the most `$batch` requests waiting for an answer at once. */
async function watch<T>(work: () => Promise<T>): Promise<{ value: T; urls: string[]; batches: number; maxBatchesInFlight: number }> {
  const real = globalThis.fetch;
  const urls: string[] = [];
  let inFlight = 0;
  let maxBatchesInFlight = 0;
  let batches = 0;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' || input instanceof URL ? String(input) : input.url;
    urls.push(url);
    const batch = /\/\$batch$/.test(url.split('?')[0]);
    if (!batch) return real(input, init);
    batches++;
    maxBatchesInFlight = Math.max(maxBatchesInFlight, ++inFlight);
    try {
      return await real(input, init);
    } finally {
      inFlight--;
    }
  }) as typeof fetch;
  try {
    return { value: await work(), urls, batches, maxBatchesInFlight };
  } finally {
    globalThis.fetch = real;
  }
}

describe('an approver with more than 999 pending approvals', () => {
  // More than one of Graph's largest pages (999); the local tenant answers a query option given twice with Graph's 400.
  let big: LocalTenantHandle;
  beforeAll(async () => { big = await startTenant({ scale: 'approvals:1010,approver:diegos@contoso.com' }); });
  afterAll(async () => { await big.stop(); });

  it('loads every one of them, and no request names $top twice (Graph answers that with 400)', async () => {
    const { value: list, urls } = await watch(() => approvalsIn(big).listPendingApprovals('en-us'));
    expect(list.length).toBeGreaterThan(999);
    const twice = urls.filter(u => (decodeURIComponent(u).match(/[?&]\$top=/g) || []).length > 1);
    expect(twice).toEqual([]);
  });
});

describe('bulk decisions', () => {
  let many: LocalTenantHandle;
  beforeAll(async () => { many = await startTenant({ scale: 'approvals:300,approver:diegos@contoso.com' }); });
  afterAll(async () => { await many.stop(); });

  it(`decides 200 in $batch requests of ${APPROVAL_BATCH_SIZE}, at most ${DECISION_BATCHES_IN_FLIGHT} in flight, each row with its outcome`, async () => {
    const service = approvalsIn(many);
    const list = (await service.listPendingApprovals('en-us')).slice(0, 200);
    const inputs = list.map(a => ({ approvalId: a.id, stageId: a.stages[a.stageIndex].id, decision: 'Deny' as const, justification: 'bulk' }));
    const { value: results, batches, maxBatchesInFlight } = await watch(() => service.decideMany(inputs));
    expect(batches).toBe(200 / APPROVAL_BATCH_SIZE);
    expect(maxBatchesInFlight).toBeLessThanOrEqual(4); // a few at a time, as Graph's throttling guidance asks
    expect(maxBatchesInFlight).toBeLessThanOrEqual(DECISION_BATCHES_IN_FLIGHT);
    expect(maxBatchesInFlight).toBeGreaterThan(1); // bounded, not one after another
    expect(results.map(r => r.approvalId)).toEqual(inputs.map(i => i.approvalId));
    expect(results.filter(r => r.error)).toEqual([]);
  });
});
