import type * as React from 'react';
import { IPropertyPaneConfiguration, PropertyPaneSlider, PropertyPaneTextField, PropertyPaneToggle } from '@microsoft/sp-property-pane';
import * as strings from 'AccessApprovalsWebPartStrings';
import { AccessHubWebPart } from '../AccessHubWebPart';
import type { WebPartUiModule } from '../webPartUi';
import type { IAccessApprovalsProperties } from './components/AccessApprovalsRoot';
import { DEFAULT_PAGE_SIZE } from './settings';

export default class AccessApprovalsWebPart extends AccessHubWebPart<IAccessApprovalsProperties> {
  protected rootOf(ui: WebPartUiModule): React.ComponentType<{ properties: IAccessApprovalsProperties }> {
    return ui.ROOTS.AccessApprovals;
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
