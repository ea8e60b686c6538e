import * as React from 'react';
import { IPropertyPaneConfiguration, PropertyPaneSlider, PropertyPaneTextField, PropertyPaneToggle } from '@microsoft/sp-property-pane';
import * as strings from 'AccessApprovalsWebPartStrings';
import { AccessHubWebPart } from '../AccessHubWebPart';
import { AccessApprovalsRoot, DEFAULT_PAGE_SIZE, IAccessApprovalsProperties } from './components/AccessApprovalsRoot';

export default class AccessApprovalsWebPart extends AccessHubWebPart<IAccessApprovalsProperties> {
  protected get rootComponent(): React.ComponentType<{ properties: IAccessApprovalsProperties }> {
    return AccessApprovalsRoot;
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [{
        header: { description: strings.PropertyPaneDescription },
        groups: [{
          groupName: strings.BasicGroupName,
          groupFields: [
            PropertyPaneTextField('title', { label: strings.TitleFieldLabel }),
            PropertyPaneToggle('includeAccessReviews', { label: strings.IncludeReviewsLabel, checked: this.properties.includeAccessReviews !== false }),
            PropertyPaneSlider('pageSize', { label: strings.PageSizeLabel, min: 5, max: 100, step: 5, value: this.properties.pageSize || DEFAULT_PAGE_SIZE })
          ]
        }]
      }]
    };
  }
}
