import * as React from 'react';
import { DefaultButton, IconButton, Link, PrimaryButton, Spinner, SpinnerSize, Stack, Text, TextField, mergeStyleSets, useTheme } from '@fluentui/react';
import * as strings from 'AccessPromptApplicationCustomizerStrings';
import { PromptBanner as Banner, bannerText } from '../promptText';

export interface IPromptBannerProps {
  banner: Banner;
  siteTitle: string;
  language: string;
  /** The person's time zone for dates (timeZoneOf); the browser's when undefined. */
  timeZone?: string;
  now?: Date;
  /** The site owner's own message for this language, shown after ours (as text). */
  message?: string;
  /** A note after the person acted (extended, waiting…). */
  notice?: string;
  busy?: boolean;
  /** Whether extending asks for a reason first (the policy requires one). */
  extendNeedsReason?: boolean;
  onRequest(): void;
  onDetails(): void;
  onExtend(justification: string): void;
  onDismiss(): void;
  /** Escape: closes for this page view (offers are dismissed). */
  onClose(): void;
}

const classes = mergeStyleSets({
  bar: { padding: '6px 16px', borderBottom: '1px solid', fontSize: 14, outline: 'none' },
  text: { flexGrow: 1, minWidth: 200 }
});

/**
 * The slim banner: one sentence and its actions, in the site's theme. The sentence sits in a polite live
 * region, so a screen reader announces it without interrupting; Escape closes it from anywhere inside.
 */
export const PromptBanner: React.FC<IPromptBannerProps> = props => {
  const { banner, busy, notice } = props;
  const theme = useTheme();
  const [reasonOpen, setReasonOpen] = React.useState(false);
  const [reason, setReason] = React.useState('');
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      props.onClose();
    }
  };
  const extend = (): void => {
    if (props.extendNeedsReason && !reasonOpen) setReasonOpen(true);
    else props.onExtend(reason);
  };
  return (
    <div
      role="region"
      aria-label={strings.Region}
      data-accesshub="access-prompt"
      data-kind={banner.kind}
      className={classes.bar}
      onKeyDown={onKeyDown}
      // The site theme's semantic colours for a standing note (as a MessageBar's info): readable in a dark theme too.
      style={{ background: theme.semanticColors.infoBackground, borderColor: theme.semanticColors.bodyDivider, color: theme.semanticColors.messageText }}
    >
      <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
        <div className={classes.text} role="status" aria-live="polite">
          <Text>{notice || bannerText(banner, props.siteTitle, props.language, props.now, props.timeZone)}</Text>
          {props.message && !notice && <Text block variant="small">{props.message}</Text>}
        </div>
        {busy && <Spinner size={SpinnerSize.small} ariaLabel={strings.Extending} />}
        {banner.kind === 'expiring' && banner.canExtend && !notice && (
          <>
            {reasonOpen && (
              <TextField ariaLabel={strings.ExtendJustification} placeholder={strings.ExtendJustification} value={reason}
                onChange={(_, v) => setReason(v || '')} disabled={busy} autoFocus />
            )}
            <PrimaryButton text={reasonOpen ? strings.ExtendConfirm : strings.Extend} disabled={busy || (reasonOpen && !reason.trim())} onClick={extend} />
          </>
        )}
        {/* The message bar's link colours: the page's link colour is too faint on the note's background (WCAG 1.4.3). */}
        {banner.kind === 'pending' && (
          <Link onClick={props.onDetails} styles={{ root: { color: theme.semanticColors.messageLink } }}>
            {strings.Details}
          </Link>
        )}
        {banner.kind === 'offer' && (
          <>
            <PrimaryButton text={strings.Request} onClick={props.onRequest} />
            <DefaultButton text={strings.Dismiss} onClick={props.onDismiss} />
          </>
        )}
        {banner.kind !== 'offer' && <IconButton iconProps={{ iconName: 'Cancel' }} title={strings.Close} ariaLabel={strings.Close} onClick={props.onClose} />}
      </Stack>
    </div>
  );
};
