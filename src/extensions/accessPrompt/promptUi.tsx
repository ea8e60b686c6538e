import * as React from 'react';
import * as ReactDom from 'react-dom';
import type { PartialTheme } from '@fluentui/react';
import { AppRoot } from '../../components/AppRoot';
import { IAccessHubServices } from '../../services/IAccessHubServices';
import { IPromptView } from '../../core/prompt/runPrompt';
import { AccessPromptRoot } from './components/AccessPromptRoot';
import { IThemeSource, useSharePointTheme } from './promptTheme';

export { timeZoneOf } from './promptText';

// The banner's chunk: loaded with dynamic import() only when there is something to show.

export interface IShowPromptOptions {
  target: HTMLElement;
  services: IAccessHubServices;
  view: IPromptView;
  siteTitle: string;
  theme?: PartialTheme;
  /** SharePoint's theme service: the banner follows its changes (promptTheme.tsx) instead of `theme`. */
  themeSource?: IThemeSource;
  /** The person's time zone for dates (timeZoneOf). */
  timeZone?: string;
  /** Escape or the close button: the host hides the banner for the page view (PromptMount). */
  onClose(): void;
}

/** The banner in SharePoint's theme, re-rendered when the theme changes; hidePrompt's unmount stops following it. */
const ThemedPrompt: React.FC<IShowPromptOptions> = o => {
  const theme = useSharePointTheme(o.themeSource, o.theme);
  return React.createElement(AppRoot, { services: o.services, theme },
    React.createElement(AccessPromptRoot, { view: o.view, siteTitle: o.siteTitle, timeZone: o.timeZone, onClose: o.onClose }));
};

/* eslint-disable @rushstack/pair-react-dom-render-unmount -- rendered into the customizer's placeholder; unmounted by hidePrompt, which PromptMount calls on close and hide */
export function showPrompt(o: IShowPromptOptions): void {
  ReactDom.render(React.createElement(ThemedPrompt, o), o.target);
}

export function hidePrompt(target: HTMLElement): void {
  ReactDom.unmountComponentAtNode(target);
}
