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
  LayoutFieldLabel: string;
  LayoutList: string;
  LayoutCards: string;
  ShowOwnedFieldLabel: string;
}

declare module 'AccessCatalogWebPartStrings' {
  const strings: IAccessCatalogWebPartStrings;
  export = strings;
}
