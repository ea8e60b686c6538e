import * as React from 'react';
import { ThemeProvider, PartialTheme, MessageBar, MessageBarType } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { IAccessHubServices } from '../services/IAccessHubServices';
import { ServicesProvider } from '../context/ServicesContext';
import { toAppError } from '../services/infrastructure/AppError';
import { reportError } from '../services/infrastructure/reportError';
import type { IHost } from '../core/host/host';
import { HostProvider } from '../context/HostContext';
import { readableTheme } from './readableTheme';

interface IBoundaryState { failed: boolean }

class ErrorBoundary extends React.Component<{}, IBoundaryState> {
  public state: IBoundaryState = { failed: false };
  public static getDerivedStateFromError(): IBoundaryState {
    return { failed: true };
  }
  /** A render error is a bug: logged once (reportError), with the component stack React gives. */
  public componentDidCatch(error: Error, info: React.ErrorInfo): void {
    toAppError(error).then(
      appError => {
        if (info && info.componentStack && appError.stack && appError.stack.indexOf(info.componentStack) < 0) {
          appError.stack = `${appError.stack}\nComponent stack:${info.componentStack}`;
        }
        reportError('AccessHub.render', appError);
      },
      () => undefined // toAppError does not reject; nothing more to log if it did
    );
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
  /** Where the web part runs (core/host/host.ts); without one, a SharePoint page. */
  host?: IHost;
  /** In Teams, what follows Teams' theme instead of `theme` (host/TeamsThemeRoot, loaded only in Teams). */
  teamsRoot?: React.ComponentType<{ host: IHost }>;
}

/** Every web part's root: Fluent theme, host and services contexts and an error boundary. */
export const AppRoot: React.FC<IAppRootProps> = ({ services, theme, host, teamsRoot: TeamsRoot, children }) => {
  // The host's theme (a section's variant), with any text slot unreadable on its background made readable.
  const readable = React.useMemo(() => readableTheme(theme), [theme]);
  const content = (
    <ServicesProvider value={services}>
      <ErrorBoundary>{children}</ErrorBoundary>
    </ServicesProvider>
  );
  if (!host) return <ThemeProvider theme={readable}>{content}</ThemeProvider>;
  return (
    <HostProvider value={host}>
      {host.inTeams && TeamsRoot ? <TeamsRoot host={host}>{content}</TeamsRoot> : <ThemeProvider theme={readable}>{content}</ThemeProvider>}
    </HostProvider>
  );
};
