define([], function () {
  return {
    PropertyPaneDescription: "Ihre Zugriffspakete: was Sie haben, wann es endet, und Ihre Anfragen.",
    BasicGroupName: "Einstellungen",
    TitleFieldLabel: "Titel"
  };
});
