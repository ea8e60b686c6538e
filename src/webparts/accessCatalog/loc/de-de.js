define([], function () {
  return {
    PropertyPaneDescription: 'Listet die Zugriffspakete auf, die Personen anfordern können.',
    BasicGroupName: 'Einstellungen',
    TitleFieldLabel: 'Titel',
    ScopeFieldLabel: 'Welche Zugriffspakete',
    ScopeCurrentSite: 'Die Zugriff auf diese Website geben',
    ScopeAll: 'Alle, die die Person anfordern darf',
    ScopeSelected: 'Nur die von mir ausgewählten',
    PackageIdsFieldLabel: 'Zugriffspakete (eine ID oder ein My Access-Link pro Zeile)',
    PackageIdsFieldDescription: 'Wird verwendet, wenn „Nur die von mir ausgewählten“ gewählt ist.',
    AddPackageFieldLabel: 'Ein Zugriffspaket hinzufügen, das Sie anfordern können',
    PackageIdsChosen: 'Ausgewählt:',
    LayoutFieldLabel: 'Layout',
    LayoutList: 'Liste',
    LayoutCards: 'Karten',
    ShowOwnedFieldLabel: 'Zugriffspakete anzeigen, die die Person bereits hat'
  };
});
