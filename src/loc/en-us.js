define([], function () {
  return {
    Common: {
      Loading: 'Loading…', Retry: 'Try again', Close: 'Close', Cancel: 'Cancel', OpenInMyAccess: 'Open in My Access', Open: 'Open',
      Search: 'Search', SortBy: 'Sort by', SortName: 'Name', SortStatus: 'Status', Layout: 'Layout', LayoutList: 'List', LayoutCards: 'Cards',
      NoDescription: 'No description.', ErrorBoundary: 'Something went wrong while showing this part of the page.', Dismiss: 'Dismiss',
      Busy: 'Microsoft 365 is busy. Still trying…', CorrelationId: 'Correlation id: {0}', CopyLink: 'Copy link', LinkCopied: 'Link copied.'
    },
    Status: {
      Available: 'You can request this', Pending: 'Request pending', PendingSince: 'Request pending since {0}', PendingStage: 'Request pending: stage {0} of {1}',
      HasAccess: 'You have access', HasAccessUntil: 'You have access until {0}', Expired: 'Your access expired on {0}',
      Denied: 'Your last request was denied', Delivering: 'Access is being set up', RequestAgain: 'Request again', ViewDetails: 'View details',
      Request: 'Request access', ViewRequest: 'View request', Approvers: 'Waiting for: {0}'
    },
    Grants: { Heading: 'What you get', Unknown: 'The contents of this package could not be read.', More: { one: '+{0} more', other: '+{0} more' } },
    Suggestions: {
      Title: 'Suggested for you', Hint: 'From the people you work with and your own history.',
      RelatedPeople: { one: '{0} person you work with has this', other: '{0} people you work with have this' },
      History: { one: 'Assigned to you {0} time before, most recently on {1}', other: 'Assigned to you {0} times before, most recently on {1}' },
      HistoryNoDate: { one: 'Assigned to you {0} time before', other: 'Assigned to you {0} times before' },
      Request: 'Request'
    },
    Steps: {
      Waiting: 'Waiting for an automated step', WaitingSince: 'Waiting for an automated step since {0}',
      Failed: 'An automated step of this request failed. Ask the package\'s owner, or open it in My Access.',
      VerifiedId: 'This access needs a Verified ID credential, which you present in My Access. It can\'t be requested here.',
      VerifiedIdLink: 'Request it in My Access'
    },
    Catalog: {
      EmptySite: 'No access packages give access to this site.',
      EmptySiteHint: 'Ask the site owner which access you need, or browse all access packages in My Access.',
      EmptyAll: 'There are no access packages you can request.',
      EmptyAllHint: 'If you need access to something, ask its owner or your manager.',
      NoMatch: 'Nothing matches "{0}".', NoMatchHint: 'Try another word, or clear the search.',
      Count: { one: '{0} access package', other: '{0} access packages' }, SearchPlaceholder: 'Search by name, description or what it grants',
      HiddenOwned: 'Show access I already have',
      StillLooking: 'Looking through more packages…',
      Incomplete: 'Some packages could not be checked, so more may give access here.'
    },
    Panel: {
      Title: 'Request access', Loading: 'Loading what this access needs…',
      PolicyHeading: 'How do you want to request it?', PolicyHint: 'More than one way applies to you. Each has its own approval and duration.',
      Approval: 'Approval: {0}', NoApproval: 'No approval needed: access is granted right away.',
      Lasts: 'Access lasts: {0}', LastsNever: 'until it is removed', LastsUntil: 'until {0}', LastsDays: { one: '{0} day', other: '{0} days' }, LastsHours: { one: '{0} hour', other: '{0} hours' }, LastsUnknown: 'as the policy decides',
      JustificationRequired: 'A business justification is required.', Justification: 'Business justification', JustificationOptional: 'Business justification (optional)',
      JustificationPlaceholder: 'Why do you need this access?',
      QuestionsHeading: 'Questions', ChooseOne: 'Choose an answer',
      DatesHeading: 'When do you need it?', StartDate: 'Start date', EndDate: 'End date', DatesHint: 'Leave empty to start now for the full duration. Latest end: {0}.', ClearDates: 'Clear dates',
      Submit: 'Submit request', Submitting: 'Submitting…',
      NotRequestable: 'You can\'t request this access package. Ask its owner if you need it.',
      NotFound: 'There is no access package with this id that you can request.', InvalidId: '"{0}" is not a valid access package id.',
      NoPolicies: 'No policy lets you request this access package.',
      SubmittedPending: 'Your request was sent and is waiting for approval.', PendingWith: 'Waiting for {0}.',
      StageOf: 'Stage {0} of {1}: {2}', StageNumber: 'Stage {0} of {1}', StageWaiting: 'waiting', StageApproved: 'approved', StageDenied: 'denied',
      YourManager: 'your manager ({0})', YourSponsor: 'Your sponsor, {0}, approves.', YourSponsors: 'Your sponsors approve: {0}.', ApproverHidden: 'The approver isn\'t shown for this request.', Delivering: 'Approved. Setting up your access…', Delivered: 'Done: you have access.',
      DeliveredLink: 'Open {0}', DeliveryTakesLong: 'This is taking longer than usual. You can close this panel; your request continues.',
      Denied: 'Your request was denied.', Canceled: 'Your request was cancelled.',
      AlreadyHave: 'You already have this access{0}.', AlreadyPending: 'You already have a request for this access waiting.',
      CancelRequest: 'Cancel request', CancelConfirm: 'Cancel your request for this access? You would have to request it again.', CancelConfirmYes: 'Yes, cancel it', CancelConfirmNo: 'Keep the request', Cancelling: 'Cancelling…', RequestCancelled: 'Request cancelled.',
      FieldErrorsSummary: 'Check the highlighted fields.',
      AlreadyHaveUntil: 'You already have this access until {0}.', ApprovalRequired: 'Approval is required.',
      JustificationNotRequired: 'No justification needed.', CharacterCount: { one: '{1} of {0} character', other: '{1} of {0} characters' },
      StageLine: '{0} — {1}', DeliveryFailed: 'Your access could not be set up. Open the request in My Access or ask for help.',
      Scheduled: 'Your access is scheduled to start on {0}.', RequestedOn: 'Requested on {0}.',
      AnswerUnchecked: 'The format of this answer couldn\'t be checked here; Microsoft Entra checks it when you send the request.'
    },
    Validation: {
      policyRequired: 'Choose how you want to request this access.', justificationRequired: 'Enter a business justification.',
      justificationTooLong: { one: 'Keep the justification under {0} character.', other: 'Keep the justification under {0} characters.' }, answerRequired: 'This answer is required.',
      answerPattern: 'This answer doesn\'t have the expected format ({0}).', answerInvalidChoice: 'Choose one of the listed answers.',
      startInPast: 'The start date can\'t be in the past.', endBeforeStart: 'The end date must be after the start date.',
      endAfterMax: 'The end date can be {0} at the latest.', dateInvalid: 'Enter a valid date.',
      scheduleNotAllowed: 'This policy doesn\'t let you choose dates.'
    },
    Errors: {
      unauthorized: 'Your sign-in has expired. Reload the page and try again.',
      forbidden: 'You don\'t have permission to do this.',
      notFound: 'This item no longer exists.',
      throttled: 'The service is busy. Wait a moment and try again.',
      conflict: 'Someone else changed this at the same time. Reload to see the latest.',
      offline: 'The service could not be reached. Check your connection and try again.',
      validation: 'The service did not accept the request: {0}',
      alreadyAssigned: 'You already have this access.',
      openRequestExists: 'You already have a request for this access waiting.',
      notAllowed: 'The policy you chose doesn\'t allow you to request this access.',
      notCancellable: 'This request can no longer be cancelled.',
      noLicense: 'Your organisation\'s licence doesn\'t include access packages.',
      server: 'The service had a problem. Try again in a moment.',
      unknown: 'Something went wrong: {0}'
    },
    DatePicker: {
      goToToday: 'Go to today', prevMonthAriaLabel: 'Previous month', nextMonthAriaLabel: 'Next month', prevYearAriaLabel: 'Previous year', nextYearAriaLabel: 'Next year', closeButtonAriaLabel: 'Close date picker', isRequiredErrorMessage: 'Enter a date.', invalidInputErrorMessage: 'Enter a valid date.'
    },
    Button: { Request: 'Request access', Pending: '{0}: request pending', HasAccess: 'You have access — open', Configure: 'Choose an access package in the web part settings.', InvalidPackage: 'This button points to an access package that doesn\'t exist or isn\'t available to you.' },
    Placeholder: { Coming: '{0} will appear here.' },
    PropertyPane: { PickerFailed: 'The access packages you can request could not be loaded. {0}', CheckFailed: 'The access package could not be checked. {0}' }
  };
});
