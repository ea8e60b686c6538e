import * as React from 'react';
import { IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import * as strings from 'MyAccessWebPartStrings';
import { AccessHubWebPart } from '../AccessHubWebPart';
import { MyAccessRoot, IMyAccessProperties } from './components/MyAccessRoot';

export default class MyAccessWebPart extends AccessHubWebPart<IMyAccessProperties> {
  protected get rootComponent(): React.ComponentType<{ properties: IMyAccessProperties }> {
    return MyAccessRoot;
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [{
        header: { description: strings.PropertyPaneDescription },
        groups: [{ groupName: strings.BasicGroupName, groupFields: [PropertyPaneTextField('title', { label: strings.TitleFieldLabel })] }]
      }]
    };
  }
}
