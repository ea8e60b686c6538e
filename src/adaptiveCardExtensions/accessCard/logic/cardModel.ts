/**
 * The AccessCard's pure logic, framework-free (no SPFx, no React, no I/O): which state the card shows, its card view
 * (as the configuration SPFx's `PrimaryTextCardView` helper takes) and its quick views (an Adaptive Card template and
 * the data it binds with `${}`). The ACE class and the local workbench's dashboard both render from here.
 *
 * Design guidance followed (https://learn.microsoft.com/en-us/sharepoint/dev/spfx/viva/design/designing-card):
 * a sentence-case card bar title of 10–12 characters, one button on a medium card and a second one only on a large
 * card, the whole card selectable (it opens the quick view), "stay in context" (decide and extend in the quick view).
 */
import type {
  CardSize, IExternalLinkCardAction, IPrimaryTextCardViewConfiguration, IQuickViewCardAction, ISPFxAdaptiveCard
} from '@microsoft/sp-adaptive-card-extension-base';
import * as strings from 'AccessCardAdaptiveCardExtensionStrings';
import type { ICardApproval, ICardRead } from '../../../services/graph/GraphCardService';
import type { IPendingApproval } from '../../../models/approvals';
import { buildMyAccess, IMyAssignment, IMyRequest } from '../../../models/myAccess';
import { daysLeft, earliestFirst } from '../../../core/model/time';
import { format, formatCount, formatDate } from '../../../components/format';
import { CARD_ICON } from './cardIcon';

import { QUICK_VIEW_ID } from '../ids';

export { CARD_VIEW_ID, QUICK_VIEW_ID } from '../ids';

/** Access ending within this many days is "ending soon", as MyAccess's default (MyAccessRoot DEFAULT_ENDING_SOON_DAYS). */
export const ENDING_SOON_DAYS = 14;

/** What the card shows, kept between dashboard visits (localStorage, per person): small and JSON. */
export interface ICardSnapshot {
  v: 1;
  /** When it was read (ms since the epoch). */
  at: number;
  /** Waiting for my decision (undefined: Graph does not let this person approve). */
  approvals: ICardApproval[] | undefined;
  /** My active access ending soon, soonest first; `openChange` when an extension or removal is already asked for. */
  ending: Array<{ assignment: IMyAssignment; openChange?: IMyRequest }>;
  /** My own requests still open, newest first. */
  pending: IMyRequest[];
}

export type CardKind = 'loading' | 'error' | 'approvals' | 'ending' | 'pending' | 'nothing';

/** The card's facts from one read: the same rows MyAccess builds (buildMyAccess), the approvals as read. */
export function snapshotOf(read: ICardRead, now: Date, endingSoonDays: number = ENDING_SOON_DAYS): ICardSnapshot {
  const model = buildMyAccess(read.assignments, read.requests, now, endingSoonDays);
  const ending = model.rows.filter(r => r.kind === 'active' && r.endingSoon && r.assignment)
    .map(r => ({ assignment: r.assignment as IMyAssignment, openChange: r.openChange }))
    .sort((x, y) => earliestFirst(x.assignment.endDateTime, y.assignment.endDateTime));
  const pending = model.rows.filter(r => r.kind === 'pending' && r.request).map(r => r.request as IMyRequest);
  return { v: 1, at: now.getTime(), approvals: read.approvals, ending, pending };
}

/** Approvals first (someone waits for this person), then access ending soon, then their own pending requests. */
export function kindOf(s: ICardSnapshot): CardKind {
  if (s.approvals && s.approvals.length > 0) return 'approvals';
  if (s.ending.length > 0) return 'ending';
  if (s.pending.length > 0) return 'pending';
  return 'nothing';
}

/**
 * Server text (names, justifications) as plain text in an Adaptive Card TextBlock, whose text hosts process as
 * markdown: markdown's punctuation is backslash-escaped (CommonMark: any ASCII punctuation may be), so a
 * justification such as `[click](https://…)` shows as typed instead of becoming a link. Used for data, never for
 * template text.
 */
export function asText(value: string | undefined): string {
  return String(value || '').replace(/[\\`*_{}[\]()<>#+\-.!|~]/g, c => `\\${c}`).replace(/\r?\n/g, ' ');
}

export interface ICardEnv {
  language: string;
  now: Date;
  myAccessUrl: string;
}

const quickViewAction: IQuickViewCardAction = { type: 'QuickView', parameters: { view: QUICK_VIEW_ID } };

/** The whole card opens the quick view (designing-card.md: the card is selectable, except input and search cards). */
export function cardSelection(): IQuickViewCardAction {
  return quickViewAction;
}

/** The earliest deadline among the approvals, and whether every approval's deadline is known. */
export function nearestAutoDeny(list: ICardApproval[]): { at?: string; complete: boolean } {
  const known = list.filter(a => a.autoDenyAt).sort((x, y) => earliestFirst(x.autoDenyAt, y.autoDenyAt));
  return { at: known.length ? known[0].autoDenyAt : undefined, complete: list.every(a => a.deadlineKnown) };
}

function shortDate(iso: string | undefined, language: string): string {
  return formatDate(iso, language);
}

/**
 * The card view: card bar (icon and title), header, body and one button (medium) or two (large), as the
 * configuration of SPFx's `PrimaryTextCardView` helper
 * (https://learn.microsoft.com/en-us/sharepoint/dev/spfx/viva/get-started/build-first-sharepoint-adaptive-card-extension).
 * The body and the buttons are plain text: no server text carries markdown into them (card views render text as is).
 */
export function cardViewConfiguration(kind: CardKind, s: ICardSnapshot | undefined, size: CardSize, env: ICardEnv,
  errorText?: string): IPrimaryTextCardViewConfiguration {
  const { language } = env;
  const large = size === 'Large';
  const button = (title: string): IPrimaryTextCardViewConfiguration['footer'] => {
    const primary = { componentName: 'cardButton' as const, title, action: quickViewAction, id: 'primary' };
    const myAccess: IExternalLinkCardAction = { type: 'ExternalLink', parameters: { target: env.myAccessUrl } };
    return large && env.myAccessUrl
      ? [primary, { componentName: 'cardButton' as const, title: strings.OpenMyAccess, action: myAccess, id: 'myAccess' }]
      : primary;
  };
  const text = (t: string): { componentName: 'text'; text: string } => ({ componentName: 'text', text: t });
  const view = (header: string, body: string, footer: IPrimaryTextCardViewConfiguration['footer']): IPrimaryTextCardViewConfiguration => ({
    cardBar: { componentName: 'cardBar', title: strings.CardTitle, icon: { url: CARD_ICON, altText: '' } },
    header: text(header), body: text(body), footer
  });
  if (kind === 'loading' || !s) {
    if (kind === 'error') {
      return view(strings.ErrorHeader, errorText || '', {
        componentName: 'cardButton', title: strings.TryAgain, id: 'retry',
        action: { type: 'Execute', verb: 'retry', parameters: { action: 'retry' } }
      });
    }
    return view(strings.Loading, strings.LoadingBody, undefined);
  }
  switch (kind) {
    case 'approvals': {
      const list = s.approvals || [];
      const deadline = nearestAutoDeny(list);
      const when = deadline.at
        ? format(deadline.complete ? strings.ApprovalsDeadline : strings.ApprovalsDeadlineBy, shortDate(deadline.at, language))
        : '';
      const body = large ? formatCount(strings.ApprovalsLarge, list.length, language, when).trim() : (when || strings.ApprovalsBody);
      return view(formatCount(strings.ApprovalsHeader, list.length, language), body, button(strings.Review));
    }
    case 'ending': {
      const first = s.ending[0].assignment;
      const days = first.endDateTime ? daysLeft(first.endDateTime, env.now) : 0;
      const header = days === 0 ? strings.EndingToday : formatCount(strings.EndingHeader, days, language);
      const one = format(strings.EndingBody, first.accessPackageName || '', shortDate(first.endDateTime, language));
      const body = large && s.ending.length > 1 ? formatCount(strings.EndingMore, s.ending.length - 1, language, first.accessPackageName || '') : one;
      // "Extend" only when the quick view can extend something; otherwise it shows what ends and why it cannot.
      const extendable = s.ending.some(e => !!e.assignment.policy && e.assignment.policy.canExtend && !e.openChange);
      return view(header, body, button(extendable ? strings.Extend : strings.View));
    }
    case 'pending': {
      const first = s.pending[0];
      const one = format(strings.PendingBody, first.accessPackageName || '', shortDate(first.createdDateTime, language));
      const body = large && s.pending.length > 1 ? formatCount(strings.PendingMore, s.pending.length - 1, language, first.accessPackageName || '') : one;
      return view(formatCount(strings.PendingHeader, s.pending.length, language), body, button(strings.View));
    }
    default:
      return view(strings.NothingHeader, strings.NothingBody, large && env.myAccessUrl
        ? { componentName: 'cardButton', title: strings.OpenMyAccess, id: 'myAccess', action: { type: 'ExternalLink', parameters: { target: env.myAccessUrl } } }
        : undefined);
  }
}

// ---- quick view -------------------------------------------------------------------------------------------

export type NoticeStyle = 'good' | 'warning' | 'attention';

export interface INotice { text: string; style: NoticeStyle }

/** What the quick view's actions change (the controller keeps it; nothing typed is lost on a failure). */
export interface IQuickViewState {
  /** The approvals with their stages (AccessApprovals' loader), read when the quick view opens. */
  approvals?: IPendingApproval[];
  approvalsLoading?: boolean;
  approvalsError?: string;
  /** What the person typed, by row id (approval id or assignment id): kept through failures and re-renders. */
  drafts: Record<string, string>;
  /** Rows whose write runs now: their buttons are off and a second press sends nothing. */
  busy: Record<string, boolean>;
  /** Rows whose required justification was missing on the last press. */
  missing: Record<string, boolean>;
  /** A row's own error (localized), shown under it; its draft stays. */
  rowErrors: Record<string, string>;
  /** Outcomes (decided, someone else decided, extended), newest first. */
  notices: INotice[];
  /** Rows that are done (decided, decided by someone else, extended): they leave the list. */
  done: Record<string, boolean>;
}

export function emptyQuickViewState(): IQuickViewState {
  return { drafts: {}, busy: {}, missing: {}, rowErrors: {}, notices: [], done: {} };
}

/** The id of a row's justification input; Action.Submit sends every input of the card under its id. */
export const inputId = (rowId: string): string => `justification_${rowId}`;

/**
 * The quick view's template: one Adaptive Card (schema 1.5, as SharePoint's card host renders) whose text comes
 * from the data (`${}`), and whose lists repeat with `$data`. Localized labels are data too, so the template is the
 * same in every language.
 */
export const QUICK_VIEW_TEMPLATE: ISPFxAdaptiveCard = ({
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${title}', weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: '${status}', wrap: true, $when: '${status != \'\'}', isSubtle: true },
    {
      type: 'Container', $data: '${notices}', spacing: 'Small',
      items: [{ type: 'TextBlock', text: '${text}', wrap: true, color: '${style}' }]
    },
    {
      type: 'Container', $data: '${rows}', separator: true, spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: '${heading}', weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: '${line}', wrap: true, $when: '${line != \'\'}', spacing: 'None' },
        { type: 'TextBlock', text: '${detail}', wrap: true, isSubtle: true, $when: '${detail != \'\'}', spacing: 'Small' },
        { type: 'TextBlock', text: '${deadline}', wrap: true, color: 'warning', $when: '${deadline != \'\'}', spacing: 'Small' },
        {
          // Not `isRequired`: the card's inputs are all submitted together (associatedInputs "auto"), and a required
          // input in another row would block this row's button. The label says it is required; onAction checks it.
          type: 'Input.Text', id: '${inputId}', $when: '${hasInput}', label: '${inputLabel}', value: '${draft}', isMultiline: true,
          maxLength: 4000
        },
        { type: 'TextBlock', text: '${rowError}', wrap: true, color: 'attention', $when: '${rowError != \'\'}', spacing: 'Small' },
        {
          type: 'ActionSet', $when: '${hasActions}',
          actions: [
            {
              type: 'Action.Submit', title: '${primaryTitle}', style: 'positive', isEnabled: '${!busy}',
              data: { action: '${primaryAction}', id: '${id}' }
            },
            {
              type: 'Action.Submit', title: '${secondaryTitle}', $when: '${secondaryTitle != \'\'}', isEnabled: '${!busy}',
              data: { action: '${secondaryAction}', id: '${id}' }
            }
          ]
        }
      ]
    },
    {
      type: 'ActionSet', $when: '${myAccessUrl != \'\'}', separator: true,
      actions: [{ type: 'Action.OpenUrl', title: '${myAccessTitle}', url: '${myAccessUrl}' }]
    }
  ]
  // The templating keys ($data, $when) are not in the schema's types.
} as unknown) as ISPFxAdaptiveCard;

/** One row of the quick view's list. */
export interface IQuickViewRow {
  id: string;
  heading: string;
  line: string;
  detail: string;
  deadline: string;
  hasInput: boolean;
  inputId: string;
  inputLabel: string;
  inputRequired: boolean;
  draft: string;
  rowError: string;
  hasActions: boolean;
  busy: boolean;
  primaryTitle: string;
  primaryAction: string;
  secondaryTitle: string;
  secondaryAction: string;
}

export interface IQuickViewData {
  title: string;
  status: string;
  notices: INotice[];
  rows: IQuickViewRow[];
  myAccessTitle: string;
  myAccessUrl: string;
}

function row(id: string, o: Partial<IQuickViewRow>): IQuickViewRow {
  return {
    id, heading: '', line: '', detail: '', deadline: '', hasInput: false, inputId: inputId(id), inputLabel: '', inputRequired: false,
    draft: '', rowError: '', hasActions: false, busy: false, primaryTitle: '', primaryAction: '', secondaryTitle: '',
    secondaryAction: '', ...o
  };
}

/** The quick view's data for the card's state: every server string escaped for markdown (asText). */
export function quickViewData(kind: CardKind, s: ICardSnapshot | undefined, q: IQuickViewState, env: ICardEnv): IQuickViewData {
  const { language } = env;
  const base: IQuickViewData = {
    title: '', status: '', notices: q.notices, rows: [], myAccessTitle: strings.OpenMyAccess, myAccessUrl: env.myAccessUrl || ''
  };
  if (kind === 'approvals') {
    if (!q.approvals) {
      return { ...base, title: formatCount(strings.QuickViewApprovals, (s && s.approvals || []).length, language),
        status: q.approvalsError || strings.QuickViewLoading };
    }
    const open = q.approvals.filter(a => !q.done[a.id]);
    return {
      ...base,
      title: open.length ? formatCount(strings.QuickViewApprovals, open.length, language) : strings.NoneLeft,
      rows: open.map(a => {
        const busy = !!q.busy[a.id];
        return row(a.id, {
          heading: format(strings.RequestLine, asText(a.requestor.displayName), asText(a.packageName)),
          line: a.justification ? format(strings.TheirJustification, asText(a.justification)) : strings.NoJustification,
          detail: [a.requestor.jobTitle, a.requestor.department].filter(Boolean).map(asText).join(', '),
          deadline: a.autoDenyAt ? format(strings.AutoDenyOn, formatDate(a.autoDenyAt, language)) : '',
          hasInput: true,
          inputLabel: a.justificationRequired ? strings.YourJustificationRequired : strings.YourJustification,
          inputRequired: a.justificationRequired,
          draft: q.drafts[a.id] || '',
          rowError: q.missing[a.id] ? strings.JustificationMissing : (q.rowErrors[a.id] || ''),
          hasActions: true, busy,
          primaryTitle: busy ? strings.Sending : strings.Approve, primaryAction: 'approve',
          secondaryTitle: strings.Deny, secondaryAction: 'deny'
        });
      })
    };
  }
  if (!s) return { ...base, title: strings.Loading };
  if (kind === 'ending') {
    const open = s.ending.filter(e => !q.done[e.assignment.id]);
    return {
      ...base,
      title: formatCount(strings.QuickViewEnding, open.length, language),
      rows: open.map(({ assignment: a, openChange }) => {
        const policy = a.policy;
        const canExtend = !!policy && policy.canExtend && !openChange && !!a.endDateTime;
        const asks = canExtend && !!policy && policy.isApprovalRequiredForUpdate;
        const busy = !!q.busy[a.id];
        return row(a.id, {
          heading: asText(a.accessPackageName),
          line: format(strings.EndsOn, formatDate(a.endDateTime, language)),
          detail: openChange ? strings.ExtensionRequested : canExtend ? '' : strings.ExtendNotAllowed,
          hasInput: asks,
          inputLabel: policy && policy.isJustificationRequired ? strings.ExtendJustificationRequired : strings.ExtendJustification,
          inputRequired: !!(asks && policy && policy.isJustificationRequired),
          draft: q.drafts[a.id] || '',
          rowError: q.missing[a.id] ? strings.ExtendJustificationMissing : (q.rowErrors[a.id] || ''),
          hasActions: canExtend, busy,
          primaryTitle: busy ? strings.Sending : strings.Extend, primaryAction: 'extend'
        });
      })
    };
  }
  if (kind === 'pending') {
    return {
      ...base,
      title: formatCount(strings.QuickViewPending, s.pending.length, language),
      rows: s.pending.map(r => row(r.id, {
        heading: asText(r.accessPackageName),
        line: format(strings.Requested, formatDate(r.createdDateTime, language)),
        detail: r.justification ? format(strings.YourReason, asText(r.justification)) : ''
      }))
    };
  }
  return { ...base, title: strings.NothingHeader, status: strings.NothingQuickView };
}
