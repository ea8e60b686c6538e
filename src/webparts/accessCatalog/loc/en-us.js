define([], function () {
  return {
    PropertyPaneDescription: 'Lists the access packages people can request.',
    BasicGroupName: 'Settings',
    TitleFieldLabel: 'Title',
    ScopeFieldLabel: 'Which access packages',
    ScopeCurrentSite: 'Those that give access to this site',
    ScopeAll: 'All that the person may request',
    ScopeSelected: 'Only the ones I choose',
    PackageIdsFieldLabel: 'Access packages (one id or My Access link per line)',
    PackageIdsFieldDescription: 'Used when "Only the ones I choose" is selected.',
    AddPackageFieldLabel: 'Add an access package you can request',
    PackageIdsChosen: 'Chosen:',
    LayoutFieldLabel: 'Layout',
    LayoutList: 'List',
    LayoutCards: 'Cards',
    ShowOwnedFieldLabel: 'Show access packages the person already has'
  };
});
