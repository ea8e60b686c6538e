/**
 * Deterministic synthetic data on top of the fixture, for benchmarks and large-list tests
 * (`LOCAL_TENANT_SCALE=packages:5000,approvals:500,users:2000,assignments:1000,requests:300`, plus optional
 * `approver:<upn>` — default meganb — and `seed:<n>`). The same setting always yields the same tenant.
 * Every fourth package grants a role on one of the fixture's sites and every fourth a fixture site's group,
 * so "packages for this site" lists get large too.
 */
import { createHash } from 'crypto';
import type { FxAccessPackage, FxAssignment, FxCatalog, FxGroup, FxPolicy, FxRequest, FxResource, FxUser } from './fixture';
import type { Db } from './state';
import { mulberry32 } from './util';

export interface ScaleSpec {
  packages: number; approvals: number; users: number; assignments: number; requests: number; approver?: string; seed: number;
  /** `held:<n>` gives one fixture person (`holder:<upn>`, default alexw) n assignments of their own (MyAccess at scale). */
  held: number; holder?: string;
}

const KEYS = ['packages', 'approvals', 'users', 'assignments', 'requests', 'seed', 'held'] as const;

export function parseScale(spec: string): ScaleSpec {
  const out: ScaleSpec = { packages: 0, approvals: 0, users: 0, assignments: 0, requests: 0, seed: 1, held: 0 };
  let usersGiven = false;
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [k, v] = part.split(':').map((s) => s.trim());
    if (k === 'approver') { out.approver = v; continue; }
    if (k === 'holder') { out.holder = v; continue; }
    if (!(KEYS as readonly string[]).includes(k) || !/^\d+$/.test(v ?? '')) {
      throw new Error(`Invalid LOCAL_TENANT_SCALE entry '${part}' (expected e.g. packages:5000,approvals:500,users:2000,assignments:1000,requests:300,approver:meganb@contoso.com)`);
    }
    out[k as (typeof KEYS)[number]] = Number(v);
    if (k === 'users') usersGiven = true;
  }
  if (!usersGiven) out.users = Math.max(20, Math.min(5000, out.approvals + out.assignments + out.requests));
  // Each held assignment is of its own package, and a few more stay free to request.
  if (out.held && out.packages < out.held + 10) out.packages = out.held + 10;
  if ((out.approvals || out.assignments || out.requests) && !out.packages) out.packages = Math.max(10, Math.ceil(out.approvals / 20));
  if ((out.approvals || out.assignments || out.requests) && !out.users) out.users = 20;
  return out;
}

const FIRST = ['Ava', 'Ben', 'Chloe', 'Dan', 'Ella', 'Finn', 'Grace', 'Hugo', 'Iris', 'Jack', 'Kara', 'Liam', 'Maya', 'Noah', 'Olga', 'Paul', 'Quinn', 'Rosa', 'Sam', 'Tara'];
const LAST = ['Adams', 'Brown', 'Clark', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hall', 'Ito', 'Jones', 'Khan', 'Lopez', 'Meyer', 'Nagy', 'Olsen', 'Patel', 'Rossi', 'Smith', 'Tanaka', 'Weber'];
const ADJ = ['Atlas', 'Beacon', 'Cobalt', 'Delta', 'Ember', 'Falcon', 'Granite', 'Harbor', 'Indigo', 'Juniper', 'Kestrel', 'Lumen', 'Meridian', 'Nova', 'Orion', 'Pioneer'];
const NOUN = ['Contributors', 'Readers', 'Editors', 'Analysts', 'Operators', 'Reviewers', 'Partners', 'Builders'];

export function applyScale(db: Db, specText: string, now: Date = new Date()): void {
  const spec = parseScale(specText);
  db.scale = specText;
  const seed = parseInt(createHash('sha1').update(specText).digest('hex').slice(0, 8), 16) ^ spec.seed;
  const rnd = mulberry32(seed);
  const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
  const guid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(rnd() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
  const at = (daysAgo: number): string => new Date(now.getTime() - daysAgo * 86400000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const approver = db.users.find((u) => u.userPrincipalName.toLowerCase() === (spec.approver ?? 'meganb@contoso.com').toLowerCase()) ?? db.users[0];

  const users: FxUser[] = [];
  for (let i = 0; i < spec.users; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    const upn = `${first}.${last}${i}@${db.tenant.defaultDomain}`.toLowerCase();
    users.push({
      id: guid(), displayName: `${first} ${last} ${i}`, givenName: first, surname: last, userPrincipalName: upn, mail: upn, jobTitle: 'Synthetic user',
      department: 'Synthetic', userType: 'Member', accountEnabled: true, preferredLanguage: 'en-US', managerId: approver?.id ?? null,
    });
  }
  db.users.push(...users);
  if (!spec.packages) return;

  const nCat = Math.max(1, Math.ceil(spec.packages / 250));
  const siteGroups = db.sites.filter((s) => s.groupId).map((s) => db.groups.find((g) => g.id === s.groupId)).filter((g): g is FxGroup => !!g);
  const catalogs: FxCatalog[] = [];
  const perCatalog: { group: FxResource; siteRes: FxResource[]; groupRes: FxResource[] }[] = [];
  for (let c = 0; c < nCat; c++) {
    const cat: FxCatalog = {
      id: guid(), displayName: `Synthetic catalog ${c + 1}`, description: 'Generated by LOCAL_TENANT_SCALE', catalogType: 'userManaged', state: 'published',
      isExternallyVisible: false, createdDateTime: at(400), modifiedDateTime: at(100),
    };
    catalogs.push(cat);
    const g: FxGroup = {
      id: guid(), displayName: `Synthetic team ${c + 1}`, description: null, mail: null, mailNickname: `synthetic-${c + 1}`, groupTypes: [],
      securityEnabled: true, mailEnabled: false, visibility: null, resourceProvisioningOptions: [], ownerIds: [], memberIds: [],
    };
    db.groups.push(g);
    db.base.groups[g.id] = { memberIds: [], ownerIds: [] };
    const groupResource = (grp: FxGroup): FxResource => {
      const rootId = guid();
      return {
        id: guid(), catalogId: cat.id, displayName: grp.displayName, description: grp.description ?? null, originSystem: 'AadGroup', originId: grp.id,
        createdDateTime: at(300), modifiedDateTime: at(300), attributes: [],
        roles: [{ id: guid(), displayName: 'Member', description: null, originSystem: 'AadGroup', originId: `Member_${grp.id}` }],
        scopes: [{ id: rootId, displayName: 'Root', description: 'Root Scope', originId: grp.id, originSystem: 'AadGroup', isRootScope: true }],
      };
    };
    const siteRes = db.sites.map((s): FxResource => ({
      id: guid(), catalogId: cat.id, displayName: s.title, description: null, originSystem: 'SharePointOnline', originId: s.url,
      createdDateTime: at(300), modifiedDateTime: at(300), attributes: [],
      roles: s.roles.map((r) => ({ id: guid(), displayName: r.title, description: null, originSystem: 'SharePointOnline', originId: r.id })),
      scopes: [{ id: guid(), displayName: 'Root', description: 'Root Scope', originId: s.url, originSystem: 'SharePointOnline', isRootScope: true }],
    }));
    const entry = { group: groupResource(g), siteRes, groupRes: siteGroups.map(groupResource) };
    perCatalog.push(entry);
    db.resources.push(entry.group, ...entry.siteRes, ...entry.groupRes);
  }
  db.catalogs.push(...catalogs);

  const packages: FxAccessPackage[] = [];
  const policies: FxPolicy[] = [];
  for (let i = 0; i < spec.packages; i++) {
    const c = i % nCat;
    const { group, siteRes, groupRes } = perCatalog[c];
    let res = group;
    let role = group.roles[0];
    if (i % 4 === 0 && siteRes.length) {
      res = siteRes[Math.floor(i / 4) % siteRes.length];
      role = res.roles.find((r) => r.originId === (i % 8 === 0 ? '4' : '5')) ?? res.roles[0];
    } else if (i % 4 === 1 && groupRes.length) {
      res = groupRes[Math.floor(i / 4) % groupRes.length];
      role = res.roles[0];
    }
    const pkg: FxAccessPackage = {
      id: guid(), catalogId: catalogs[c].id, displayName: `${ADJ[i % ADJ.length]} ${NOUN[Math.floor(i / ADJ.length) % NOUN.length]} ${String(i + 1).padStart(5, '0')}`,
      description: `Synthetic access package ${i + 1} (${res.displayName}).`, isHidden: i % 50 === 49, createdDateTime: at(200), modifiedDateTime: at(50),
      resourceRoleScopes: [{ id: `${role.id}_${res.scopes[0].id}`, createdDateTime: at(200), roleId: role.id, scopeId: res.scopes[0].id }],
    };
    const needsApproval = i % 3 !== 0;
    policies.push({
      id: guid(), accessPackageId: pkg.id, catalogId: pkg.catalogId, displayName: needsApproval ? 'Employees (approval)' : 'Employees',
      description: null, allowedTargetScope: 'allMemberUsers', specificAllowedTargets: [], createdDateTime: at(200), modifiedDateTime: at(50),
      expiration: { type: 'afterDuration', duration: 'P90D', endDateTime: null },
      requestorSettings: { enableTargetsToSelfAddAccess: true, enableTargetsToSelfUpdateAccess: true, enableTargetsToSelfRemoveAccess: true, allowCustomAssignmentSchedule: false,
        enableOnBehalfRequestorsToAddAccess: false, enableOnBehalfRequestorsToUpdateAccess: false, enableOnBehalfRequestorsToRemoveAccess: false, onBehalfRequestors: [] },
      requestApprovalSettings: {
        isApprovalRequiredForAdd: needsApproval, isApprovalRequiredForUpdate: needsApproval, isRequestorJustificationRequired: needsApproval,
        stages: needsApproval ? [{
          durationBeforeAutomaticDenial: 'P30D', isApproverJustificationRequired: false, isEscalationEnabled: false, durationBeforeEscalation: 'PT0S',
          approverInformationVisibility: 'default', fallbackPrimaryApprovers: [], escalationApprovers: [], fallbackEscalationApprovers: [],
          primaryApprovers: [{ '@odata.type': '#microsoft.graph.singleUser', userId: approver?.id, description: approver?.displayName ?? null }],
        }] : [],
      },
      automaticRequestSettings: null, notificationSettings: { isAssignmentNotificationDisabled: false },
      reviewSettings: { isEnabled: false, expirationBehavior: 'keepAccess' }, questions: [],
    });
    packages.push(pkg);
  }
  db.accessPackages.push(...packages);
  db.assignmentPolicies.push(...policies);
  if (spec.held) holdMany(db, spec, policies, now, guid);
  if (!users.length) return;

  // Packages the holder holds are not handed to synthetic users as well; they stay distinct per person anyway.
  const taken = new Set<string>();
  const pick = (want: (p: FxPolicy) => boolean, k: number): { user: FxUser; policy: FxPolicy } | undefined => {
    for (let tries = 0; tries < 50; tries++) {
      const policy = policies[(k * 7 + tries * 13) % policies.length];
      const user = users[(k + tries * 31) % users.length];
      const key = `${policy.accessPackageId}|${user.id}`;
      if (!want(policy) || taken.has(key) || user.id === approver?.id) continue;
      taken.add(key);
      return { user, policy };
    }
    return undefined;
  };
  const requests: FxRequest[] = [];
  for (let k = 0; k < spec.approvals; k++) {
    const hit = pick((p) => p.requestApprovalSettings.stages.length > 0, k);
    if (!hit) break;
    const created = at((k % 20) / 10 + 0.01);
    requests.push({
      id: guid(), requestType: 'userAdd', state: 'pendingApproval', status: 'PendingApproval', createdDateTime: created, completedDateTime: null,
      justification: `Synthetic request ${k + 1}`, requestorId: hit.user.id, targetId: hit.user.id, accessPackageId: hit.policy.accessPackageId,
      assignmentPolicyId: hit.policy.id, assignmentId: guid(), schedule: { startDateTime: created, recurrence: null, expiration: { type: 'notSpecified', duration: null, endDateTime: null } },
      answers: [], approvalStages: [{ id: guid(), displayName: approver?.displayName ?? null, status: 'InProgress', reviewResult: 'NotReviewed', reviewedBy: null,
        reviewedDateTime: null, justification: '', assignedToUserIds: approver ? [approver.id] : [], startedDateTime: created }],
    });
  }
  const assignments: FxAssignment[] = [];
  for (let k = 0; k < spec.assignments; k++) {
    const hit = pick(() => true, k + 100003);
    if (!hit) break;
    const start = at(1 + (k % 60));
    const end = new Date(Date.parse(start) + 90 * 86400000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    assignments.push({
      id: guid(), targetId: hit.user.id, accessPackageId: hit.policy.accessPackageId, assignmentPolicyId: hit.policy.id, state: 'delivered', status: 'Delivered',
      expiredDateTime: null, schedule: { startDateTime: start, recurrence: null, expiration: { type: 'afterDuration', duration: 'P90D', endDateTime: end } },
    });
  }
  for (let k = 0; k < spec.requests; k++) {
    const a = assignments[k];
    const created = a ? a.schedule.startDateTime as string : at(30 + (k % 200));
    const hit = a ? undefined : pick(() => true, k + 200003);
    if (!a && !hit) break;
    const state = a ? 'delivered' : k % 3 === 0 ? 'canceled' : 'denied';
    requests.push({
      id: guid(), requestType: 'userAdd', state, status: state === 'delivered' ? 'Delivered' : state === 'denied' ? 'Denied' : 'Canceled',
      createdDateTime: created, completedDateTime: created, justification: `Synthetic history ${k + 1}`, requestorId: a?.targetId ?? hit?.user.id as string,
      targetId: a?.targetId ?? hit?.user.id as string, accessPackageId: a?.accessPackageId ?? hit?.policy.accessPackageId as string,
      assignmentPolicyId: a?.assignmentPolicyId ?? hit?.policy.id as string, assignmentId: a?.id ?? guid(),
      schedule: { startDateTime: created, recurrence: null, expiration: { type: 'notSpecified', duration: null, endDateTime: null } }, answers: [], approvalStages: [],
    });
  }
  db.assignments.push(...assignments);
  db.assignmentRequests.push(...requests);
}

/**
 * One person with many assignments of their own: every tenth ends within two weeks, every seventh never ends,
 * every eleventh has expired, and every thirteenth package also has a denied request in their history.
 */
function holdMany(db: Db, spec: ScaleSpec, policies: FxPolicy[], now: Date, guid: () => string): void {
  const upn = (spec.holder ?? 'alexw@contoso.com').toLowerCase();
  const holder = db.users.find((u) => u.userPrincipalName.toLowerCase() === upn);
  if (!holder) throw new Error(`Invalid LOCAL_TENANT_SCALE holder '${spec.holder}': no such user in the fixture`);
  const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const day = 86400000;
  for (let k = 0; k < spec.held && k < policies.length; k++) {
    const p = policies[k];
    const expired = k % 11 === 5;
    const never = !expired && k % 7 === 3;
    const start = now.getTime() - (30 + (k % 200)) * day;
    const end = expired ? now.getTime() - (1 + (k % 20)) * day
      : k % 10 === 0 ? now.getTime() + (1 + (k % 13)) * day
        : now.getTime() + (20 + (k % 300)) * day;
    db.assignments.push({
      id: guid(), targetId: holder.id, accessPackageId: p.accessPackageId, assignmentPolicyId: p.id,
      state: expired ? 'expired' : 'delivered', status: expired ? 'Expired' : 'Delivered', expiredDateTime: expired ? iso(end) : null,
      schedule: { startDateTime: iso(start), recurrence: null, expiration: never
        ? { type: 'noExpiration', duration: null, endDateTime: null }
        : { type: 'afterDateTime', duration: null, endDateTime: iso(end) } },
    });
    if (k % 13 === 6) {
      const created = iso(start - 10 * day);
      db.assignmentRequests.push({
        id: guid(), requestType: 'userAdd', state: 'denied', status: 'Denied', createdDateTime: created, completedDateTime: created,
        justification: `Synthetic denied request ${k + 1}`, requestorId: holder.id, targetId: holder.id, accessPackageId: p.accessPackageId,
        assignmentPolicyId: p.id, assignmentId: guid(),
        schedule: { startDateTime: created, recurrence: null, expiration: { type: 'notSpecified', duration: null, endDateTime: null } },
        answers: [], approvalStages: [],
      });
    }
  }
}
