/**
 * Regenerates personas.json, the component fake's data, from what the real service returns from the
 * local tenant at PERSONA_NOW: `npx tsx tests/component/fakes/generatePersonas.ts`.
 */
import * as fs from 'fs';
import { startLocalTenant } from '../../../localTenant';
import { servicesFor } from '../../service/localTenantClient';
import { capturePersona, IPersonaCapture } from './capture';
import { CAPTURED_PACKAGES, PERSONA_NOW, PERSONA_USERS, PERSONAS_FILE, PersonaName } from './personas';
import { APPROVER_USERS, APPROVERS_FILE, ApproverName, captureApprover, IApproverCapture, ISAIAH_STAGE1_JUSTIFICATION } from './approvers';
import { IApprovalService } from '../../../src/services/graph/GraphApprovalService';
import { LocalTenantHandle } from '../../../localTenant';
import { U } from '../../contoso';

export async function captureAll(): Promise<Record<PersonaName, IPersonaCapture>> {
  const tenant = await startLocalTenant({ port: 0, now: () => new Date(PERSONA_NOW.getTime()) });
  try {
    const out: Partial<Record<PersonaName, IPersonaCapture>> = {};
    for (const name of Object.keys(PERSONA_USERS) as PersonaName[]) {
      out[name] = await capturePersona(servicesFor(tenant, PERSONA_USERS[name]).entitlements, CAPTURED_PACKAGES);
    }
    return out as Record<PersonaName, IPersonaCapture>;
  } finally {
    await tenant.stop();
  }
}

/** The approval service the workbench builds for `user` (Graph calls as on the intranet site). */
export function approvalsFor(tenant: LocalTenantHandle, user: string): IApprovalService {
  const approvals = servicesFor(tenant, user, 'intranet').approvals;
  if (!approvals) throw new Error('createServices gave no approval service');
  return approvals;
}

/** Isaiah approves stage 1 of Alex's Falcon request, as `pattiStage2` is captured after. */
export async function approveStage1AsIsaiah(tenant: LocalTenantHandle): Promise<void> {
  const isaiah = approvalsFor(tenant, U.isaiah);
  const [falcon] = await isaiah.listPendingApprovals('en-us');
  await isaiah.decide({ approvalId: falcon.id, stageId: falcon.stages[0].id, decision: 'Approve', justification: ISAIAH_STAGE1_JUSTIFICATION });
  await tenant.tenant.settle();
}

/** What each approver reads from the local tenant at PERSONA_NOW (approvers.json). */
export async function captureApprovers(): Promise<Record<ApproverName, IApproverCapture>> {
  // Lenient: the fake answers as GraphApprovalService does when Graph answers the two undocumented options it tries
  // (the nested package $expand: what a request grants; $expand=insights: a recommendation's reason), so the
  // component tests see every part of AccessApprovals. A strict tenant refuses both (docs/graph-notes.md §17).
  const tenant = await startLocalTenant({ port: 0, now: () => new Date(PERSONA_NOW.getTime()), workflowDelayMs: 5, lenient: true });
  try {
    const out: Partial<Record<ApproverName, IApproverCapture>> = {};
    for (const name of Object.keys(APPROVER_USERS) as ApproverName[]) {
      if (name === 'pattiStage2') continue;
      out[name] = await captureApprover(approvalsFor(tenant, APPROVER_USERS[name]));
    }
    await approveStage1AsIsaiah(tenant);
    out.pattiStage2 = await captureApprover(approvalsFor(tenant, U.patti));
    return out as Record<ApproverName, IApproverCapture>;
  } finally {
    await tenant.stop();
  }
}

if (require.main === module) {
  Promise.all([captureAll(), captureApprovers()]).then(([all, approvers]) => {
    fs.writeFileSync(PERSONAS_FILE, JSON.stringify(all, null, 2) + '\n');
    fs.writeFileSync(APPROVERS_FILE, JSON.stringify(approvers, null, 2) + '\n');
    console.log(`wrote ${PERSONAS_FILE} and ${APPROVERS_FILE}`);
  }, (e: unknown) => { console.error(e); process.exit(1); });
}
