import { daysFromNow, daysLeft, earliestFirst, latestFirst, timeOf } from '../../src/core/model/time';
import { IPendingApproval, sortApprovals } from '../../src/models/approvals';
import { packageStatus } from '../../src/models/status';
import { IAccessRequest, IAssignment } from '../../src/core/model/types';

// The same instants written as Graph may write them: other offsets, other precision.
const EIGHT_UTC = '2026-01-10T08:00:00Z';
const NINE_UTC = '2026-01-10T09:00:00.0000000Z';
const TEN_PLUS_TWO = '2026-01-10T10:00:00+02:00'; // 08:00 UTC
const SEVEN_THIRTY_UTC_AS_PLUS_TWO = '2026-01-10T09:30:00.000+02:00'; // 07:30 UTC

describe('timestamps are compared as times, not strings', () => {
  it('orders instants whatever their offset or precision', () => {
    expect(timeOf(TEN_PLUS_TWO)).toBe(timeOf(EIGHT_UTC));
    expect([NINE_UTC, TEN_PLUS_TWO, SEVEN_THIRTY_UTC_AS_PLUS_TWO, undefined].sort(earliestFirst))
      .toEqual([SEVEN_THIRTY_UTC_AS_PLUS_TWO, TEN_PLUS_TWO, NINE_UTC, undefined]);
    expect([SEVEN_THIRTY_UTC_AS_PLUS_TWO, undefined, NINE_UTC, TEN_PLUS_TWO].sort(latestFirst))
      .toEqual([NINE_UTC, TEN_PLUS_TWO, SEVEN_THIRTY_UTC_AS_PLUS_TWO, undefined]);
  });

  it('AccessApprovals: oldest first and most urgent first by the instant, not the text', () => {
    const row = (id: string, createdDateTime: string, autoDenyAt?: string): IPendingApproval => ({ id, createdDateTime, autoDenyAt } as IPendingApproval);
    const list = [row('nine', NINE_UTC, NINE_UTC), row('seven-thirty', SEVEN_THIRTY_UTC_AS_PLUS_TWO), row('eight', TEN_PLUS_TWO, SEVEN_THIRTY_UTC_AS_PLUS_TWO)];
    expect(sortApprovals(list, 'oldest').map(a => a.id)).toEqual(['seven-thirty', 'eight', 'nine']);
    // Soonest automatic denial first; no deadline last.
    expect(sortApprovals(list, 'urgent').map(a => a.id)).toEqual(['eight', 'nine', 'seven-thirty']);
  });

  it('a denial after the access ended is the status, though its text sorts before the end written with an offset', () => {
    const expired: IAssignment = { id: 'a', state: 'expired', status: 'Expired', accessPackageId: 'p', expiredDateTime: TEN_PLUS_TWO };
    const denied: IAccessRequest = { id: 'r', requestType: 'userAdd', state: 'denied', status: 'Denied', accessPackageId: 'p', createdDateTime: NINE_UTC, answers: [] };
    expect(packageStatus('p', [expired], [denied], new Date('2026-02-01T00:00:00Z')).kind).toBe('denied');
    const deniedBefore: IAccessRequest = { ...denied, createdDateTime: SEVEN_THIRTY_UTC_AS_PLUS_TWO };
    expect(packageStatus('p', [expired], [deniedBefore], new Date('2026-02-01T00:00:00Z')).kind).toBe('expired');
  });
});

describe('two kinds of "days until", two names', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  it('daysLeft: a deadline counts down in whole days rounded up and stops at 0', () => {
    expect(daysLeft('2026-01-04T00:00:00Z', now)).toBe(3);
    expect(daysLeft('2026-01-02T11:00:00+01:00', now)).toBe(1);
    expect(daysLeft('2026-01-01T15:00:00Z', now)).toBe(1);
    expect(daysLeft('2025-12-31T00:00:00Z', now)).toBe(0);
  });
  it('daysFromNow: signed, so a date in the past says how long ago', () => {
    expect(daysFromNow('2026-01-11T02:48:00Z', now)).toBe(10); // 9.6 days
    expect(daysFromNow('2025-12-29T12:00:00Z', now)).toBe(-3);
    expect(Object.is(daysFromNow('2026-01-01T06:00:00Z', now), 0)).toBe(true); // earlier today: 0, never -0
  });
});
