define([], function () {
  return {
    Title: 'Invitation d’accès',
    Region: 'Avis d’accès au site',
    Expiring: { one: 'Votre accès à {1} via {2} prend fin dans {0} jour, le {3}.', many: 'Votre accès à {1} via {2} prend fin dans {0} jours, le {3}.', other: 'Votre accès à {1} via {2} prend fin dans {0} jours, le {3}.' },
    ExpiringToday: 'Votre accès à {0} via {1} prend fin aujourd’hui, le {2}.',
    Extend: 'Prolonger',
    ExtendJustification: 'Pourquoi en avez-vous besoin plus longtemps ?',
    ExtendConfirm: 'Prolonger maintenant',
    Extending: 'Prolongation…',
    Extended: 'Prolongé. Votre accès prend désormais fin le {0}.',
    ExtendedNoEnd: 'Prolongé.',
    ExtendPending: 'Prolongation demandée ; en attente d’approbation.',
    ExtendFailed: 'La prolongation n’a pas été accordée.',
    Pending: 'Votre demande pour {0} : en attente de {1}.',
    PendingNoApprover: 'Votre demande pour {0} : en attente d’approbation.',
    Details: 'Détails',
    OfferVisitorMember: 'Vous pouvez consulter ce site. Demandez {0} pour y contribuer.',
    OfferVisitorOwner: 'Vous pouvez consulter ce site. Demandez {0} pour le gérer.',
    OfferMemberOwner: 'Vous pouvez contribuer à ce site. Demandez {0} pour le gérer.',
    OfferNone: 'Demandez {0} pour accéder à ce site.',
    Request: 'Demander',
    Dismiss: 'Masquer',
    Close: 'Fermer'
  };
});
