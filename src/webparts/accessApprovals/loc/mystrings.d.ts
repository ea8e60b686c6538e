declare interface IAccessApprovalsWebPartStrings {
  PropertyPaneDescription: string;
  BasicGroupName: string;
  TitleFieldLabel: string;
}

declare module 'AccessApprovalsWebPartStrings' {
  const strings: IAccessApprovalsWebPartStrings;
  export = strings;
}
