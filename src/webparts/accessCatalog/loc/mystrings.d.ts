declare interface IAccessCatalogWebPartStrings {
  PropertyPaneDescription: string;
  BasicGroupName: string;
  TitleFieldLabel: string;
  ScopeFieldLabel: string;
  ScopeCurrentSite: string;
  ScopeAll: string;
  ScopeSelected: string;
  PackageIdsFieldLabel: string;
  PackageIdsFieldDescription: string;
  AddPackageFieldLabel: string;
  PackageIdsChosen: string;
  PackageIdsInvalid: string;
  LayoutFieldLabel: string;
  LayoutList: string;
  LayoutCards: string;
  ShowOwnedFieldLabel: string;
  ShowSuggestionsFieldLabel: string;
  ShowSuggestionsOn: string;
  ShowSuggestionsOff: string;
  MapGroupName: string;
  MapNone: string;
  MapStarting: string;
  MapScanning: string;
  MapMade: IPluralStrings;
  MapFind: string;
  MapRefresh: string;
  MapCancel: string;
  MapRemove: string;
  MapFailed: string;
  MapPackagesLabel: string;
  MapShared: string;
  MapNotShared: string;
}

declare module 'AccessCatalogWebPartStrings' {
  const strings: IAccessCatalogWebPartStrings;
  export = strings;
}
