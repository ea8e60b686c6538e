import { mapEach } from '../../src/services/infrastructure/mapEach';
import { setErrorSink } from '../../src/services/infrastructure/reportError';
import { mapAssignment } from '../../src/models/status';
import { mapReviewDecision } from '../../src/models/approvals';
import type { GraphAssignment } from '../../src/models/status';

// Every list loader maps each item on its own (issue: one assignment without its package failed the whole MyAccess read).
describe('mapEach', () => {
  const logged: Array<[string, string]> = [];
  beforeEach(() => { logged.length = 0; setErrorSink((source, error) => { logged.push([source, error.message]); }); });
  afterEach(() => setErrorSink(undefined));

  it('leaves out the items a mapper rejects and items that are not objects, keeps the rest, and reports each problem once', () => {
    const items = [
      { id: 'a1', accessPackage: null }, { id: 'a2', accessPackageId: 'p2' }, null, { id: 'a3' }
    ] as unknown as GraphAssignment[];
    expect(mapEach('test.assignments', items, mapAssignment).map(a => a.id)).toEqual(['a2']);
    expect(logged).toEqual([
      ['test.assignments', 'Microsoft Graph returned a accessPackageAssignment without accessPackage.id; Access Hub cannot use it. 2 items were left out.'],
      ['test.assignments', 'Microsoft Graph returned a collection without an object for one of its items; Access Hub cannot use it. One item was left out.']
    ]);
  });

  it('a review decision without an id (nothing to record against) is left out, the others kept', () => {
    const ctx = { definitionId: 'd', instanceId: 'i', reviewName: 'Quarterly', justificationRequired: false };
    const out = mapEach('test.reviews', [{ decision: 'NotReviewed' }, { id: 'x', decision: 'NotReviewed' }], d => mapReviewDecision(d, ctx));
    expect(out.map(d => d.id)).toEqual(['x']);
    expect(logged).toHaveLength(1);
  });

  it('a plain bug is not hidden: anything but a shape error still fails the read', () => {
    expect(() => mapEach('test', [{}], () => { throw new TypeError('bug'); })).toThrow('bug');
  });
});
