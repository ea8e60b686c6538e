define([], function () {
  return {
    Common: {
      Loading: 'Wird geladen…', Retry: 'Erneut versuchen', Close: 'Schließen', Cancel: 'Abbrechen', OpenInMyAccess: 'In My Access öffnen', Open: 'Öffnen',
      Search: 'Suchen', SortBy: 'Sortieren nach', SortName: 'Name', SortStatus: 'Status', Layout: 'Layout', LayoutList: 'Liste', LayoutCards: 'Karten',
      NoDescription: 'Keine Beschreibung.', ErrorBoundary: 'Beim Anzeigen dieses Seitenbereichs ist ein Fehler aufgetreten.', Dismiss: 'Schließen',
      Busy: 'Microsoft 365 ist ausgelastet. Wir versuchen es weiter…', CorrelationId: 'Korrelations-ID: {0}', CopyLink: 'Link kopieren', LinkCopied: 'Link kopiert.'
    },
    Status: {
      Available: 'Sie können diesen Zugriff anfordern', Pending: 'Anfrage ausstehend', PendingSince: 'Anfrage ausstehend seit {0}', PendingStage: 'Anfrage ausstehend: Stufe {0} von {1}',
      HasAccess: 'Sie haben Zugriff', HasAccessUntil: 'Sie haben Zugriff bis {0}', Expired: 'Ihr Zugriff ist am {0} abgelaufen',
      Denied: 'Ihre letzte Anfrage wurde abgelehnt', Delivering: 'Der Zugriff wird eingerichtet', RequestAgain: 'Erneut anfordern', ViewDetails: 'Details anzeigen',
      Request: 'Zugriff anfordern', ViewRequest: 'Anfrage anzeigen', Approvers: 'Wartet auf: {0}'
    },
    Grants: { Heading: 'Das erhalten Sie', Unknown: 'Der Inhalt dieses Zugriffspakets konnte nicht gelesen werden.', More: { one: '+{0} weiteres', other: '+{0} weitere' } },
    Suggestions: {
      Title: 'Vorschläge für Sie', Hint: 'Aus den Personen, mit denen Sie zusammenarbeiten, und Ihrem eigenen Verlauf.',
      RelatedPeople: { one: '{0} Person, mit der Sie zusammenarbeiten, hat dies', other: '{0} Personen, mit denen Sie zusammenarbeiten, haben dies' },
      History: { one: 'Ihnen bereits {0}-mal zugewiesen, zuletzt am {1}', other: 'Ihnen bereits {0}-mal zugewiesen, zuletzt am {1}' },
      HistoryNoDate: { one: 'Ihnen bereits {0}-mal zugewiesen', other: 'Ihnen bereits {0}-mal zugewiesen' },
      Request: 'Anfordern'
    },
    Steps: {
      Waiting: 'Wartet auf einen automatisierten Schritt', WaitingSince: 'Wartet seit {0} auf einen automatisierten Schritt',
      Failed: 'Ein automatisierter Schritt dieser Anfrage ist fehlgeschlagen. Fragen Sie den Besitzer des Pakets oder öffnen Sie sie in My Access.',
      VerifiedId: 'Dieser Zugriff erfordert einen Verified ID-Nachweis, den Sie in My Access vorlegen. Er kann hier nicht angefordert werden.',
      VerifiedIdLink: 'In My Access anfordern'
    },
    Catalog: {
      EmptySite: 'Es gibt keine Zugriffspakete, die Zugriff auf diese Website gewähren.',
      EmptySiteHint: 'Fragen Sie den Websitebesitzer, welchen Zugriff Sie benötigen, oder durchsuchen Sie alle Zugriffspakete in My Access.',
      EmptyAll: 'Es gibt keine Zugriffspakete, die Sie anfordern können.',
      EmptyAllHint: 'Wenn Sie Zugriff auf etwas benötigen, wenden Sie sich an den jeweiligen Besitzer oder an Ihre Führungskraft.',
      NoMatch: 'Keine Treffer für „{0}“.', NoMatchHint: 'Versuchen Sie es mit einem anderen Begriff oder löschen Sie die Suche.',
      Count: { one: '{0} Zugriffspaket', other: '{0} Zugriffspakete' }, SearchPlaceholder: 'Nach Name, Beschreibung oder gewährtem Zugriff suchen',
      HiddenOwned: 'Bereits vorhandenen Zugriff anzeigen',
      StillLooking: 'Weitere Pakete werden durchsucht …',
      Incomplete: 'Einige Pakete konnten nicht geprüft werden; weitere könnten hier Zugriff geben.'
    },
    Panel: {
      Title: 'Zugriff anfordern', Loading: 'Voraussetzungen für diesen Zugriff werden geladen…',
      PolicyHeading: 'Wie möchten Sie den Zugriff anfordern?', PolicyHint: 'Für Sie gelten mehrere Möglichkeiten. Jede hat ihre eigene Genehmigung und Dauer.',
      Approval: 'Genehmigung: {0}', NoApproval: 'Keine Genehmigung erforderlich: Der Zugriff wird sofort gewährt.',
      Lasts: 'Zugriffsdauer: {0}', LastsNever: 'bis zur Entfernung', LastsUntil: 'bis {0}', LastsDays: { one: '{0} Tag', other: '{0} Tage' }, LastsHours: { one: '{0} Stunde', other: '{0} Stunden' }, LastsUnknown: 'gemäß Richtlinie',
      JustificationRequired: 'Eine geschäftliche Begründung ist erforderlich.', Justification: 'Geschäftliche Begründung', JustificationOptional: 'Geschäftliche Begründung (optional)',
      JustificationPlaceholder: 'Warum benötigen Sie diesen Zugriff?',
      QuestionsHeading: 'Fragen', ChooseOne: 'Antwort auswählen',
      DatesHeading: 'Wann benötigen Sie den Zugriff?', StartDate: 'Startdatum', EndDate: 'Enddatum', DatesHint: 'Leer lassen, um sofort für die volle Dauer zu beginnen. Spätestes Ende: {0}.', ClearDates: 'Datumsangaben löschen',
      Submit: 'Anfrage senden', Submitting: 'Wird gesendet…',
      NotRequestable: 'Sie können dieses Zugriffspaket nicht anfordern. Wenden Sie sich an den Besitzer, wenn Sie es benötigen.',
      NotFound: 'Es gibt kein Zugriffspaket mit dieser ID, das Sie anfordern können.', InvalidId: '„{0}“ ist keine gültige Zugriffspaket-ID.',
      NoPolicies: 'Keine Richtlinie erlaubt Ihnen, dieses Zugriffspaket anzufordern.',
      SubmittedPending: 'Ihre Anfrage wurde gesendet und wartet auf Genehmigung.', PendingWith: 'Wartet auf {0}.',
      StageOf: 'Stufe {0} von {1}: {2}', StageNumber: 'Stufe {0} von {1}', StageWaiting: 'ausstehend', StageApproved: 'genehmigt', StageDenied: 'abgelehnt',
      YourManager: 'Ihre Führungskraft ({0})', YourSponsor: 'Ihr Sponsor, {0}, genehmigt.', YourSponsors: 'Ihre Sponsoren genehmigen: {0}.', ApproverHidden: 'Wer genehmigt, wird für diese Anfrage nicht angezeigt.', Delivering: 'Genehmigt. Ihr Zugriff wird eingerichtet…', Delivered: 'Fertig: Sie haben Zugriff.',
      DeliveredLink: '{0} öffnen', DeliveryTakesLong: 'Dies dauert länger als üblich. Sie können diesen Bereich schließen; Ihre Anfrage wird weiter bearbeitet.',
      Denied: 'Ihre Anfrage wurde abgelehnt.', Canceled: 'Ihre Anfrage wurde abgebrochen.',
      AlreadyHave: 'Sie haben diesen Zugriff bereits{0}.', AlreadyPending: 'Sie haben für diesen Zugriff bereits eine ausstehende Anfrage.',
      CancelRequest: 'Anfrage abbrechen', CancelConfirm: 'Ihre Anfrage für diesen Zugriff abbrechen? Sie müssten ihn erneut anfordern.', CancelConfirmYes: 'Ja, abbrechen', CancelConfirmNo: 'Anfrage behalten', Cancelling: 'Wird abgebrochen…', RequestCancelled: 'Anfrage abgebrochen.',
      FieldErrorsSummary: 'Überprüfen Sie die markierten Felder.',
      AlreadyHaveUntil: 'Sie haben diesen Zugriff bereits bis {0}.', ApprovalRequired: 'Eine Genehmigung ist erforderlich.',
      JustificationNotRequired: 'Keine Begründung erforderlich.', CharacterCount: { one: '{1} von {0} Zeichen', other: '{1} von {0} Zeichen' },
      StageLine: '{0} — {1}', DeliveryFailed: 'Ihr Zugriff konnte nicht eingerichtet werden. Öffnen Sie die Anfrage in My Access oder bitten Sie um Hilfe.',
      Scheduled: 'Ihr Zugriff beginnt planmäßig am {0}.', RequestedOn: 'Angefordert am {0}.',
      AnswerUnchecked: 'Das Format dieser Antwort konnte hier nicht geprüft werden; Microsoft Entra prüft es beim Senden der Anforderung.'
    },
    Validation: {
      policyRequired: 'Wählen Sie aus, wie Sie diesen Zugriff anfordern möchten.', justificationRequired: 'Geben Sie eine geschäftliche Begründung ein.',
      justificationTooLong: { one: 'Die Begründung muss kürzer als {0} Zeichen sein.', other: 'Die Begründung muss kürzer als {0} Zeichen sein.' }, answerRequired: 'Diese Antwort ist erforderlich.',
      answerPattern: 'Diese Antwort hat nicht das erwartete Format ({0}).', answerInvalidChoice: 'Wählen Sie eine der aufgeführten Antworten aus.',
      startInPast: 'Das Startdatum darf nicht in der Vergangenheit liegen.', endBeforeStart: 'Das Enddatum muss nach dem Startdatum liegen.',
      endAfterMax: 'Das Enddatum darf nicht nach dem {0} liegen.', dateInvalid: 'Geben Sie ein gültiges Datum ein.',
      scheduleNotAllowed: 'Bei dieser Richtlinie können Sie keinen Zeitraum auswählen.'
    },
    Errors: {
      unauthorized: 'Ihre Anmeldung ist abgelaufen. Laden Sie die Seite neu und versuchen Sie es erneut.',
      forbidden: 'Sie haben keine Berechtigung für diese Aktion.',
      notFound: 'Dieses Element ist nicht mehr vorhanden.',
      throttled: 'Der Dienst ist ausgelastet. Warten Sie einen Moment und versuchen Sie es erneut.',
      conflict: 'Jemand anderes hat dies gleichzeitig geändert. Laden Sie die Seite neu, um den aktuellen Stand zu sehen.',
      offline: 'Der Dienst ist nicht erreichbar. Überprüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
      validation: 'Der Dienst hat die Anfrage nicht akzeptiert: {0}',
      alreadyAssigned: 'Sie haben diesen Zugriff bereits.',
      openRequestExists: 'Sie haben für diesen Zugriff bereits eine ausstehende Anfrage.',
      notAllowed: 'Die ausgewählte Richtlinie erlaubt Ihnen nicht, diesen Zugriff anzufordern.',
      notCancellable: 'Diese Anfrage kann nicht mehr abgebrochen werden.',
      noLicense: 'Die Lizenz Ihrer Organisation umfasst keine Zugriffspakete.',
      server: 'Beim Dienst ist ein Problem aufgetreten. Versuchen Sie es in Kürze erneut.',
      unknown: 'Ein Fehler ist aufgetreten: {0}'
    },
    DatePicker: {
      goToToday: 'Zu heute wechseln', prevMonthAriaLabel: 'Vorheriger Monat', nextMonthAriaLabel: 'Nächster Monat', prevYearAriaLabel: 'Vorheriges Jahr', nextYearAriaLabel: 'Nächstes Jahr', closeButtonAriaLabel: 'Datumsauswahl schließen', isRequiredErrorMessage: 'Geben Sie ein Datum ein.', invalidInputErrorMessage: 'Geben Sie ein gültiges Datum ein.'
    },
    Button: { Request: 'Zugriff anfordern', Pending: '{0}: Anfrage ausstehend', HasAccess: 'Sie haben Zugriff – öffnen', Configure: 'Wählen Sie in den Webpart-Einstellungen ein Zugriffspaket aus.', InvalidPackage: 'Diese Schaltfläche verweist auf ein Zugriffspaket, das nicht existiert oder für Sie nicht verfügbar ist.' },
    Placeholder: { Coming: '{0} wird hier angezeigt.' },
    PropertyPane: { PickerFailed: 'Die Zugriffspakete, die Sie anfordern können, konnten nicht geladen werden. {0}', CheckFailed: 'Das Zugriffspaket konnte nicht geprüft werden. {0}' }
  };
});
