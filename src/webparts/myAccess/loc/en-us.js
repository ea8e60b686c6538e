define([], function () {
  return {
    PropertyPaneDescription: "Your access packages: what you have, when it ends, and your requests.",
    BasicGroupName: "Settings",
    TitleFieldLabel: "Title"
  };
});
