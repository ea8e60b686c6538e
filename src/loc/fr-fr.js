define([], function () {
  return {
    Common: {
      Loading: 'Chargement…', Retry: 'Réessayer', Close: 'Fermer', Cancel: 'Annuler', OpenInMyAccess: 'Ouvrir dans My Access', Open: 'Ouvrir',
      Search: 'Rechercher', SortBy: 'Trier par', SortName: 'Nom', SortStatus: 'Statut', Layout: 'Disposition', LayoutList: 'Liste', LayoutCards: 'Cartes',
      NoDescription: 'Aucune description.', ErrorBoundary: 'Un problème est survenu lors de l\'affichage de cette partie de la page.', Dismiss: 'Ignorer',
      Busy: 'Microsoft 365 est occupé. Nouvelle tentative en cours…', CorrelationId: 'ID de corrélation : {0}', CopyLink: 'Copier le lien', LinkCopied: 'Lien copié.'
    },
    Status: {
      Available: 'Vous pouvez demander cet accès', Pending: 'Demande en attente', PendingSince: 'Demande en attente depuis le {0}', PendingStage: 'Demande en attente : étape {0} sur {1}',
      HasAccess: 'Vous avez accès', HasAccessUntil: 'Vous avez accès jusqu\'au {0}', Expired: 'Votre accès a expiré le {0}',
      Denied: 'Votre dernière demande a été refusée', Delivering: 'Votre accès est en cours de configuration', RequestAgain: 'Demander à nouveau', ViewDetails: 'Voir les détails',
      Request: 'Demander l\'accès', ViewRequest: 'Voir la demande', Approvers: 'En attente de : {0}'
    },
    Grants: { Heading: 'Ce que vous obtenez', Unknown: 'Impossible de lire le contenu de ce package d\'accès.', More: { one: '+{0} autre', many: '+{0} d\'autres', other: '+{0} autres' } },
    Suggestions: {
      Title: 'Suggestions pour vous', Hint: 'D’après les personnes avec qui vous travaillez et votre propre historique.',
      RelatedPeople: { one: '{0} personne avec qui vous travaillez a cet accès', many: '{0} de personnes avec qui vous travaillez ont cet accès', other: '{0} personnes avec qui vous travaillez ont cet accès' },
      History: { one: 'Attribué {0} fois auparavant, la dernière le {1}', many: 'Attribué {0} de fois auparavant, la dernière le {1}', other: 'Attribué {0} fois auparavant, la dernière le {1}' },
      HistoryNoDate: { one: 'Attribué {0} fois auparavant', many: 'Attribué {0} de fois auparavant', other: 'Attribué {0} fois auparavant' },
      Request: 'Demander'
    },
    Steps: {
      Waiting: 'En attente d\'une étape automatisée', WaitingSince: 'En attente d\'une étape automatisée depuis le {0}',
      Failed: 'Une étape automatisée de cette demande a échoué. Adressez-vous au propriétaire du package ou ouvrez-la dans My Access.',
      VerifiedId: 'Cet accès exige un justificatif Verified ID, à présenter dans My Access. Il ne peut pas être demandé ici.',
      VerifiedIdLink: 'Le demander dans My Access'
    },
    Catalog: {
      EmptySite: 'Aucun package d\'accès ne donne accès à ce site.',
      EmptySiteHint: 'Demandez au propriétaire du site de quel accès vous avez besoin, ou parcourez tous les packages d\'accès dans My Access.',
      EmptyAll: 'Il n\'y a aucun package d\'accès que vous pouvez demander.',
      EmptyAllHint: 'Si vous avez besoin d\'accéder à une ressource, adressez-vous à son propriétaire ou à votre responsable.',
      NoMatch: 'Aucun résultat pour « {0} ».', NoMatchHint: 'Essayez un autre mot ou effacez la recherche.',
      Count: { one: '{0} package d\'accès', many: '{0} de packages d\'accès', other: '{0} packages d\'accès' }, SearchPlaceholder: 'Rechercher par nom, description ou accès accordé',
      HiddenOwned: 'Afficher les accès dont je dispose déjà',
      StillLooking: 'Recherche d’autres packages en cours…',
      Incomplete: 'Certains packages n’ont pas pu être vérifiés : d’autres pourraient donner accès ici.'
    },
    Panel: {
      Title: 'Demander l\'accès', Loading: 'Chargement des conditions requises pour cet accès…',
      PolicyHeading: 'Comment souhaitez-vous en faire la demande ?', PolicyHint: 'Plusieurs options s\'appliquent à vous. Chacune a sa propre approbation et sa propre durée.',
      Approval: 'Approbation : {0}', NoApproval: 'Aucune approbation requise : l\'accès est accordé immédiatement.',
      Lasts: 'Durée de l\'accès : {0}', LastsNever: 'jusqu\'à sa suppression', LastsUntil: 'jusqu\'au {0}', LastsDays: { one: '{0} jour', many: '{0} de jours', other: '{0} jours' }, LastsHours: { one: '{0} heure', many: '{0} d\'heures', other: '{0} heures' }, LastsUnknown: 'selon la stratégie',
      JustificationRequired: 'Une justification métier est requise.', Justification: 'Justification métier', JustificationOptional: 'Justification métier (facultatif)',
      JustificationPlaceholder: 'Pourquoi avez-vous besoin de cet accès ?',
      QuestionsHeading: 'Questions', ChooseOne: 'Choisissez une réponse',
      DatesHeading: 'Quand en avez-vous besoin ?', StartDate: 'Date de début', EndDate: 'Date de fin', DatesHint: 'Laissez vide pour commencer maintenant, pour toute la durée. Fin au plus tard : {0}.', ClearDates: 'Effacer les dates',
      Submit: 'Envoyer la demande', Submitting: 'Envoi en cours…',
      NotRequestable: 'Vous ne pouvez pas demander ce package d\'accès. Adressez-vous à son propriétaire si vous en avez besoin.',
      NotFound: 'Il n\'existe aucun package d\'accès avec cet ID que vous pouvez demander.', InvalidId: '« {0} » n\'est pas un ID de package d\'accès valide.',
      NoPolicies: 'Aucune stratégie ne vous permet de demander ce package d\'accès.',
      SubmittedPending: 'Votre demande a été envoyée et est en attente d\'approbation.', PendingWith: 'En attente de {0}.',
      StageOf: 'Étape {0} sur {1} : {2}', StageNumber: 'Étape {0} sur {1}', StageWaiting: 'en attente', StageApproved: 'approuvée', StageDenied: 'refusée',
      YourManager: 'votre responsable ({0})', YourSponsor: 'Votre sponsor, {0}, approuve.', YourSponsors: 'Vos sponsors approuvent : {0}.', ApproverHidden: 'L\'approbateur n\'est pas affiché pour cette demande.', Delivering: 'Approuvée. Configuration de votre accès…', Delivered: 'Terminé : vous avez accès.',
      DeliveredLink: 'Ouvrir {0}', DeliveryTakesLong: 'L\'opération prend plus de temps que d\'habitude. Vous pouvez fermer ce volet ; votre demande continue d\'être traitée.',
      Denied: 'Votre demande a été refusée.', Canceled: 'Votre demande a été annulée.',
      AlreadyHave: 'Vous disposez déjà de cet accès{0}.', AlreadyPending: 'Vous avez déjà une demande en attente pour cet accès.',
      CancelRequest: 'Annuler la demande', CancelConfirm: 'Annuler votre demande pour cet accès ? Vous devrez le demander à nouveau.', CancelConfirmYes: 'Oui, l\'annuler', CancelConfirmNo: 'Conserver la demande', Cancelling: 'Annulation…', RequestCancelled: 'Demande annulée.',
      FieldErrorsSummary: 'Vérifiez les champs en surbrillance.',
      AlreadyHaveUntil: 'Vous disposez déjà de cet accès jusqu\'au {0}.', ApprovalRequired: 'Une approbation est requise.',
      JustificationNotRequired: 'Aucune justification n\'est nécessaire.', CharacterCount: { one: '{1} sur {0} caractère', many: '{1} sur {0} de caractères', other: '{1} sur {0} caractères' },
      StageLine: '{0} — {1}', DeliveryFailed: 'Votre accès n\'a pas pu être configuré. Ouvrez la demande dans My Access ou demandez de l\'aide.',
      Scheduled: 'Votre accès doit commencer le {0}.', RequestedOn: 'Demande envoyée le {0}.',
      AnswerUnchecked: 'Le format de cette réponse n\'a pas pu être vérifié ici ; Microsoft Entra le vérifie à l\'envoi de la demande.'
    },
    Validation: {
      policyRequired: 'Choisissez comment vous souhaitez demander cet accès.', justificationRequired: 'Saisissez une justification métier.',
      justificationTooLong: { one: 'La justification doit comporter moins de {0} caractère.', many: 'La justification doit comporter moins de {0} de caractères.', other: 'La justification doit comporter moins de {0} caractères.' }, answerRequired: 'Cette réponse est obligatoire.',
      answerPattern: 'Cette réponse n\'a pas le format attendu ({0}).', answerInvalidChoice: 'Choisissez l\'une des réponses proposées.',
      startInPast: 'La date de début ne peut pas être dans le passé.', endBeforeStart: 'La date de fin doit être postérieure à la date de début.',
      endAfterMax: 'La date de fin ne peut pas être postérieure au {0}.', dateInvalid: 'Saisissez une date valide.',
      scheduleNotAllowed: 'Cette stratégie ne vous permet pas de choisir des dates.'
    },
    Errors: {
      unauthorized: 'Votre session a expiré. Rechargez la page et réessayez.',
      forbidden: 'Vous n\'avez pas l\'autorisation d\'effectuer cette action.',
      notFound: 'Cet élément n\'existe plus.',
      throttled: 'Le service est occupé. Patientez un instant, puis réessayez.',
      conflict: 'Quelqu\'un d\'autre a modifié cet élément en même temps. Rechargez la page pour voir la dernière version.',
      offline: 'Impossible de joindre le service. Vérifiez votre connexion et réessayez.',
      validation: 'Le service n\'a pas accepté la demande : {0}',
      alreadyAssigned: 'Vous disposez déjà de cet accès.',
      openRequestExists: 'Vous avez déjà une demande en attente pour cet accès.',
      notAllowed: 'La stratégie choisie ne vous permet pas de demander cet accès.',
      notCancellable: 'Cette demande ne peut plus être annulée.',
      noLicense: 'La licence de votre organisation n\'inclut pas les packages d\'accès.',
      server: 'Le service a rencontré un problème. Réessayez dans un instant.',
      unknown: 'Un problème est survenu : {0}'
    },
    DatePicker: {
      goToToday: 'Aller à aujourd\'hui', prevMonthAriaLabel: 'Mois précédent', nextMonthAriaLabel: 'Mois suivant', prevYearAriaLabel: 'Année précédente', nextYearAriaLabel: 'Année suivante', closeButtonAriaLabel: 'Fermer le sélecteur de date', isRequiredErrorMessage: 'Saisissez une date.', invalidInputErrorMessage: 'Saisissez une date valide.'
    },
    Button: { Request: 'Demander l\'accès', Pending: '{0} : demande en attente', HasAccess: 'Vous avez accès — ouvrir', Configure: 'Choisissez un package d\'accès dans les paramètres du composant WebPart.', InvalidPackage: 'Ce bouton pointe vers un package d\'accès qui n\'existe pas ou qui n\'est pas disponible pour vous.' },
    Placeholder: { Coming: '{0} apparaîtra ici.' },
    PropertyPane: { PickerFailed: 'Les packages d\'accès que vous pouvez demander n\'ont pas pu être chargés. {0}', CheckFailed: 'Le package d\'accès n\'a pas pu être vérifié. {0}' }
  };
});
