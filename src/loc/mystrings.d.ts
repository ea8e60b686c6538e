/**
 * A string with one form per plural category of the language (Intl.PluralRules: en and de use one/other, fr
 * one/many/other); `{0}` is the count. Formatted by formatCount in src/components/format.ts.
 */
declare interface IPluralStrings { zero?: string; one?: string; two?: string; few?: string; many?: string; other: string }

declare interface ICommonStrings {
  Common: {
    Loading: string; Retry: string; Close: string; Cancel: string; OpenInMyAccess: string; Open: string;
    Search: string; SortBy: string; SortName: string; SortStatus: string; Layout: string; LayoutList: string; LayoutCards: string;
    NoDescription: string; ErrorBoundary: string; Dismiss: string; Busy: string; CorrelationId: string;
    CopyLink: string; LinkCopied: string;
  };
  Status: {
    Available: string; Pending: string; PendingSince: string; PendingStage: string; HasAccess: string; HasAccessUntil: string;
    Expired: string; Denied: string; Delivering: string; RequestAgain: string; ViewDetails: string; Request: string; ViewRequest: string;
    Approvers: string;
  };
  Grants: { Heading: string; Unknown: string; More: IPluralStrings };
  /** "Suggested for you" (docs/graph-notes.md §3.9). History: {0} times, {1} the date last assigned. */
  Suggestions: {
    Title: string; Hint: string; RelatedPeople: IPluralStrings; History: IPluralStrings; HistoryNoDate: IPluralStrings;
    Request: string;
  };
  /** Steps outside the approval: a custom extension the request waits on; a Verified ID policy handed to My Access. */
  Steps: { Waiting: string; WaitingSince: string; Failed: string; VerifiedId: string; VerifiedIdLink: string };
  Catalog: {
    EmptySite: string; EmptySiteHint: string; EmptyAll: string; EmptyAllHint: string; NoMatch: string; NoMatchHint: string;
    Count: IPluralStrings; SearchPlaceholder: string; HiddenOwned: string;
    /** While the rest of the requestable packages are checked. */
    StillLooking: string;
    /** The rest of the check failed: what was found is shown. */
    Incomplete: string;
  };
  Panel: {
    Title: string; Loading: string; PolicyHeading: string; PolicyHint: string; Approval: string; NoApproval: string;
    Lasts: string; LastsNever: string; LastsUntil: string; LastsDays: IPluralStrings; LastsHours: IPluralStrings; LastsUnknown: string;
    JustificationRequired: string; Justification: string; JustificationOptional: string; JustificationPlaceholder: string;
    QuestionsHeading: string; ChooseOne: string; DatesHeading: string; StartDate: string; EndDate: string; DatesHint: string; ClearDates: string;
    Submit: string; Submitting: string; NotRequestable: string; NotFound: string; InvalidId: string; NoPolicies: string;
    SubmittedPending: string; PendingWith: string; StageOf: string; StageNumber: string; StageWaiting: string; StageApproved: string; StageDenied: string;
    YourManager: string; YourSponsor: string; YourSponsors: string; ApproverHidden: string; Delivering: string; Delivered: string; DeliveredLink: string; DeliveryTakesLong: string;
    Denied: string; Canceled: string; AlreadyHave: string; AlreadyPending: string; CancelRequest: string; CancelConfirm: string; CancelConfirmYes: string; CancelConfirmNo: string; Cancelling: string;
    RequestCancelled: string; FieldErrorsSummary: string;
    AlreadyHaveUntil: string; ApprovalRequired: string; JustificationNotRequired: string; CharacterCount: IPluralStrings;
    StageLine: string; DeliveryFailed: string; Scheduled: string; RequestedOn: string;
    /** A question's pattern could not be checked in the browser (answerPattern.ts). */
    AnswerUnchecked: string;
  };
  Validation: {
    policyRequired: string; justificationRequired: string; justificationTooLong: IPluralStrings; answerRequired: string;
    answerPattern: string; answerInvalidChoice: string; startInPast: string; endBeforeStart: string; endAfterMax: string;
    dateInvalid: string; scheduleNotAllowed: string;
  };
  Errors: {
    unauthorized: string; forbidden: string; notFound: string; throttled: string; conflict: string; offline: string;
    validation: string; alreadyAssigned: string; openRequestExists: string; notAllowed: string; notCancellable: string;
    noLicense: string; server: string; unknown: string;
  };
  DatePicker: {
    goToToday: string; prevMonthAriaLabel: string; nextMonthAriaLabel: string; prevYearAriaLabel: string; nextYearAriaLabel: string;
    closeButtonAriaLabel: string; isRequiredErrorMessage: string; invalidInputErrorMessage: string;
  };
  Button: { Request: string; Pending: string; HasAccess: string; Configure: string; InvalidPackage: string };
  Placeholder: { Coming: string };
  PropertyPane: { PickerFailed: string; CheckFailed: string };
}

declare module 'CommonStrings' {
  const strings: ICommonStrings;
  export = strings;
}
