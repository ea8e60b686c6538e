define([], function () {
  return {
    PropertyPaneDescription: 'Liste les packages d’accès que les personnes peuvent demander.',
    BasicGroupName: 'Paramètres',
    TitleFieldLabel: 'Titre',
    ScopeFieldLabel: 'Quels packages d’accès',
    ScopeCurrentSite: 'Ceux qui donnent accès à ce site',
    ScopeAll: 'Tous ceux que la personne peut demander',
    ScopeSelected: 'Uniquement ceux que je choisis',
    PackageIdsFieldLabel: 'Packages d’accès (un ID ou un lien My Access par ligne)',
    PackageIdsFieldDescription: 'Utilisé lorsque « Uniquement ceux que je choisis » est sélectionné.',
    AddPackageFieldLabel: 'Ajouter un package d’accès que vous pouvez demander',
    PackageIdsChosen: 'Choisis :',
    LayoutFieldLabel: 'Disposition',
    LayoutList: 'Liste',
    LayoutCards: 'Cartes',
    ShowOwnedFieldLabel: 'Afficher les packages d’accès que la personne possède déjà'
  };
});
