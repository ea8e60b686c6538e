define([], function () {
  return {
    Title: 'Invitation d’accès',
    Region: 'Avis d’accès au site',
    Expiring: 'Votre accès à {0} via {1} prend fin le {2}.',
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
