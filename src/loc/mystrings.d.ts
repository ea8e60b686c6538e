declare interface ICommonStrings {
  Common: {
    Loading: string; Retry: string; Close: string; Cancel: string; OpenInMyAccess: string; Open: string;
    Search: string; SortBy: string; SortName: string; SortStatus: string; Layout: string; LayoutList: string; LayoutCards: string;
    NoDescription: string; ErrorBoundary: string; Dismiss: string; Busy: string; CorrelationId: string;
  };
  Status: {
    Available: string; Pending: string; PendingSince: string; PendingStage: string; HasAccess: string; HasAccessUntil: string;
    Expired: string; Denied: string; Delivering: string; RequestAgain: string; ViewDetails: string; Request: string; ViewRequest: string;
    Approvers: string;
  };
  Grants: { Heading: string; Unknown: string; More: string };
  Catalog: {
    EmptySite: string; EmptySiteHint: string; EmptyAll: string; EmptyAllHint: string; NoMatch: string; NoMatchHint: string;
    Count: string; SearchPlaceholder: string; HiddenOwned: string;
  };
  Panel: {
    Title: string; Loading: string; PolicyHeading: string; PolicyHint: string; Approval: string; NoApproval: string;
    Lasts: string; LastsNever: string; LastsUntil: string; LastsDays: string; LastsHours: string; LastsUnknown: string;
    JustificationRequired: string; Justification: string; JustificationOptional: string; JustificationPlaceholder: string;
    QuestionsHeading: string; ChooseOne: string; DatesHeading: string; StartDate: string; EndDate: string; DatesHint: string; ClearDates: string;
    Submit: string; Submitting: string; NotRequestable: string; NotFound: string; InvalidId: string; NoPolicies: string;
    SubmittedPending: string; PendingWith: string; StageOf: string; StageWaiting: string; StageApproved: string; StageDenied: string;
    YourManager: string; Delivering: string; Delivered: string; DeliveredLink: string; DeliveryTakesLong: string;
    Denied: string; Canceled: string; AlreadyHave: string; AlreadyPending: string; CancelRequest: string; CancelConfirm: string; CancelConfirmYes: string; CancelConfirmNo: string; Cancelling: string;
    RequestCancelled: string; Hidden: string; FieldErrorsSummary: string;
    AlreadyHaveUntil: string; ApprovalRequired: string; JustificationNotRequired: string; CharacterCount: string;
    StageLine: string; DeliveryFailed: string; Scheduled: string; RequestedOn: string;
  };
  Validation: {
    policyRequired: string; justificationRequired: string; justificationTooLong: string; answerRequired: string;
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
