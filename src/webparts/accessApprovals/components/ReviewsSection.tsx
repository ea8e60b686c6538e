import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField } from '@fluentui/react';
import * as strings from 'AccessApprovalsWebPartStrings';
import { IReviewDecision } from '../../../models/approvals';
import { ReviewDecisionValue } from '../../../services/graph/GraphApprovalService';
import { AppError, toAppError } from '../../../services/infrastructure/AppError';
import { reportError } from '../../../services/infrastructure/reportError';
import { errorMessage, format, formatDate } from '../../../components/format';
import { useApprovalService, useServices } from '../../../context/ServicesContext';
import { fire } from './ApprovalRow';
import { acceptRecommendations, recordReviewDecision } from '../../../services/actions/recordReviewDecision';
import { useOncePerKey } from '../../../hooks/useOncePerKey';

function recommendationText(r: string): string {
  return r === 'Approve' ? strings.RecommendationApprove : r === 'Deny' ? strings.RecommendationDeny : strings.RecommendationNone;
}

function decisionText(d: string): string {
  return d === 'Approve' ? strings.DecisionApprove : d === 'Deny' ? strings.DecisionDeny : strings.DecisionDontKnow;
}

const ReviewRow: React.FC<{ item: IReviewDecision; onRecorded: (decision: string) => void }> = ({ item, onRecorded }) => {
  const service = useApprovalService();
  const { language } = useServices();
  const [justification, setJustification] = React.useState(item.justification);
  const [missing, setMissing] = React.useState(false);
  const [error, setError] = React.useState<AppError | undefined>();
  // One decision at a time for this row, sent once however often a button is pressed while it runs.
  const guard = useOncePerKey();
  const busy = guard.isBusy('record');

  const record = (decision: ReviewDecisionValue): Promise<void> => guard.run('record', async () => {
    if (decision === 'Approve' && item.justificationRequired && justification.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    try {
      await recordReviewDecision(service, item, decision, justification);
      setError(undefined);
      onRecorded(decision);
    } catch (e) {
      const err = await toAppError(e);
      reportError('AccessApprovals.review', err);
      setError(err);
    }
  });

  return (
    <li className="accesshub-review" data-decision-id={item.id} aria-label={item.principalName}>
      <Stack tokens={{ childrenGap: 4, padding: '12px 0' }}>
        <Text variant="mediumPlus" block>{format(strings.ReviewOf, item.principalName, item.resourceName)}</Text>
        <Text variant="small" block data-recommendation={item.recommendation}>
          {format(strings.Recommended, recommendationText(item.recommendation))}{item.recommendationReason ? ` — ${item.recommendationReason}` : ''}
        </Text>
        {item.dueDateTime && <Text variant="small" block>{format(strings.ReviewDue, formatDate(item.dueDateTime, language))}</Text>}
        {/* Always in the page, so a screen reader announces the decision when it is recorded. */}
        <div role="status">
          {item.decision !== 'NotReviewed' && <Text variant="small" block data-recorded>{format(strings.ReviewDecided, decisionText(item.decision))}</Text>}
        </div>
        <TextField label={item.justificationRequired ? strings.ReviewJustificationRequired : strings.YourJustification} value={justification}
          disabled={busy} onChange={(_, v) => setJustification(v || '')} errorMessage={missing ? strings.ReviewJustificationMissing : undefined} />
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          {/* allowDisabledFocus: the pressed button keeps the focus while the decision is sent. */}
          <PrimaryButton text={strings.Approve} disabled={busy} allowDisabledFocus onClick={() => fire(record('Approve'))} />
          <DefaultButton text={strings.Deny} disabled={busy} allowDisabledFocus onClick={() => fire(record('Deny'))} />
          <DefaultButton text={strings.DontKnow} disabled={busy} allowDisabledFocus onClick={() => fire(record('DontKnow'))} />
        </Stack>
        {error && <MessageBar messageBarType={MessageBarType.error} isMultiline>{errorMessage(error)}</MessageBar>}
      </Stack>
    </li>
  );
};

export const ReviewsSection: React.FC<{ decisions: IReviewDecision[]; onChanged: () => void }> = ({ decisions, onChanged }) => {
  const service = useApprovalService();
  const [error, setError] = React.useState<AppError | undefined>();
  const [done, setDone] = React.useState(false);
  const [local, setLocal] = React.useState<Record<string, string>>({});
  const guard = useOncePerKey();
  const busy = guard.isBusy('acceptAll');
  const withRecommendation = decisions.some(d => (local[d.id] || d.decision) === 'NotReviewed' && (d.recommendation === 'Approve' || d.recommendation === 'Deny'));

  const acceptAll = (): Promise<void> => guard.run('acceptAll', async () => {
    try {
      await acceptRecommendations(service, decisions);
      setError(undefined);
      setDone(true);
      onChanged();
    } catch (e) {
      const err = await toAppError(e);
      reportError('AccessApprovals.acceptRecommendations', err);
      setError(err);
    }
  });

  return (
    <section aria-label={strings.ReviewsHeading}>
      <Stack tokens={{ childrenGap: 8 }}>
        <Text variant="large" as="h3" block>{strings.ReviewsHeading}</Text>
        {decisions.length === 0 && <Text block role="status">{strings.NoReviews}</Text>}
        {withRecommendation && <PrimaryButton text={strings.AcceptRecommendations} disabled={busy} onClick={() => fire(acceptAll())} styles={{ root: { alignSelf: 'flex-start' } }} />}
        {done && <MessageBar messageBarType={MessageBarType.success}>{strings.AcceptRecommendationsDone}</MessageBar>}
        {error && <MessageBar messageBarType={MessageBarType.error} isMultiline>{errorMessage(error)}</MessageBar>}
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {decisions.map(d => (
            <ReviewRow key={`${d.id}:${d.decision}`} item={local[d.id] ? { ...d, decision: local[d.id] } : d}
              onRecorded={decision => setLocal(prev => ({ ...prev, [d.id]: decision }))} />
          ))}
        </ul>
      </Stack>
    </section>
  );
};
