define([], function () {
  return {
    PropertyPaneDescription: "Requests and access reviews waiting for your decision.",
    BasicGroupName: "Settings",
    TitleFieldLabel: "Title"
  };
});
