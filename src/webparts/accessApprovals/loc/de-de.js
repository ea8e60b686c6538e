define([], function () {
  return {
    PropertyPaneDescription: "Anfragen und Zugriffsüberprüfungen, die auf Ihre Entscheidung warten.",
    BasicGroupName: "Einstellungen",
    TitleFieldLabel: "Titel"
  };
});
