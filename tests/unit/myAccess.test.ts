import type { AccessPackageAssignment } from '@microsoft/microsoft-graph-types';
import {
  answersToDraft, buildMyAccess, buildRemoveRequestBody, buildUpdateRequestBody, extendedEnd, IMyAssignment, IMyRequest,
  isEndingSoon, mapAssignmentPolicy, mapMyAssignment, mapMyRequest
} from '../../src/models/myAccess';
import { daysFromNow } from '../../src/core/model/time';

const NOW = new Date('2026-01-01T00:00:00Z');
const DAY = 86400000;

const policy = (over: Partial<NonNullable<IMyAssignment['policy']>> = {}): NonNullable<IMyAssignment['policy']> => ({
  id: 'p1', displayName: 'Employees', description: 'Your manager approves.', canExtend: true, canRemove: true, canRequest: true,
  allowCustomSchedule: false, isApprovalRequiredForUpdate: false, isJustificationRequired: false,
  expiration: { expirationType: 'afterDuration', duration: 'P365D' }, ...over
});

function assignment(id: string, name: string, endInDays: number | undefined, over: Partial<IMyAssignment> = {}): IMyAssignment {
  return {
    id, state: 'delivered', status: 'Delivered', accessPackageId: `pkg-${id}`, accessPackageName: name, packageDescription: '',
    startDateTime: '2025-01-01T00:00:00Z', endDateTime: endInDays === undefined ? undefined : new Date(NOW.getTime() + endInDays * DAY).toISOString(),
    policy: policy(), ...over
  };
}

function request(id: string, packageId: string, state: IMyRequest['state'], created: string, over: Partial<IMyRequest> = {}): IMyRequest {
  return { id, requestType: 'userAdd', state, status: state, createdDateTime: created, accessPackageId: packageId, accessPackageName: packageId, answers: [], ...over };
}

describe('mapMyAssignment (Graph accessPackageAssignment with accessPackage and assignmentPolicy expanded)', () => {
  const raw = {
    id: 'a1', state: 'delivered', status: 'Delivered',
    // The docs' example puts the string "null" here (docs/graph-notes.md §3.8).
    expiredDateTime: 'null' as unknown as string,
    schedule: { startDateTime: '2025-01-11T00:00:00Z', expiration: { type: 'afterDuration', duration: 'P365D', endDateTime: null } },
    accessPackage: { id: 'pkg', displayName: 'Engineering Onboarding', description: 'Engineering group', modifiedDateTime: '2025-07-01T00:00:00Z' },
    assignmentPolicy: {
      id: 'pol', displayName: 'Engineers', description: 'No approval', expiration: { type: 'afterDuration', duration: 'P365D' },
      requestorSettings: { enableTargetsToSelfUpdateAccess: true, enableTargetsToSelfRemoveAccess: false, enableTargetsToSelfAddAccess: true, allowCustomAssignmentSchedule: false },
      requestApprovalSettings: { isApprovalRequiredForUpdate: false, isRequestorJustificationRequired: true }
    }
  } as AccessPackageAssignment;

  it('maps the package, the end (start + duration) and what the policy allows', () => {
    const a = mapMyAssignment(raw);
    expect(a.accessPackageName).toBe('Engineering Onboarding');
    expect(a.packageDescription).toBe('Engineering group');
    expect(a.packageModified).toBe('2025-07-01T00:00:00Z');
    expect(a.expiredDateTime).toBeUndefined();
    expect(a.endDateTime).toBe('2026-01-11T00:00:00.000Z');
    expect(a.policy).toMatchObject({ id: 'pol', canExtend: true, canRemove: false, canRequest: true, isApprovalRequiredForUpdate: false });
    // Justification applies only to requests that need approval.
    expect(a.policy!.isJustificationRequired).toBe(false);
  });

  it('has no policy when Graph did not expand one, and maps a request’s policy through its assignment', () => {
    expect(mapMyAssignment({ ...raw, assignmentPolicy: null }).policy).toBeUndefined();
    expect(mapAssignmentPolicy({ id: '' })).toBeUndefined();
    const r = mapMyRequest({ id: 'r1', requestType: 'userAdd', state: 'pendingApproval', assignment: { id: 'a', assignmentPolicy: raw.assignmentPolicy } });
    expect(r.policy && r.policy.description).toBe('No approval');
    expect(mapMyRequest({ id: 'r2', state: 'denied' }).policy).toBeUndefined();
  });
});

describe('extend and remove bodies', () => {
  it('extends for the policy’s duration from now, or to its fixed end', () => {
    expect(extendedEnd(policy(), NOW)!.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(extendedEnd(policy({ expiration: { expirationType: 'afterDateTime', endDateTime: '2026-06-30T00:00:00Z' } }), NOW)!.toISOString())
      .toBe('2026-06-30T00:00:00.000Z');
    expect(extendedEnd(policy({ expiration: { expirationType: 'noExpiration' } }), NOW)).toBeUndefined();
  });

  it('a userUpdate names the assignment; a custom end and a justification go along only when given', () => {
    expect(buildUpdateRequestBody('a1', {})).toEqual({ requestType: 'userUpdate', assignment: { id: 'a1' } });
    expect(buildUpdateRequestBody('a1', { justification: '  still on the project ', endDateTime: '2026-03-01T00:00:00.000Z' })).toEqual({
      requestType: 'userUpdate', assignment: { id: 'a1' }, justification: 'still on the project',
      schedule: { expiration: { type: 'afterDateTime', endDateTime: '2026-03-01T00:00:00.000Z' } }
    });
    expect(buildRemoveRequestBody('a1')).toEqual({ requestType: 'userRemove', assignment: { id: 'a1' } });
  });
});

describe('ending soon', () => {
  it('counts access ending within the days given, not after and not already over', () => {
    const at = (days: number): IMyAssignment => assignment('x', 'X', days);
    expect(isEndingSoon(at(10), NOW, 14)).toBe(true);
    expect(isEndingSoon(at(14), NOW, 14)).toBe(true);
    expect(isEndingSoon(at(14.01), NOW, 14)).toBe(false);
    expect(isEndingSoon(at(10), NOW, 7)).toBe(false);
    expect(isEndingSoon(at(-1), NOW, 14)).toBe(false);
    expect(isEndingSoon(assignment('y', 'Y', undefined), NOW, 14)).toBe(false);
    expect(daysFromNow(at(9.2).endDateTime!, NOW)).toBe(10);
  });
});

describe('buildMyAccess', () => {
  it('sorts ending-soon access first (soonest first), then by name; pending and history newest first', () => {
    const assignments = [
      assignment('1', 'Alpha', 200), assignment('2', 'Zulu', 3), assignment('3', 'Beta', undefined), assignment('4', 'Mike', 12),
      assignment('5', 'Old', -5, { state: 'expired', expiredDateTime: '2025-12-27T00:00:00Z' })
    ];
    const requests = [
      request('r1', 'pkg-x', 'pendingApproval', '2025-12-30T00:00:00Z'),
      request('r2', 'pkg-y', 'denied', '2025-11-22T00:00:00Z', { completedDateTime: '2025-11-23T00:00:00Z' }),
      request('r3', 'pkg-z', 'canceled', '2025-12-01T00:00:00Z', { completedDateTime: '2025-12-02T00:00:00Z' })
    ];
    const model = buildMyAccess(assignments, requests, NOW, 14, 'en');
    expect(model.rows.filter(r => r.section === 'active').map(r => r.packageName)).toEqual(['Zulu', 'Mike', 'Alpha', 'Beta']);
    expect(model.rows.filter(r => r.section === 'active').map(r => r.endingSoon)).toEqual([true, true, false, false]);
    expect(model.rows.filter(r => r.section === 'history').map(r => r.key)).toEqual(['a:5', 'r:r3', 'r:r2']);
    expect(model.counts).toEqual({ active: 4, pending: 1, history: 3 });
  });

  it('offers request again for denied requests and expired access, with the earlier answers, unless something newer stands in the way', () => {
    const answers = [{ questionId: 'q1', questionKind: 'text' as const, value: 'Spring', displayValue: 'Spring' }];
    const expired = assignment('e', 'Finance', -5, { state: 'expired', expiredDateTime: '2025-12-27T00:00:00Z', accessPackageId: 'fin' });
    const delivered = request('d', 'fin', 'delivered', '2025-06-29T00:00:00Z', { justification: 'Month-end close', answers });
    const model = buildMyAccess([expired], [delivered], NOW, 14);
    const row = model.rows.find(r => r.key === 'a:e')!;
    expect(row.canRequestAgain).toBe(true);
    expect(row.previous).toEqual({ justification: 'Month-end close', answers });
    expect(model.rows.find(r => r.key === 'r:d')!.canRequestAgain).toBe(false);

    const denied = request('n', 'fin', 'denied', '2025-12-28T00:00:00Z', { justification: 'Again' });
    const open = request('o', 'fin', 'pendingApproval', '2025-12-31T00:00:00Z');
    const withOpen = buildMyAccess([expired], [delivered, denied, open], NOW, 14);
    expect(withOpen.rows.filter(r => r.canRequestAgain)).toHaveLength(0);
    const withoutOpen = buildMyAccess([expired], [delivered, denied], NOW, 14);
    // Only one row per package offers it: the latest, here the denial after the expiry, with its own justification.
    expect(withoutOpen.rows.filter(r => r.canRequestAgain).map(r => r.key)).toEqual(['r:n']);
    expect(withoutOpen.rows.find(r => r.key === 'r:n')!.previous).toEqual({ justification: 'Again', answers: [] });
    const deniedOnly = buildMyAccess([], [denied], NOW, 14);
    expect(deniedOnly.rows[0].previous).toEqual({ justification: 'Again', answers: [] });
    const notRequestable = buildMyAccess([{ ...expired, policy: policy({ canRequest: false }) }], [], NOW, 14);
    expect(notRequestable.rows[0].canRequestAgain).toBe(false);
  });

  it('puts a pending extension or removal on its active row instead of the pending list', () => {
    const a = assignment('a', 'Visitors', undefined);
    const removal = request('rm', a.accessPackageId, 'submitted', '2025-12-31T00:00:00Z', { requestType: 'userRemove', assignmentId: 'a' });
    const model = buildMyAccess([a], [removal], NOW, 14);
    expect(model.rows).toHaveLength(1);
    expect(model.rows[0].openChange && model.rows[0].openChange.id).toBe('rm');
    expect(model.counts.pending).toBe(0);
  });
});

describe('answersToDraft', () => {
  it('groups values by question, multiple choices included, and skips answers without a question', () => {
    expect(answersToDraft([
      { questionId: 'q1', questionKind: 'text', value: 'Spring', displayValue: 'Spring' },
      { questionId: 'q2', questionKind: 'choice', value: 'emea', displayValue: 'EMEA' },
      { questionId: 'q2', questionKind: 'choice', value: 'apac', displayValue: 'APAC' },
      { questionId: '', questionKind: 'text', value: 'lost', displayValue: 'lost' }
    ])).toEqual({ q1: ['Spring'], q2: ['emea', 'apac'] });
  });
});
