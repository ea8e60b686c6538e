/* eslint-disable @typescript-eslint/no-explicit-any */
export interface IPropertyPaneConfiguration { pages: any[] }
const field = (type: string) => (targetProperty: string, properties: any = {}): any => ({ type, targetProperty, properties });
export const PropertyPaneTextField = field('TextField');
export const PropertyPaneChoiceGroup = field('ChoiceGroup');
export const PropertyPaneToggle = field('Toggle');
export const PropertyPaneDropdown = field('Dropdown');
export const PropertyPaneSlider = field('Slider');
