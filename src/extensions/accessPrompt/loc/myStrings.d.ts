declare interface IAccessPromptApplicationCustomizerStrings {
  Title: string;
  Region: string;
  /** `{0}` days, `{1}` the site, `{2}` the package, `{3}` the date. */
  Expiring: IPluralStrings;
  ExpiringToday: string;
  Extend: string;
  ExtendJustification: string;
  ExtendConfirm: string;
  Extending: string;
  Extended: string;
  ExtendedNoEnd: string;
  ExtendPending: string;
  ExtendFailed: string;
  Pending: string;
  PendingNoApprover: string;
  Details: string;
  OfferVisitorMember: string;
  OfferVisitorOwner: string;
  OfferMemberOwner: string;
  OfferNone: string;
  Request: string;
  Dismiss: string;
  Close: string;
}

declare module 'AccessPromptApplicationCustomizerStrings' {
  const strings: IAccessPromptApplicationCustomizerStrings;
  export = strings;
}
