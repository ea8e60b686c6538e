import * as React from 'react';
import { IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import * as strings from 'AccessApprovalsWebPartStrings';
import { AccessHubWebPart } from '../AccessHubWebPart';
import { AccessApprovalsRoot, IAccessApprovalsProperties } from './components/AccessApprovalsRoot';

export default class AccessApprovalsWebPart extends AccessHubWebPart<IAccessApprovalsProperties> {
  protected get rootComponent(): React.ComponentType<{ properties: IAccessApprovalsProperties }> {
    return AccessApprovalsRoot;
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
