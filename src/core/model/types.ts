// Access Hub's own models. Services map Graph payloads into these; components never see Graph shapes.

export type OriginSystem = 'AadGroup' | 'AadApplication' | 'SharePointOnline' | string;

/** How much a grant gives on a SharePoint site, for comparing with what a person already has. */
export type SiteAccessLevel = 'none' | 'visitor' | 'member' | 'owner';

export type GrantKind = 'groupMember' | 'groupOwner' | 'appRole' | 'siteRole' | 'other';

/** One thing an access package grants: "Marketing Team — Member". */
export interface IGrant {
  /** The resource role scope id, `{roleId}_{scopeId}`. */
  id: string;
  kind: GrantKind;
  originSystem: OriginSystem;
  resourceName: string;
  roleName: string;
  /** The scope's origin id: group id, service principal id or site URL. */
  resourceOriginId: string;
  roleOriginId: string;
  /** For site roles and groups: what it gives on a site connected to that resource. */
  siteLevel?: SiteAccessLevel;
  /** Where the granted thing lives, when it has a page (site URL, team). */
  url?: string;
}

export interface IAccessPackage {
  id: string;
  displayName: string;
  description: string;
  /** From `accessPackage`; undefined when the source does not say (Graph's availableAccessPackage). */
  isHidden?: boolean;
  /** The package's version for the grant cache; undefined when the source does not carry it. */
  modifiedDateTime?: string;
}

export interface IPackageWithGrants extends IAccessPackage {
  grants: IGrant[];
  /** False when the package's grants could not be read; the catalog still lists it. */
  grantsKnown: boolean;
}

export type ExpirationType = 'notSpecified' | 'noExpiration' | 'afterDateTime' | 'afterDuration';

export interface ISchedule {
  startDateTime?: string;
  expirationType: ExpirationType;
  endDateTime?: string;
  duration?: string;
}

export interface ILocalizedText {
  languageCode: string;
  text: string;
}

export interface IChoice {
  value: string;
  text: string;
  localizations: ILocalizedText[];
}

export interface IQuestionBase {
  id: string;
  sequence: number;
  isRequired: boolean;
  text: string;
  localizations: ILocalizedText[];
}

export interface ITextQuestion extends IQuestionBase {
  kind: 'text';
  isSingleLine: boolean;
  regexPattern?: string;
}

export interface IChoiceQuestion extends IQuestionBase {
  kind: 'choice';
  isMultipleSelectionAllowed: boolean;
  choices: IChoice[];
}

export type IQuestion = ITextQuestion | IChoiceQuestion;

/** One policy through which the current person may request a package (getApplicablePolicyRequirements). */
export interface IPolicyRequirement {
  policyId: string;
  displayName: string;
  description: string;
  isApprovalRequired: boolean;
  isApprovalRequiredForUpdate: boolean;
  isJustificationRequired: boolean;
  allowCustomSchedule: boolean;
  schedule: ISchedule;
  questions: IQuestion[];
  /** The policy needs a Verified ID credential (beta only, docs/graph-notes.md §3.13): requested in My Access, never here. */
  requiresVerifiedId?: boolean;
}

export type RequestState =
  | 'submitted' | 'pendingApproval' | 'delivering' | 'delivered' | 'deliveryFailed' | 'denied'
  | 'scheduled' | 'canceled' | 'partiallyDelivered' | 'unknownFutureValue';

export type RequestType = 'userAdd' | 'userUpdate' | 'userRemove' | string;

export interface IAnswer {
  questionId: string;
  questionKind: 'text' | 'choice';
  value: string;
  displayValue: string;
}

export interface IAccessRequest {
  id: string;
  requestType: RequestType;
  state: RequestState;
  status: string;
  createdDateTime?: string;
  completedDateTime?: string;
  justification?: string;
  accessPackageId?: string;
  accessPackageName?: string;
  assignmentId?: string;
  schedule?: ISchedule;
  answers: IAnswer[];
  /** A custom extension the open request waits on (models/automatedStep.ts). */
  automatedStep?: IAutomatedStep;
}

export interface IAutomatedStep {
  /** The call failed or its callback timed out: the request may not go on by itself. */
  failed: boolean;
  /** When the wait began, where Graph lets us know it. */
  since?: string;
}

export type AssignmentState = 'delivering' | 'partiallyDelivered' | 'delivered' | 'expired' | 'deliveryFailed' | string;

export interface IAssignment {
  id: string;
  state: AssignmentState;
  status: string;
  accessPackageId: string;
  accessPackageName?: string;
  assignmentPolicyId?: string;
  startDateTime?: string;
  /** When access ends, computed from the schedule (endDateTime, or start + duration). */
  endDateTime?: string;
  expiredDateTime?: string;
}

export interface IApprovalStage {
  id: string;
  displayName?: string;
  status: 'Initializing' | 'InProgress' | 'Completed' | 'Expired' | string;
  reviewResult: 'NotReviewed' | 'Approved' | 'Denied' | string;
  justification?: string;
  reviewedByName?: string;
  reviewedDateTime?: string;
  assignedToMe: boolean;
}

export interface IApproval {
  id: string;
  stages: IApprovalStage[];
}

/** The person's relationship with one package, derived from their assignments and requests. */
export type PackageStatusKind = 'available' | 'pending' | 'hasAccess' | 'expired' | 'denied' | 'delivering';

export interface IPackageStatus {
  kind: PackageStatusKind;
  request?: IAccessRequest;
  assignment?: IAssignment;
}

/** The answers and choices a person gives in the request panel. */
export interface IRequestDraft {
  accessPackageId: string;
  policyId: string;
  justification: string;
  answers: Record<string, string[]>;
  startDate?: string;
  endDate?: string;
}

export interface IUserInfo {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail?: string;
  preferredLanguage?: string;
}

export interface ISiteInfo {
  url: string;
  /** Where a component has it (the page's context); SharePoint's site read does not carry it. */
  title?: string;
  groupId?: string;
}
