import * as React from 'react';
import { ActionButton, Stack, Text, TextField } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { useHost } from '../../context/HostContext';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; link: string };

/**
 * "Copy link" for a package: the link that opens its request panel where the person is (core/host/host.ts
 * packageLink): `?accessPackageId=` on a SharePoint page, a Teams deep link to the tab in Teams. Where the browser
 * refuses the clipboard (some hosts' frames), the link is shown to copy by hand.
 */
export const CopyPackageLink: React.FC<{ packageId: string }> = ({ packageId }) => {
  const host = useHost();
  const [state, setState] = React.useState<CopyState>({ kind: 'idle' });
  const link = host.packageLink(packageId);
  const copy = React.useCallback(() => {
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard || !clipboard.writeText) {
      setState({ kind: 'manual', link });
      return;
    }
    clipboard.writeText(link).then(() => setState({ kind: 'copied' }), () => setState({ kind: 'manual', link }));
  }, [link]);
  return (
    <Stack tokens={{ childrenGap: 4 }} data-package-link={link}>
      <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
        <ActionButton iconProps={{ iconName: 'Link' }} onClick={copy} styles={{ root: { height: 28, paddingLeft: 0 } }}>
          {strings.Common.CopyLink}
        </ActionButton>
        <Text variant="small" role="status">{state.kind === 'copied' ? strings.Common.LinkCopied : ''}</Text>
      </Stack>
      {state.kind === 'manual' && (
        <TextField label={strings.Common.LinkToCopy} readOnly value={state.link} onFocus={e => e.currentTarget.select()} />
      )}
    </Stack>
  );
};
