import * as React from 'react';
import { ThemeProvider, PartialTheme, MessageBar, MessageBarType } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { IAccessHubServices } from '../services/interfaces';
import { ServicesProvider } from '../context/ServicesContext';

interface IBoundaryState { failed: boolean }

class ErrorBoundary extends React.Component<{}, IBoundaryState> {
  public state: IBoundaryState = { failed: false };
  public static getDerivedStateFromError(): IBoundaryState {
    return { failed: true };
  }
  public render(): React.ReactNode {
    return this.state.failed
      ? <MessageBar messageBarType={MessageBarType.error}>{strings.Common.ErrorBoundary}</MessageBar>
      : this.props.children;
  }
}

export interface IAppRootProps {
  services: IAccessHubServices;
  theme?: PartialTheme;
}

/** Every web part's root: Fluent theme, services context and an error boundary. */
export const AppRoot: React.FC<IAppRootProps> = ({ services, theme, children }) => (
  <ThemeProvider theme={theme}>
    <ServicesProvider value={services}>
      <ErrorBoundary>{children}</ErrorBoundary>
    </ServicesProvider>
  </ThemeProvider>
);
