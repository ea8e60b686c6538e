define([], function () {
  return {
    PropertyPaneDescription: "A button that opens the request for one access package.",
    BasicGroupName: "Settings",
    PickFieldLabel: "Choose an access package you can request",
    PackageFieldLabel: "Access package (id or My Access link)",
    PackageFieldDescription: "Paste the id or the My Access link of the package.",
    PackageFieldChecked: "Found:",
    PackageInvalid: "This is neither an access package id nor a My Access link.",
    PackageNotFound: "No access package with this id is available to you.",
    LabelFieldLabel: "Button label",
    AppearanceFieldLabel: "Appearance",
    AppearancePrimary: "Primary button",
    AppearanceDefault: "Standard button",
    AppearanceLink: "Link"
  };
});
