define([], function () {
  return {
    PropertyPaneDescription: "Eine Schaltfläche, die die Anfrage für ein Zugriffspaket öffnet.",
    BasicGroupName: "Einstellungen",
    PickFieldLabel: "Ein Zugriffspaket wählen, das Sie anfordern können",
    PackageFieldLabel: "Zugriffspaket (ID oder My Access-Link)",
    PackageFieldDescription: "Fügen Sie die ID oder den My Access-Link des Pakets ein.",
    PackageFieldChecked: "Gefunden:",
    PackageInvalid: "Dies ist weder eine Zugriffspaket-ID noch ein My Access-Link.",
    PackageNotFound: "Es ist kein Zugriffspaket mit dieser ID für Sie verfügbar.",
    LabelFieldLabel: "Beschriftung der Schaltfläche",
    AppearanceFieldLabel: "Darstellung",
    AppearancePrimary: "Primäre Schaltfläche",
    AppearanceDefault: "Standardschaltfläche",
    AppearanceLink: "Link"
  };
});
