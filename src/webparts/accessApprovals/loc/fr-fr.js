define([], function () {
  return {
    PropertyPaneDescription: "Demandes et révisions d’accès en attente de votre décision.",
    BasicGroupName: "Paramètres",
    TitleFieldLabel: "Titre"
  };
});
