/* eslint-disable @typescript-eslint/no-explicit-any */
export interface IPropertyPaneConfiguration { pages: any[] }
const field = (type: string) => (targetProperty: string, properties: any = {}): any => ({ type, targetProperty, properties });
export const PropertyPaneTextField = field('TextField');
export const PropertyPaneChoiceGroup = field('ChoiceGroup');
export const PropertyPaneToggle = field('Toggle');
export const PropertyPaneDropdown = field('Dropdown');
export const PropertyPaneSlider = field('Slider');
export const PropertyPaneLabel = field('Label');
export const PropertyPaneButton = field('Button');
export enum PropertyPaneButtonType { Normal = 0, Primary = 1, Hero = 2, Compound = 3, Command = 4, Icon = 5 }
export interface IPropertyPaneField<T> { type: string; targetProperty: string; properties: T }
