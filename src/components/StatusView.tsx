import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Stack, Text, keyframes, mergeStyles, useTheme } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { AsyncState } from '../hooks/useAsync';
import { errorMessage, format } from './format';
import { AppError } from '../services/infrastructure/AppError';
import { useServiceBusy } from '../hooks/useServiceBusy';

export interface IErrorBarProps {
  error: AppError;
  onRetry?: () => void;
}

/**
 * The error (an alert) and "Try again" after it. The button is not among the bar's actions: a MessageBar with actions
 * is a region without a name, and two of them on a page are landmarks nobody can tell apart (axe landmark-unique).
 */
export const ErrorBar: React.FC<IErrorBarProps> = ({ error, onRetry }) => (
  <Stack tokens={{ childrenGap: 8 }}>
    <MessageBar messageBarType={MessageBarType.error} isMultiline>
      {errorMessage(error)}
      {error.correlationId && (
        <Text variant="small" block data-testid="correlation-id">{format(strings.Common.CorrelationId, error.correlationId)}</Text>
      )}
    </MessageBar>
    {onRetry && (
      <Stack horizontal>
        <DefaultButton text={strings.Common.Retry} onClick={onRetry} />
      </Stack>
    )}
  </Stack>
);

/**
 * "Microsoft 365 is busy. Still trying…" while a read has waited more than a couple of seconds for Graph
 * (throttled or unreachable): the person sees that we are waiting, not a frozen spinner.
 */
export const BusyNote: React.FC = () => {
  const busy = useServiceBusy();
  return busy ? <MessageBar messageBarType={MessageBarType.info} role="status" data-testid="service-busy">{strings.Common.Busy}</MessageBar> : null;
};

const pulse = keyframes({ '50%': { opacity: 0.45 } });

/**
 * Lines where content will come, in the theme's divider colour (readable on every section background and in a dark
 * theme), pulsing gently, and still for people who ask for less motion (prefers-reduced-motion). Decorative: the
 * status around them says "Loading…". Fluent's Shimmer did this before, for about 2.5 KB more on every page.
 */
export const LoadingLines: React.FC<{ lines: number; width?: string }> = ({ lines, width }) => {
  const theme = useTheme();
  const line = React.useMemo(() => mergeStyles({
    height: 12, margin: '4px 0', borderRadius: 2, background: theme.semanticColors.bodyDivider,
    animation: `${pulse} 1.6s ease-in-out infinite`, selectors: { '@media (prefers-reduced-motion: reduce)': { animation: 'none' } }
  }), [theme]);
  return <>{Array.from({ length: lines }, (_, i) => <div key={i} aria-hidden className={line} style={{ width: width || (i % 2 ? '70%' : '100%') }} />)}</>;
};

export interface IEmptyStateProps {
  title: string;
  hint?: string;
}

export const EmptyState: React.FC<IEmptyStateProps> = ({ title, hint, children }) => (
  <Stack tokens={{ childrenGap: 4, padding: '16px 0' }} role="status">
    <Text variant="mediumPlus" block>{title}</Text>
    {hint && <Text variant="small" block>{hint}</Text>}
    {children}
  </Stack>
);

export interface IStatusViewProps<T> {
  state: AsyncState<T>;
  onRetry?: () => void;
  /** How many shimmer lines stand in for the content while it loads. */
  lines?: number;
  children: (value: T) => React.ReactNode;
}

/** Placeholder lines (and, when Graph makes us wait, a busy note) while loading, an error bar with retry on failure, the content otherwise. */
export function StatusView<T>({ state, onRetry, lines = 3, children }: IStatusViewProps<T>): React.ReactElement {
  if (state.status === 'loading') {
    return (
      // A status (its name "Loading…"): aria-label on a plain div is not allowed, and the busy note inside is announced.
      <Stack tokens={{ childrenGap: 8 }} role="status" aria-busy="true" aria-label={strings.Common.Loading}>
        <BusyNote />
        <LoadingLines lines={lines} />
      </Stack>
    );
  }
  if (state.status === 'error') return <ErrorBar error={state.error} onRetry={onRetry} />;
  return <>{children(state.value)}</>;
}
