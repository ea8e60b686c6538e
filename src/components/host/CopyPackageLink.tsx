import * as React from 'react';
import { ActionButton, Text } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { useHost } from '../../context/HostContext';

/**
 * "Copy link" for a package: the link that opens its request panel where the person is (core/host/host.ts
 * packageLink): `?accessPackageId=` on a SharePoint page, a Teams deep link to the tab in Teams. The link is also the
 * button's address, so where a frame refuses the clipboard the browser's own "Copy link address" still has it.
 */
export const CopyPackageLink: React.FC<{ packageId: string }> = ({ packageId }) => {
  const host = useHost();
  const [copied, setCopied] = React.useState(false);
  const link = host.packageLink(packageId);
  const copy = (e: React.MouseEvent<unknown>): void => {
    const clipboard = navigator.clipboard;
    if (!clipboard) return;
    e.preventDefault();
    clipboard.writeText(link).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <span>
      <ActionButton href={link} iconProps={{ iconName: 'Link' }} onClick={copy} data-package-link={link}>{strings.Common.CopyLink}</ActionButton>
      <Text variant="small" role="status">{copied ? strings.Common.LinkCopied : ''}</Text>
    </span>
  );
};
