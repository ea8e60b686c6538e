define([], function () {
  return {
    PropertyPaneDescription: "Un bouton qui ouvre la demande pour un package d’accès.",
    BasicGroupName: "Paramètres",
    PickFieldLabel: "Choisir un package d’accès que vous pouvez demander",
    PackageFieldLabel: "Package d’accès (ID ou lien My Access)",
    PackageFieldDescription: "Collez l’ID ou le lien My Access du package.",
    PackageFieldChecked: "Trouvé :",
    PackageInvalid: "Ce n’est ni un ID de package d’accès ni un lien My Access.",
    PackageNotFound: "Aucun package d’accès avec cet ID ne vous est disponible.",
    LabelFieldLabel: "Libellé du bouton",
    AppearanceFieldLabel: "Apparence",
    AppearancePrimary: "Bouton principal",
    AppearanceDefault: "Bouton standard",
    AppearanceLink: "Lien"
  };
});
