declare interface IAccessRequestButtonWebPartStrings {
  PropertyPaneDescription: string;
  BasicGroupName: string;
  PickFieldLabel: string;
  PackageFieldLabel: string;
  PackageFieldDescription: string;
  PackageFieldChecked: string;
  PackageInvalid: string;
  PackageNotFound: string;
  LabelFieldLabel: string;
  AppearanceFieldLabel: string;
  AppearancePrimary: string;
  AppearanceDefault: string;
  AppearanceLink: string;
}

declare module 'AccessRequestButtonWebPartStrings' {
  const strings: IAccessRequestButtonWebPartStrings;
  export = strings;
}
