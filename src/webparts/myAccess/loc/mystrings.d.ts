declare interface IMyAccessWebPartStrings {
  PropertyPaneDescription: string;
  BasicGroupName: string;
  TitleFieldLabel: string;
}

declare module 'MyAccessWebPartStrings' {
  const strings: IMyAccessWebPartStrings;
  export = strings;
}
