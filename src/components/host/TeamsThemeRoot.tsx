import * as React from 'react';
import { ThemeProvider } from '@fluentui/react';
import type { IHost } from '../../core/host/host';
import { teamsFluentTheme } from './teamsThemes';
import { CopyPackageLink } from './CopyPackageLink';
import { ShareProvider } from '../../context/HostContext';

/**
 * A web part in Teams: the Teams theme (not SharePoint's section theme), changed live when the person switches it,
 * and the whole tab filled with it; a package is shared with a Teams deep link (CopyPackageLink). A tab has no SharePoint page around it, so the web part brings its own padding;
 * `--accesshub-tab-height` lets a host that is not the whole frame (the local workbench) say how tall the tab is.
 */
export const TeamsThemeRoot: React.FC<{ host: IHost }> = ({ host, children }) => {
  const [name, setName] = React.useState(host.theme);
  React.useEffect(() => {
    setName(host.theme);
    return host.onThemeChange(setName);
  }, [host]);
  const theme = teamsFluentTheme(name);
  return (
    <ThemeProvider
      theme={theme}
      data-teams-theme={name}
      data-host={host.kind}
      style={{
        minHeight: 'var(--accesshub-tab-height, 100vh)', boxSizing: 'border-box', padding: '16px 20px',
        background: theme.semanticColors.bodyBackground, color: theme.semanticColors.bodyText
      }}
    >
      <ShareProvider value={CopyPackageLink}>{children}</ShareProvider>
    </ThemeProvider>
  );
};
