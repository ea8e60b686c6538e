define([], function () {
  return {
    Title: 'Zugriffshinweis',
    Region: 'Hinweis zum Websitezugriff',
    Expiring: { one: 'Ihr Zugriff auf {1} über {2} endet in {0} Tag, am {3}.', other: 'Ihr Zugriff auf {1} über {2} endet in {0} Tagen, am {3}.' },
    ExpiringToday: 'Ihr Zugriff auf {0} über {1} endet heute, am {2}.',
    Extend: 'Verlängern',
    ExtendJustification: 'Warum benötigen Sie den Zugriff länger?',
    ExtendConfirm: 'Jetzt verlängern',
    Extending: 'Wird verlängert…',
    Extended: 'Verlängert. Ihr Zugriff endet jetzt am {0}.',
    ExtendedNoEnd: 'Verlängert.',
    ExtendPending: 'Verlängerung beantragt; sie wartet auf Genehmigung.',
    ExtendFailed: 'Die Verlängerung wurde nicht gewährt.',
    Pending: 'Ihre Anfrage für {0}: wartet auf {1}.',
    PendingNoApprover: 'Ihre Anfrage für {0}: wartet auf Genehmigung.',
    Details: 'Details anzeigen',
    OfferVisitorMember: 'Sie können diese Website ansehen. Beantragen Sie {0}, um mitzuarbeiten.',
    OfferVisitorOwner: 'Sie können diese Website ansehen. Beantragen Sie {0}, um sie zu verwalten.',
    OfferMemberOwner: 'Sie können an dieser Website mitarbeiten. Beantragen Sie {0}, um sie zu verwalten.',
    OfferNone: 'Beantragen Sie {0}, um Zugriff auf diese Website zu erhalten.',
    Request: 'Beantragen',
    Dismiss: 'Ausblenden',
    Close: 'Schließen'
  };
});
