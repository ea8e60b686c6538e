/*
 * Stand-in for @microsoft/sp-property-pane (same component id and version). The published module needs about 15
 * SharePoint-internal bundles that npm does not ship, so it cannot load outside SharePoint. Pages here are in read
 * mode, where web parts only call these field factories when the pane opens, and the pane never opens: each factory
 * returns the field descriptor SharePoint's returns ({type, targetProperty, properties}), with its numeric types.
 */
define([], function () {
  'use strict';
  var FieldType = {
    Custom: 1, CheckBox: 2, TextField: 3, Toggle: 5, Dropdown: 6, Label: 7, Slider: 8, Heading: 9, ChoiceGroup: 10,
    Button: 11, HorizontalRule: 12, Link: 13, DynamicField: 14, DynamicFieldSet: 16
  };
  function field(type) {
    return function (targetProperty, properties) {
      return { type: type, targetProperty: targetProperty, properties: properties || {} };
    };
  }
  return {
    PropertyPaneFieldType: FieldType,
    PropertyPaneButtonType: { Normal: 0, Primary: 1, Hero: 2, Compound: 3, Command: 4, Icon: 5 },
    PropertyPaneCustomField: function (properties) { return { type: FieldType.Custom, targetProperty: properties.key, properties: properties }; },
    PropertyPaneCheckbox: field(FieldType.CheckBox),
    PropertyPaneTextField: field(FieldType.TextField),
    PropertyPaneToggle: field(FieldType.Toggle),
    PropertyPaneDropdown: field(FieldType.Dropdown),
    PropertyPaneLabel: field(FieldType.Label),
    PropertyPaneSlider: field(FieldType.Slider),
    PropertyPaneChoiceGroup: field(FieldType.ChoiceGroup),
    PropertyPaneButton: field(FieldType.Button),
    PropertyPaneLink: field(FieldType.Link),
    PropertyPaneHorizontalRule: function () { return { type: FieldType.HorizontalRule, targetProperty: undefined, properties: {} }; }
  };
});
