/** AccessPrompt's pure logic: which banner wins, the settings, and when a dismissal is over. */
import type { AccessPackageAssignment, AccessPackageAssignmentRequest } from '@microsoft/microsoft-graph-types';
import {
  choosePrompt, dismissalKey, dismissalValue, isDismissed, IPromptFacts, IPromptPackage, packagesForSite, promptSettings
} from '../../src/core/model/prompt';
import { IGrant } from '../../src/core/model/types';

const NOW = new Date('2026-12-01T10:00:00Z');
const DAY = 86400000;
const SITE = { url: 'https://contoso.sharepoint.com/sites/marketing', title: 'Marketing', groupId: 'b11e98fb-0ea7-4352-ad9d-eef73fffa7a7' };

const groupMember = (groupId: string): IGrant => ({
  id: `g-${groupId}`, kind: 'groupMember', originSystem: 'AadGroup', resourceName: 'Marketing', roleName: 'Member',
  resourceOriginId: groupId, roleOriginId: `Member_${groupId}`, siteLevel: 'member'
});
const siteRole = (url: string, role: string, level: 'visitor' | 'member' | 'owner'): IGrant => ({
  id: `s-${url}-${role}`, kind: 'siteRole', originSystem: 'SharePointOnline', resourceName: 'Marketing', roleName: role,
  resourceOriginId: url, roleOriginId: role, siteLevel: level
});

const CONTRIBUTORS: IPromptPackage = { id: 'p-contrib', name: 'Marketing Campaign Contributors', requestable: true, grants: [groupMember(SITE.groupId)] };
const VISITORS: IPromptPackage = { id: 'p-visit', name: 'Marketing Site Visitors', requestable: true, grants: [siteRole(SITE.url, 'Marketing Visitors', 'visitor')] };
const OWNERS: IPromptPackage = { id: 'p-owner', name: 'Marketing Owners', requestable: true, grants: [siteRole(`${SITE.url}/`, 'Marketing Owners', 'owner')] };
const ELSEWHERE: IPromptPackage = { id: 'p-else', name: 'Finance Reports', requestable: true, grants: [siteRole('https://contoso.sharepoint.com/sites/finance', 'Finance Visitors', 'visitor')] };

function assignment(packageId: string, name: string, endInDays: number, canExtend = true): AccessPackageAssignment {
  return {
    id: `a-${packageId}`, state: 'delivered', status: 'Delivered', accessPackage: { id: packageId, displayName: name },
    schedule: { startDateTime: new Date(NOW.getTime() - 300 * DAY).toISOString(), expiration: { type: 'afterDateTime', endDateTime: new Date(NOW.getTime() + endInDays * DAY).toISOString() } },
    assignmentPolicy: { id: 'pol', displayName: 'Engineers', requestorSettings: { enableTargetsToSelfUpdateAccess: canExtend } }
  } as AccessPackageAssignment;
}

function pendingRequest(packageId: string, name: string, approvers: unknown[], visibility: string = 'default'): AccessPackageAssignmentRequest {
  return {
    id: `r-${packageId}`, requestType: 'userAdd', state: 'pendingApproval', status: 'PendingApproval',
    accessPackage: { id: packageId, displayName: name },
    assignment: {
      assignmentPolicy: {
        id: 'pol', description: 'Any employee; your manager approves.',
        requestApprovalSettings: { stages: [{ primaryApprovers: approvers, approverInformationVisibility: visibility }] }
      }
    }
  } as unknown as AccessPackageAssignmentRequest;
}

function facts(o: Partial<IPromptFacts>): IPromptFacts {
  return { site: SITE, level: 'visitor', assignments: [], requests: [], packages: [CONTRIBUTORS, VISITORS, ELSEWHERE], ...o };
}

describe('choosePrompt', () => {
  it('offers the package that raises a visitor to member', () => {
    expect(choosePrompt(facts({}), { warnDays: 14 }, NOW)).toEqual({
      kind: 'offer', packageId: 'p-contrib', packageName: 'Marketing Campaign Contributors', level: 'visitor', target: 'member'
    });
  });

  it('offers the smallest raise first: membership before ownership', () => {
    expect(choosePrompt(facts({ packages: [OWNERS, CONTRIBUTORS] }), { warnDays: 14 }, NOW)).toMatchObject({ packageId: 'p-contrib', target: 'member' });
    expect(choosePrompt(facts({ level: 'member', packages: [OWNERS, CONTRIBUTORS] }), { warnDays: 14 }, NOW)).toMatchObject({ packageId: 'p-owner', target: 'owner' });
  });

  it('shows nothing to someone who already has the highest level offered, or when nothing grants the site', () => {
    expect(choosePrompt(facts({ level: 'member' }), { warnDays: 14 }, NOW)).toBeUndefined();
    expect(choosePrompt(facts({ packages: [ELSEWHERE] }), { warnDays: 14 }, NOW)).toBeUndefined();
    expect(choosePrompt(facts({ packages: [{ ...CONTRIBUTORS, requestable: false }] }), { warnDays: 14 }, NOW)).toBeUndefined();
  });

  it('does not offer a package the person already holds', () => {
    const held = assignment('p-contrib', 'Marketing Campaign Contributors', 200);
    expect(choosePrompt(facts({ assignments: [held] }), { warnDays: 14 }, NOW)).toBeUndefined();
  });

  it('a pending request wins over an offer and names the manager when the policy says so', () => {
    const r = pendingRequest('p-contrib', 'Marketing Campaign Contributors', [{ '@odata.type': '#microsoft.graph.requestorManager', managerLevel: 1 }]);
    expect(choosePrompt(facts({ requests: [r], managerName: 'Megan Bowen' }), { warnDays: 14 }, NOW)).toEqual({
      kind: 'pending', packageId: 'p-contrib', packageName: 'Marketing Campaign Contributors', requestId: 'r-p-contrib', approver: 'Megan Bowen'
    });
  });

  it('a pending request names single approvers by their description, else nobody (the description is not a name)', () => {
    const named = pendingRequest('p-contrib', 'X', [{ '@odata.type': '#microsoft.graph.singleUser', userId: 'u', description: 'Nestor Wilke' }]);
    expect(choosePrompt(facts({ requests: [named] }), { warnDays: 14 }, NOW)).toMatchObject({ approver: 'Nestor Wilke' });
    const manager = pendingRequest('p-contrib', 'X', [{ '@odata.type': '#microsoft.graph.requestorManager' }]);
    expect(choosePrompt(facts({ requests: [manager] }), { warnDays: 14 }, NOW)).toMatchObject({ approver: '' });
    const sponsors = pendingRequest('p-contrib', 'X', [{ '@odata.type': '#microsoft.graph.targetUserSponsors' }]);
    expect(choosePrompt(facts({ requests: [sponsors] }), { warnDays: 14 }, NOW)).toMatchObject({ approver: '' });
  });

  it('a stage that hides its approvers (notVisible) names nobody, not even the manager', () => {
    const hidden = pendingRequest('p-contrib', 'X', [{ '@odata.type': '#microsoft.graph.requestorManager' }], 'notVisible');
    expect(choosePrompt(facts({ requests: [hidden], managerName: 'Megan Bowen' }), { warnDays: 14 }, NOW)).toMatchObject({ kind: 'pending', approver: '' });
    const shown = pendingRequest('p-contrib', 'X', [{ '@odata.type': '#microsoft.graph.requestorManager' }], 'visible');
    expect(choosePrompt(facts({ requests: [shown], managerName: 'Megan Bowen' }), { warnDays: 14 }, NOW)).toMatchObject({ approver: 'Megan Bowen' });
  });

  it('access ending within the warning days wins over everything, with Extend when the policy allows it', () => {
    const ending = assignment('p-visit', 'Marketing Site Visitors', 10);
    const r = pendingRequest('p-contrib', 'Marketing Campaign Contributors', []);
    const banner = choosePrompt(facts({ assignments: [ending], requests: [r] }), { warnDays: 14 }, NOW);
    expect(banner).toMatchObject({ kind: 'expiring', packageId: 'p-visit', packageName: 'Marketing Site Visitors', canExtend: true });
    expect(banner && banner.kind === 'expiring' && banner.endDateTime).toBe(new Date(NOW.getTime() + 10 * DAY).toISOString());
    expect(choosePrompt(facts({ assignments: [assignment('p-visit', 'V', 10, false)] }), { warnDays: 14 }, NOW)).toMatchObject({ kind: 'expiring', canExtend: false });
  });

  it('access ending after the warning days, or on another site, does not warn', () => {
    expect(choosePrompt(facts({ level: 'member', assignments: [assignment('p-contrib', 'C', 15)] }), { warnDays: 14 }, NOW)).toBeUndefined();
    expect(choosePrompt(facts({ level: 'member', assignments: [assignment('p-contrib', 'C', 15)] }), { warnDays: 20 }, NOW)).toMatchObject({ kind: 'expiring' });
    expect(choosePrompt(facts({ assignments: [assignment('p-else', 'F', 3)], packages: [ELSEWHERE] }), { warnDays: 14 }, NOW)).toBeUndefined();
  });
});

describe('packagesForSite', () => {
  it('keeps packages granting the site itself or its connected group, with their level', () => {
    expect(packagesForSite([CONTRIBUTORS, VISITORS, ELSEWHERE, OWNERS], SITE).map(e => [e.pkg.id, e.siteLevel])).toEqual([
      ['p-contrib', 'member'], ['p-visit', 'visitor'], ['p-owner', 'owner']
    ]);
    expect(packagesForSite([CONTRIBUTORS], { ...SITE, groupId: undefined })).toEqual([]);
  });
});

describe('promptSettings', () => {
  it('defaults to 14 days warning and 30 days dismissal, and reads hand-typed properties leniently', () => {
    expect(promptSettings(undefined)).toEqual({ warnDays: 14, dismissDays: 30, packageIds: [], messages: {}, revalidateMinutes: 5 });
    expect(promptSettings({ revalidateMinutes: '2' }).revalidateMinutes).toBe(2);
    const s = promptSettings({
      warnDays: '7', dismissDays: 3, packageIds: '099FB9DD-9974-4665-A422-272FBEDA57F7, not-a-guid;099fb9dd-9974-4665-a422-272fbeda57f7',
      messages: { 'EN-US': 'Ask Megan first.' }
    });
    expect(s).toEqual({ warnDays: 7, dismissDays: 3, packageIds: ['099fb9dd-9974-4665-a422-272fbeda57f7'], messages: { 'en-us': 'Ask Megan first.' }, revalidateMinutes: 5 });
    expect(promptSettings({ warnDays: -1, dismissDays: 'x' })).toMatchObject({ warnDays: 14, dismissDays: 30 });
  });
});

describe('dismissal', () => {
  it('lasts the configured days for the same offer, then expires', () => {
    const stored = dismissalValue('p-contrib', NOW, 3);
    expect(isDismissed(stored, 'p-contrib', NOW)).toBe(true);
    expect(isDismissed(stored, 'p-contrib', new Date(NOW.getTime() + 3 * DAY - 1))).toBe(true);
    expect(isDismissed(stored, 'p-contrib', new Date(NOW.getTime() + 3 * DAY))).toBe(false);
    // A different offer on the same site is new information: it shows.
    expect(isDismissed(stored, 'p-owner', NOW)).toBe(false);
    expect(isDismissed(undefined, 'p-contrib', NOW)).toBe(false);
    expect(isDismissed('garbage', 'p-contrib', NOW)).toBe(false);
  });

  it('is kept per person and site', () => {
    expect(dismissalKey('AdeleV@contoso.com', 'https://contoso.sharepoint.com/sites/marketing/'))
      .toBe(dismissalKey('adelev@contoso.com', 'https://contoso.sharepoint.com/sites/Marketing'));
    expect(dismissalKey('adelev@contoso.com', SITE.url)).not.toBe(dismissalKey('meganb@contoso.com', SITE.url));
    expect(dismissalKey('adelev@contoso.com', SITE.url)).not.toBe(dismissalKey('adelev@contoso.com', 'https://contoso.sharepoint.com/sites/legal'));
  });
});

describe('choosePrompt with items Graph sent incomplete', () => {
  it('leaves out an assignment or request without its package (an expansion refused or trimmed), says so once, and decides on the rest', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const bare = { ...assignment('p-contrib', 'C', 3), accessPackage: null } as unknown as AccessPackageAssignment;
      const noId = { ...assignment('p-owner', 'O', 2), id: null } as unknown as AccessPackageAssignment;
      const ending = assignment('p-visit', 'Marketing Site Visitors', 10);
      const badRequest = { ...pendingRequest('p-contrib', 'C', []), id: undefined } as unknown as AccessPackageAssignmentRequest;
      expect(choosePrompt(facts({ assignments: [bare, noId, ending], requests: [badRequest] }), { warnDays: 14 }, NOW))
        .toMatchObject({ kind: 'expiring', packageId: 'p-visit' });
      expect(warn).toHaveBeenCalledTimes(1); // two bad assignments, said once
      warn.mockClear();
      expect(choosePrompt(facts({ assignments: [bare], requests: [badRequest, pendingRequest('p-contrib', 'Marketing Campaign Contributors', [])] }), { warnDays: 14 }, NOW))
        .toMatchObject({ kind: 'pending', packageId: 'p-contrib' });
      expect(warn).toHaveBeenCalledTimes(2); // once for the assignments, once for the requests
    } finally {
      warn.mockRestore();
    }
  });
});
