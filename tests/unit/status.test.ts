import { packageStatus, mapAssignment, mapRequest, isActiveAssignment } from '../../src/models/status';
import { IAccessRequest, IAssignment } from '../../src/core/model/types';

const now = new Date('2026-03-01T00:00:00Z');
const req = (over: Partial<IAccessRequest>): IAccessRequest => ({
  id: 'r', requestType: 'userAdd', state: 'pendingApproval', status: 'PendingApproval', accessPackageId: 'p', answers: [], createdDateTime: '2026-02-20T00:00:00Z', ...over
});
const asg = (over: Partial<IAssignment>): IAssignment => ({ id: 'a', state: 'delivered', status: 'Delivered', accessPackageId: 'p', ...over });

describe('mapAssignment', () => {
  it('computes the end from start + duration and treats the doc\'s "null" string as null', () => {
    const a = mapAssignment({ id: 'a', state: 'delivered', status: 'Delivered', expiredDateTime: 'null', accessPackage: { id: 'p', displayName: 'P' },
      schedule: { startDateTime: '2026-01-01T00:00:00Z', expiration: { type: 'afterDuration', duration: 'P10D' } } });
    expect(a.endDateTime).toBe('2026-01-11T00:00:00.000Z');
    expect(a.expiredDateTime).toBeUndefined();
    expect(a.accessPackageName).toBe('P');
  });
});

describe('mapRequest', () => {
  it('maps answers and the package', () => {
    const r = mapRequest({ id: 'r', requestType: 'userAdd', state: 'pendingApproval', status: 'PendingApproval', accessPackage: { id: 'p', displayName: 'P' },
      answers: [{ value: 'emea', displayValue: 'EMEA', answeredQuestion: { '@odata.type': '#microsoft.graph.accessPackageMultipleChoiceQuestion', id: 'q' } }] });
    expect(r.accessPackageId).toBe('p');
    expect(r.answers).toEqual([{ questionId: 'q', questionKind: 'choice', value: 'emea', displayValue: 'EMEA' }]);
  });
});

describe('packageStatus', () => {
  it('is available with no history', () => {
    expect(packageStatus('p', [], [], now).kind).toBe('available');
  });
  it('is pending while a request waits for approval', () => {
    expect(packageStatus('p', [], [req({})], now).kind).toBe('pending');
  });
  it('is hasAccess with an active assignment, even with an open renewal', () => {
    const s = packageStatus('p', [asg({ endDateTime: '2026-04-01T00:00:00Z' })], [req({})], now);
    expect(s.kind).toBe('hasAccess');
  });
  it('is expired when the assignment ended', () => {
    expect(packageStatus('p', [asg({ state: 'expired', expiredDateTime: '2026-02-24T00:00:00Z' })], [], now).kind).toBe('expired');
    expect(isActiveAssignment(asg({ endDateTime: '2026-02-01T00:00:00Z' }), now)).toBe(false);
  });
  it('is denied when the latest request was denied', () => {
    expect(packageStatus('p', [], [req({ state: 'denied', status: 'Denied' })], now).kind).toBe('denied');
  });
  it('ignores other packages and removal requests', () => {
    expect(packageStatus('p', [], [req({ accessPackageId: 'q' }), req({ requestType: 'userRemove' })], now).kind).toBe('available');
  });
});
