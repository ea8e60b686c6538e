import type { CustomExtensionCalloutInstance } from '@microsoft/microsoft-graph-types';
import { automatedStepOf } from '../../src/models/automatedStep';
import { verifiedIdPolicies } from '../../src/models/policy';
import { mapRequest } from '../../src/models/status';
import { AppError } from '../../src/services/infrastructure/AppError';
import { isCredentialError } from '../../src/components/requestPanel/VerifiedIdHandOff';

const CREATED = '2026-03-02T08:00:00Z';
const callout = (status: string): CustomExtensionCalloutInstance =>
  ({ id: 'c1', customExtensionId: 'x1', detail: null, externalCorrelationId: 'run', status } as CustomExtensionCalloutInstance);

describe('automatedStepOf (customExtensionCalloutInstances, docs/graph-notes.md §3.12)', () => {
  it('waiting while submitted: since the request was created', () => {
    expect(automatedStepOf([callout('waitingForCallback')], 'submitted', CREATED)).toEqual({ failed: false, since: CREATED });
  });
  it('waiting at a later stage: no start Graph shows, so no "since"', () => {
    expect(automatedStepOf([callout('callbackReceived'), callout('waitingForCallback')], 'pendingApproval', CREATED)).toEqual({ failed: false, since: undefined });
  });
  it('a failed or timed-out call is failed, also beside a waiting one', () => {
    expect(automatedStepOf([callout('calloutFailed')], 'submitted', CREATED)).toEqual({ failed: true });
    expect(automatedStepOf([callout('callbackTimedOut')], 'submitted', CREATED)).toEqual({ failed: true });
    expect(automatedStepOf([callout('waitingForCallback'), callout('callbackTimedOut')], 'pendingApproval', CREATED)).toEqual({ failed: true });
  });
  it('nothing to show: no callouts, launch and continue (calloutSent), answered, unknown members, closed requests', () => {
    expect(automatedStepOf(undefined, 'submitted', CREATED)).toBeUndefined();
    expect(automatedStepOf([], 'submitted', CREATED)).toBeUndefined();
    expect(automatedStepOf([null, callout('calloutSent')], 'submitted', CREATED)).toBeUndefined();
    expect(automatedStepOf([callout('callbackReceived')], 'pendingApproval', CREATED)).toBeUndefined();
    expect(automatedStepOf([callout('unknownFutureValue')], 'submitted', CREATED)).toBeUndefined();
    expect(automatedStepOf([callout('calloutFailed')], 'denied', CREATED)).toBeUndefined();
    expect(automatedStepOf([callout('waitingForCallback')], 'canceled', CREATED)).toBeUndefined();
  });
  it('mapRequest carries it', () => {
    const r = mapRequest({ id: 'r1', requestType: 'userAdd', state: 'submitted', status: 'WaitingForCallback', createdDateTime: CREATED,
      customExtensionCalloutInstances: [callout('waitingForCallback')] } as never);
    expect(r.automatedStep).toEqual({ failed: false, since: CREATED });
  });
});

describe('verifiedIdPolicies (beta getApplicablePolicyRequirements, §3.13)', () => {
  it('marks a policy with any credential status; null, missing or odd shapes are not marked', () => {
    expect(verifiedIdPolicies([
      { policyId: 'p1', verifiableCredentialRequirementStatus: { '@odata.type': '#microsoft.graph.verifiableCredentialRequired', url: 'openid-vc://x', expiryDateTime: CREATED } },
      { policyId: 'p2', verifiableCredentialRequirementStatus: null },
      { policyId: 'p3' },
      { policyId: 'p4', verifiableCredentialRequirementStatus: { '@odata.type': '#microsoft.graph.verifiableCredentialVerified' } },
      { verifiableCredentialRequirementStatus: {} },
      null,
      { policyId: 'p5', verifiableCredentialRequirementStatus: 'required' }
    ])).toEqual(['p1', 'p4']);
    expect(verifiedIdPolicies(undefined)).toEqual([]);
    expect(verifiedIdPolicies({ value: [] })).toEqual([]);
  });
});

describe('isCredentialError', () => {
  it('a 400 that names a credential is the hand-off; anything else is an ordinary error', () => {
    expect(isCredentialError(new AppError('validation', 400, 'AccessHubEmulator.VerifiableCredentialRequired', 'x'))).toBe(true);
    expect(isCredentialError(new AppError('validation', 400, 'BadRequest', 'A verifiable credential is required.'))).toBe(true);
    expect(isCredentialError(new AppError('validation', 400, 'AccessHubEmulator.JustificationRequired', 'A justification is required.'))).toBe(false);
    expect(isCredentialError(new AppError('forbidden', 403, 'Forbidden', 'credential'))).toBe(false);
    expect(isCredentialError(undefined)).toBe(false);
  });
});
