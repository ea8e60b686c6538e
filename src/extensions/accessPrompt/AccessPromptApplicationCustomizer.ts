import * as React from 'react';
import * as ReactDom from 'react-dom';
import { BaseApplicationCustomizer, PlaceholderContent, PlaceholderName } from '@microsoft/sp-application-base';
import { AppRoot } from '../../components/AppRoot';
import { createSpfxServices } from '../../services/createSpfxServices';
import { IAccessHubServices } from '../../services/interfaces';
import { AccessPromptRoot } from './components/AccessPromptRoot';

export interface IAccessPromptApplicationCustomizerProperties {
  /** Optional: the package to offer on this site; otherwise the best package for the site is chosen. */
  accessPackageId?: string;
}

/** Claims the top placeholder and mounts the prompt; re-claims it when SharePoint re-creates placeholders. */
export default class AccessPromptApplicationCustomizer
  extends BaseApplicationCustomizer<IAccessPromptApplicationCustomizerProperties> {
  private _top: PlaceholderContent | undefined;
  private _services: IAccessHubServices | undefined;

  public async onInit(): Promise<void> {
    await super.onInit();
    this._services = createSpfxServices(this.context);
    this.context.placeholderProvider.changedEvent.add(this, this._render);
    this._render();
  }

  private _render(): void {
    if (this._top || !this._services) return;
    const top = this.context.placeholderProvider.tryCreateContent(PlaceholderName.Top, { onDispose: () => this._unmount() });
    if (!top) return;
    this._top = top;
    ReactDom.render(
      React.createElement(AppRoot, { services: this._services }, React.createElement(AccessPromptRoot, { properties: this.properties })),
      top.domElement
    );
  }

  private _unmount(): void {
    if (this._top) ReactDom.unmountComponentAtNode(this._top.domElement);
    this._top = undefined;
  }

  protected onDispose(): void {
    this._unmount();
  }
}
