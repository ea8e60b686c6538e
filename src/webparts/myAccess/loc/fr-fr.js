define([], function () {
  return {
    PropertyPaneDescription: "Vos packages d’accès : ce que vous avez, quand cela se termine, et vos demandes.",
    BasicGroupName: "Paramètres",
    TitleFieldLabel: "Titre"
  };
});
