define([], function () {
  return {
    Title: 'Access prompt',
    Region: 'Site access notice',
    Expiring: { one: 'Your access to {1} through {2} ends in {0} day, on {3}.', other: 'Your access to {1} through {2} ends in {0} days, on {3}.' },
    ExpiringToday: 'Your access to {0} through {1} will end today, {2}.',
    Extend: 'Extend',
    ExtendJustification: 'Why do you need it longer?',
    ExtendConfirm: 'Extend now',
    Extending: 'Extending…',
    Extended: 'Extended. Your access now ends on {0}.',
    ExtendedNoEnd: 'Extended.',
    ExtendPending: 'Extension requested; waiting for approval.',
    ExtendFailed: 'The extension was not granted.',
    Pending: 'Your request for {0}: waiting for {1}.',
    PendingNoApprover: 'Your request for {0}: waiting for approval.',
    Details: 'Details',
    OfferVisitorMember: 'You can view this site. Request {0} to contribute.',
    OfferVisitorOwner: 'You can view this site. Request {0} to manage it.',
    OfferMemberOwner: 'You can contribute to this site. Request {0} to manage it.',
    OfferNone: 'Request {0} to get access to this site.',
    Request: 'Request',
    Dismiss: 'Dismiss',
    Close: 'Close'
  };
});
