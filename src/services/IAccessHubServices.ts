import type { PatternWorkerFactory } from '../models/answerPattern';
import {
  IAccessPackage, IAccessRequest, IAssignment, IApproval, IGrant, IPolicyRequirement, IRequestDraft, IUserInfo, ISiteInfo,
  SiteAccessLevel
} from '../core/model/types';
import type { IApprovalService } from './graph/GraphApprovalService';
import type { ICardService } from './graph/GraphCardService';
import type { ITeamService } from './graph/GraphTeamService';
import type { ISiteAccessMap } from '../core/model/siteAccessMap';
import type { IRetryStatus } from './infrastructure/RetryStatus';
import type { IMyAssignment, IMyRequest, IUpdateOptions } from '../models/myAccess';
import type { ISuggestionService } from './suggestionSource';
import type { GraphFI } from '@pnp/graph';

export type { IApprovalService };

/**
 * The contracts between components and Graph. They live here, next to their implementations, so that
 * nothing in `services/` depends on React; the React context only carries an `IAccessHubServices`.
 */
export interface IEntitlementService {
  getMe(): Promise<IUserInfo>;
  getManager(): Promise<IUserInfo | undefined>;
  /** My sponsors (users or groups, `GET /me/sponsors`); none for most members. */
  getSponsors(): Promise<IUserInfo[]>;
  /** Every package the person may request, hidden ones included (isHidden tells). */
  /** Every page; `onPage` hears each page as it arrives (those already read first). */
  listRequestablePackages(onPage?: (page: IAccessPackage[]) => void): Promise<IAccessPackage[]>;
  /** What each package grants, batched and cached. Packages whose grants cannot be read are absent. */
  getGrants(packages: IAccessPackage[]): Promise<Map<string, IGrant[]>>;
  /**
   * One package by id, for deep links and the button (works for hidden packages). Graph's
   * availableAccessPackage carries neither `isHidden` nor `modifiedDateTime`, so both are undefined.
   */
  getAvailablePackage(id: string): Promise<IAccessPackage>;
  /**
   * The packages of a site's access map that are for this person, each read again by id with what it grants now
   * (a 404 leaves it out), in one wave of `$batch` requests; resource names from the map.
   */
  getMappedPackages(map: ISiteAccessMap): Promise<{ packages: IAccessPackage[]; grants: Map<string, IGrant[]> }>;
  getRequirements(packageId: string): Promise<IPolicyRequirement[]>;
  /** Ids of the package's policies that need a Verified ID credential (Graph beta only; docs/graph-notes.md §3.13). */
  getVerifiedIdPolicies(packageId: string): Promise<string[]>;
  submitRequest(draft: IRequestDraft, policy: IPolicyRequirement, language?: string): Promise<IAccessRequest>;
  getRequest(id: string): Promise<IAccessRequest>;
  cancelRequest(id: string): Promise<void>;
  listMyRequests(): Promise<IAccessRequest[]>;
  listMyAssignments(): Promise<IAssignment[]>;
  /** The approval stages of one of my requests, when the service lets the requestor read them. */
  getApproval(requestId: string): Promise<IApproval | undefined>;

  // MyAccess
  /** My assignments, current and expired, each with what its policy lets me do (expands package and policy). */
  listMyAccessAssignments(): Promise<IMyAssignment[]>;
  /** Extends an assignment: a `userUpdate` request. Sent once; never retried blindly. */
  requestUpdate(assignment: IAssignment, options: IUpdateOptions): Promise<IAccessRequest>;
  /** Gives up an assignment: a `userRemove` request. Sent once; never retried blindly. */
  requestRemove(assignment: IAssignment): Promise<IAccessRequest>;
  /** My requests with the policy each was made under (who approves), where Graph lets us expand it. */
  listMyAccessRequests(): Promise<IMyRequest[]>;
}

export interface ISiteAccessService {
  /** The current site with its connected Microsoft 365 group (SharePoint's `/_api/site` GroupId). */
  getSite(): Promise<ISiteInfo>;
  /** What the current person can do on the site, from `effectiveBasePermissions`. */
  getMyLevel(): Promise<SiteAccessLevel>;
  /**
   * The site's shared access map as stored (check it with readAccessMap); undefined when there is none to read.
   * Optional: a service without it serves a site that has no map.
   */
  getSiteAccessMap?(): Promise<string | undefined>;
  /** What an earlier view found (the map's text, or undefined for "none"), when it is still kept; else undefined. */
  keptSiteAccessMap?(): { text: string | undefined } | undefined;
  /** Publishes a map for every Access Hub component on the site (needs Edit on the site). */
  saveSiteAccessMap?(map: ISiteAccessMap): Promise<void>;
}

/** What every root component gets: services plus the little it needs to know about where it runs. */
export interface IAccessHubServices {
  entitlements: IEntitlementService;
  site: ISiteAccessService;
  /** The page's language, e.g. `en-us`, `de-de`: picks question localizations and date formats. */
  language: string;
  /** My Access base, e.g. `https://myaccess.microsoft.com/@contoso.onmicrosoft.com`. */
  myAccessUrl: string;
  /** Injected so tests can fix time. */
  now: () => Date;
  /** Makes the Web Worker that checks answers against a policy's pattern (answerPattern.ts); tests give their own. */
  patternWorker?: PatternWorkerFactory;
  /** How often (ms) the panel polls a request until it is delivered. */
  pollIntervalMs?: number;
  /** The approver's and reviewer's Graph calls (AccessApprovals); optional so roots that never decide need not build it. */
  approvals?: IApprovalService;
  /** The AccessCard's one-`$batch` read (Viva Connections); optional so roots that never show the card need not build it. */
  card?: ICardService;
  /**
   * MyAccess's "My team" for managers (`on='targetManager'`, metadata only: docs/graph-notes.md §3.14); optional:
   * without it there is no tab.
   */
  team?: ITeamService;
  /** "Suggested for you" (docs/graph-notes.md §3.9) as given (tests); else built on `graph` in its chunk. */
  suggestions?: ISuggestionService;
  /** The Graph client, for features whose service lives in a lazily loaded chunk (suggestions). */
  graph?: GraphFI;
  /** Whether a read is waiting to try again (throttled, offline); absent in fakes that never wait. */
  retryStatus?: IRetryStatus;
}
