declare interface IAccessPromptApplicationCustomizerStrings {
  Title: string;
}

declare module 'AccessPromptApplicationCustomizerStrings' {
  const strings: IAccessPromptApplicationCustomizerStrings;
  export = strings;
}
