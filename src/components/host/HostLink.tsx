import * as React from 'react';
import { Link } from '@fluentui/react';
import { useHost } from '../../context/HostContext';

/**
 * A link out of the web part (My Access, a site it grants): a new browser tab on a SharePoint page; in Teams, the host
 * opens it (`app.openLink`: a Teams deep link in Teams, any other address in the browser), never inside the tab's frame.
 */
export const HostLink: React.FC<{ href: string }> = ({ href, children }) => {
  const host = useHost();
  const onClick = React.useCallback((e: React.MouseEvent<HTMLElement>) => {
    if (!host.inTeams) return;
    e.preventDefault();
    host.openLink(href);
  }, [host, href]);
  return <Link href={href} target="_blank" rel="noopener noreferrer" onClick={onClick}>{children}</Link>;
};
