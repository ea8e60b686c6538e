import * as React from 'react';
import { MessageBar, MessageBarType, Stack, Text } from '@fluentui/react';
import * as strings from 'AccessApprovalsWebPartStrings';
import { StatusView } from '../../../components/StatusView';
import { format } from '../../../components/format';
import { AsyncState } from '../../../hooks/useAsync';
import { useAccessApprovals, useAccessReviews } from '../../../hooks/useAccessApprovals';
import { isMissingPermission } from '../../../services/infrastructure/AppError';
import { RequestsSection } from './RequestsSection';
import { DEFAULT_PAGE_SIZE } from '../settings';
import { ReviewsSection } from './ReviewsSection';

export interface IAccessApprovalsProperties {
  title?: string;
  /** Default on. */
  includeAccessReviews?: boolean;
  /** Requests shown before "Show more"; default 20. */
  pageSize?: number;
}


/**
 * An unapproved Graph scope answers 403 on every call of the section: say which permission an admin must approve
 * (docs/graph-notes.md §2.3) instead of a generic error. Other errors go to StatusView.
 */
function withPermissionMessage<T>(state: AsyncState<T>, scope: string, template: string, onRetry: () => void, render: (v: T) => React.ReactNode): React.ReactElement {
  if (state.status === 'error' && isMissingPermission(state.error)) {
    return <MessageBar messageBarType={MessageBarType.blocked} isMultiline>{format(template, scope)}</MessageBar>;
  }
  return <StatusView state={state} onRetry={onRetry}>{render}</StatusView>;
}

export const AccessApprovalsRoot: React.FC<{ properties: IAccessApprovalsProperties }> = ({ properties }) => {
  const includeReviews = properties.includeAccessReviews !== false;
  const pageSize = properties.pageSize && properties.pageSize > 0 ? Math.floor(properties.pageSize) : DEFAULT_PAGE_SIZE;
  const approvals = useAccessApprovals();
  const reviews = useAccessReviews(includeReviews);
  return (
    <Stack tokens={{ childrenGap: 16 }} className="accesshub-approvals-root" data-component="AccessApprovals">
      <Text variant="xLarge" as="h2" block>{properties.title || strings.DefaultTitle}</Text>
      {withPermissionMessage(approvals.state, 'EntitlementManagement.ReadWrite.All', strings.MissingPermission, approvals.reload,
        list => <RequestsSection approvals={list} pageSize={pageSize} />)}
      {includeReviews && withPermissionMessage(reviews.state, 'AccessReview.ReadWrite.All', strings.ReviewMissingPermission, reviews.reload,
        list => <ReviewsSection decisions={list} onChanged={reviews.reload} />)}
    </Stack>
  );
};
