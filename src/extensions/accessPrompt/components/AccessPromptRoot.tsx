import * as React from 'react';
import * as strings from 'AccessPromptApplicationCustomizerStrings';
import { useServices } from '../../../context/ServicesContext';
import { RequestPanel } from '../../../components/requestPanel/RequestPanel';
import { format } from '../../../components/format';
import { dateText } from '../promptText';
import { extendAssignment } from '../../../services/actions/changeAssignment';
import { useOncePerKey } from '../../../hooks/useOncePerKey';
import { extendedEnd } from '../../../models/myAccess';
import { mapAssignmentPolicy } from '../../../core/model/assignmentPolicy';
import { IPromptView } from '../../../core/prompt/runPrompt';
import { toAppError } from '../../../services/infrastructure/AppError';
import { reportError } from '../../../services/infrastructure/reportError';
import { PromptBanner } from './PromptBanner';
import { announceAccessChanged, PROMPT_ORIGIN } from '../../../core/accessChanged';
import { returnFocus } from '../../../hooks/useFocusAfterRender';

export interface IAccessPromptRootProps {
  view: IPromptView;
  siteTitle: string;
  /** The person's time zone for dates (timeZoneOf). */
  timeZone?: string;
  /** Closes the banner for this page view (Escape, the close button). */
  onClose(): void;
}

/** The banner with what its buttons open: the shared request panel and the MyAccess extend flow. */
export const AccessPromptRoot: React.FC<IAccessPromptRootProps> = ({ view, siteTitle, timeZone, onClose }) => {
  const services = useServices();
  const { banner, settings } = view;
  const [panelOpen, setPanelOpen] = React.useState(false);
  const guard = useOncePerKey();
  const [notice, setNotice] = React.useState<string | undefined>(undefined);
  const changedRef = React.useRef(false);
  const language = services.language;
  const message = settings.messages[language] || settings.messages[language.split('-')[0]];

  const busy = guard.isBusy('extend');
  // What the assignment's policy allows, mapped here rather than in the customizer's first script.
  const assignment = React.useMemo(() => (banner.kind === 'expiring' ? { ...banner.assignment, policy: mapAssignmentPolicy(banner.assignment.rawPolicy) } : undefined), [banner]);
  const extend = (justification: string): void => {
    if (banner.kind !== 'expiring') return;
    // Sent once however often the button is pressed while it runs. The change is announced by the action (the
    // customizer does not hear its own announcement): the session's answers are dropped so the next page view
    // decides again, and the page's web parts read again; the banner keeps its note.
    guard.run('extend', () => extendAssignment(services, assignment || banner.assignment, { justification: justification || undefined }, { origin: PROMPT_ORIGIN })
      .then(settled => {
        // A userUpdate's schedule often carries only a duration: the new end is then the policy's, from now.
        const policyEnd = assignment && assignment.policy ? extendedEnd(assignment.policy, services.now()) : undefined;
        const end = (settled.schedule && settled.schedule.endDateTime) || (policyEnd && policyEnd.toISOString());
        if (settled.state === 'delivered') setNotice(end ? format(strings.Extended, dateText(end, language, timeZone, services.now())) : strings.ExtendedNoEnd);
        else if (settled.state === 'denied' || settled.state === 'deliveryFailed') setNotice(strings.ExtendFailed);
        else setNotice(strings.ExtendPending);
      })
      .catch(async (e: unknown) => {
        // The banner says the extension failed; an unexpected error is also logged once for support.
        setNotice(strings.ExtendFailed);
        reportError('AccessPrompt.extend', await toAppError(e));
      }))
      // Nothing above can reject (the catch handles every error): this only ends the chain.
      .catch(() => undefined);
  };

  const closePanel = (): void => {
    // Back to the banner's first action (it may show another kind by now).
    returnFocus(() => document.querySelector<HTMLElement>('[data-accesshub="access-prompt"] button, [data-accesshub="access-prompt"] a') || undefined);
    setPanelOpen(false);
    if (changedRef.current) {
      changedRef.current = false;
      // Expected: changed() decides again through runPrompt, which catches, logs and hides on its own errors.
      view.changed().catch(() => undefined);
    }
  };

  return (
    <>
      <PromptBanner
        banner={banner}
        siteTitle={siteTitle}
        language={language}
        timeZone={timeZone}
        now={services.now()}
        message={banner.kind === 'offer' ? message : undefined}
        notice={notice}
        busy={busy}
        extendNeedsReason={!!assignment && !!assignment.policy && assignment.policy.isJustificationRequired}
        onRequest={() => setPanelOpen(true)}
        onDetails={() => setPanelOpen(true)}
        onExtend={extend}
        onDismiss={view.dismiss}
        onClose={banner.kind === 'offer' ? view.dismiss : onClose}
      />
      {panelOpen && (
        <RequestPanel
          packageId={banner.packageId}
          packageName={banner.packageName}
          isOpen={panelOpen}
          onDismiss={closePanel}
          onChanged={() => { changedRef.current = true; announceAccessChanged(PROMPT_ORIGIN); }}
        />
      )}
    </>
  );
};
