import type { AccessPackageSubject } from '@microsoft/microsoft-graph-types';
import { IAccessRequest, IAssignment } from '../core/model/types';
import { GraphAssignment, GraphRequest, isActiveAssignment, mapAssignment, mapRequest } from './status';
import { isEndingSoon } from './myAccess';
import { earliestFirst } from '../core/model/time';

/* eslint-disable @rushstack/no-new-null */ // Graph's payloads use null.

// MyAccess's "My team" (a manager's read-only view of their direct reports' access): its models and pure logic.
// Graph's `filterByCurrentUser(on='targetManager')` behind it is metadata only, not documented (docs/graph-notes.md §3.14).

type Subject = Pick<AccessPackageSubject, 'displayName' | 'email' | 'principalName' | 'objectId'> | null | undefined;

/** A person as Graph names them in an access package subject: display name, else e-mail, else principal name. */
function nameOf(s: Subject): string {
  return (s && (s.displayName || s.email || s.principalName)) || '';
}

/** One of a report's assignments, with who holds it (`$expand=target`). */
export interface ITeamAssignment extends IAssignment {
  personName: string;
}

/** One of a report's requests, with whom it is for. */
export interface ITeamRequest extends IAccessRequest {
  personName: string;
}

/** An item of `assignments/filterByCurrentUser(on='targetManager')?$expand=accessPackage,target`. */
export function mapTeamAssignment(raw: GraphAssignment): ITeamAssignment {
  return { ...mapAssignment(raw), personName: nameOf(raw.target) };
}

/**
 * An item of `assignmentRequests/filterByCurrentUser(on='targetManager')?$expand=requestor,accessPackage,assignment($expand=target)`.
 * A v1.0 request names whom it is for only through its assignment's `target`; a request that has no assignment yet
 * names only its `requestor`, who for a report's own request is the report.
 */
export function mapTeamRequest(raw: GraphRequest): ITeamRequest {
  const target = raw.assignment && raw.assignment.target;
  return { ...mapRequest(raw), personName: nameOf(target) || nameOf(raw.requestor) };
}

export type TeamSection = 'endingSoon' | 'pending' | 'active';

export interface ITeamRow {
  key: string;
  section: TeamSection;
  personName: string;
  packageName: string;
  /** Active access: when it ends (undefined: no end date). */
  endDateTime?: string;
  /** Pending requests: since when. */
  createdDateTime?: string;
}

export interface ITeamModel {
  endingSoon: ITeamRow[];
  pending: ITeamRow[];
  active: ITeamRow[];
}

function byPersonThenPackage(language?: string): (a: ITeamRow, b: ITeamRow) => number {
  return (a, b) => a.personName.localeCompare(b.personName, language) || a.packageName.localeCompare(b.packageName, language);
}

/**
 * What "My team" shows: the reports' active access ending within `endingSoonDays` (soonest first; the same rule as
 * MyAccess's own rows), their requests waiting for approval (longest waiting first), and the rest of their active
 * access (by person, then package). Expired access is left out.
 */
export function buildTeam(assignments: ITeamAssignment[], requests: ITeamRequest[], now: Date, endingSoonDays: number, language?: string): ITeamModel {
  const model: ITeamModel = { endingSoon: [], pending: [], active: [] };
  for (const a of assignments) {
    if (!isActiveAssignment(a, now)) continue;
    const section: TeamSection = isEndingSoon(a, now, endingSoonDays) ? 'endingSoon' : 'active';
    model[section].push({
      key: `a:${a.id}`, section, personName: a.personName, packageName: a.accessPackageName || a.accessPackageId, endDateTime: a.endDateTime
    });
  }
  for (const r of requests) {
    if (r.state !== 'pendingApproval') continue;
    model.pending.push({
      key: `r:${r.id}`, section: 'pending', personName: r.personName, packageName: r.accessPackageName || r.accessPackageId || '',
      createdDateTime: r.createdDateTime
    });
  }
  model.endingSoon.sort((a, b) => earliestFirst(a.endDateTime, b.endDateTime) || byPersonThenPackage(language)(a, b));
  model.pending.sort((a, b) => earliestFirst(a.createdDateTime, b.createdDateTime) || byPersonThenPackage(language)(a, b));
  model.active.sort(byPersonThenPackage(language));
  return model;
}
