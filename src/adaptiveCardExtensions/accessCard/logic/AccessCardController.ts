/**
 * The AccessCard's behaviour, framework-free: it reads (one `$batch` through the services' card read), keeps the
 * answer between dashboard visits (localStorage, per tenant and person: shown at once, then read again), and runs
 * the quick view's actions with the web parts' own actions (decideApproval as AccessApprovals, extendAssignment as
 * MyAccess). The ACE class and the local workbench's dashboard drive the same controller; the tests drive it too.
 */
import type { CardSize, IPrimaryTextCardViewConfiguration, ISPFxAdaptiveCard } from '@microsoft/sp-adaptive-card-extension-base';
import * as strings from 'AccessCardAdaptiveCardExtensionStrings';
import { IAccessHubServices } from '../../../services/IAccessHubServices';
import { AppError, toAppError } from '../../../services/infrastructure/AppError';
import { reportError } from '../../../services/infrastructure/reportError';
import { createOncePerKey } from '../../../services/actions/oncePerKey';
import { decideApproval, IDecided } from '../../../services/actions/decideApprovals';
import { extendAssignment } from '../../../services/actions/changeAssignment';
import { loadAccessApprovals } from '../../../services/loaders/loadAccessApprovals';
import { errorMessage, format } from '../../../components/format';
import {
  CardKind, cardViewConfiguration, emptyQuickViewState, ENDING_SOON_DAYS, ICardEnv, ICardSnapshot, IQuickViewData, IQuickViewState,
  kindOf, QUICK_VIEW_TEMPLATE, quickViewData, snapshotOf
} from './cardModel';

export const CARD_CACHE_PREFIX = 'accessHub:card:';

/** The card's "ending soon" days from its property (a number or the property pane's text): 1–365, else MyAccess's 14. */
export function endingSoonDaysOf(value: unknown): number {
  const n = typeof value === 'number' ? value : parseInt(String(value === undefined ? '' : value), 10);
  return isFinite(n) && n >= 1 && n <= 365 ? Math.floor(n) : ENDING_SOON_DAYS;
}

/** The card's data kept this long serves a visit at once (and is read again); older, the card waits for a new read. */
export const CARD_CACHE_MAX_AGE_MS = 7 * 86400000;

export interface IAccessCardControllerOptions {
  services: IAccessHubServices;
  /** Tenant and person: two people on one browser never see each other's card. */
  cacheKey: string;
  storage?: Storage;
  endingSoonDays?: number | string;
  /** Told after every change of what the card or its quick view shows. */
  onChange?: () => void;
  /** Writes announce the change to the page's other components (accessChanged.ts); the dashboard has none by default. */
  origin?: string;
}

/** An action as SPFx hands it to onAction (Action.Submit / Action.Execute with the card's inputs merged into data). */
export interface ICardActionArguments {
  type: string;
  id?: string;
  verb?: string;
  data?: Record<string, unknown>;
}

export type QuickViewTopic = Exclude<CardKind, 'loading' | 'error'>;

export class AccessCardController {
  /** What the card shows; 'loading' until the cache or the first read answers. */
  public kind: CardKind = 'loading';
  public snapshot: ICardSnapshot | undefined;
  /** The last read's error (the card keeps what it showed, if anything). */
  public error: AppError | undefined;
  /** Whether what the card shows came from the cache and has not been read again yet. */
  public fromCache: boolean = false;
  public quick: IQuickViewState = emptyQuickViewState();
  /** What the open quick view is about (set when it opens, so a decision that empties the list keeps its outcome in view). */
  public topic: QuickViewTopic | undefined;

  private readonly _guard = createOncePerKey();
  private readonly _o: IAccessCardControllerOptions;
  private _endingSoonDays: number;
  private readonly _key: string;

  constructor(o: IAccessCardControllerOptions) {
    this._o = o;
    this._endingSoonDays = endingSoonDaysOf(o.endingSoonDays);
    this._key = `${CARD_CACHE_PREFIX}${o.cacheKey.toLowerCase()}`;
  }

  private get _services(): IAccessHubServices {
    return this._o.services;
  }

  public env(): ICardEnv {
    return { language: this._services.language, now: this._services.now(), myAccessUrl: this._services.myAccessUrl };
  }

  private _changed(): void {
    if (this._o.onChange) this._o.onChange();
  }

  /** The cached card for this person, when there is one young enough. */
  public readCache(): ICardSnapshot | undefined {
    try {
      const raw = this._o.storage && this._o.storage.getItem(this._key);
      const s = raw ? JSON.parse(raw) as ICardSnapshot : undefined;
      return s && s.v === 1 && this._services.now().getTime() - s.at < CARD_CACHE_MAX_AGE_MS ? s : undefined;
    } catch {
      return undefined;
    }
  }

  private _writeCache(): void {
    try {
      if (this._o.storage && this.snapshot) this._o.storage.setItem(this._key, JSON.stringify(this.snapshot));
    } catch {
      // Storage full or blocked: this visit still shows its answer.
    }
  }

  private _set(snapshot: ICardSnapshot): void {
    this.snapshot = snapshot;
    this.kind = kindOf(snapshot);
  }

  /**
   * Shows the cached card at once (when there is one) and reads again. Resolves when the read answered; `onCached`
   * hears the cached card first, so a host can render it before waiting.
   */
  public async start(onCached?: () => void): Promise<void> {
    const cached = this.readCache();
    if (cached) {
      this._set(cached);
      this.fromCache = true;
      this._changed();
      if (onCached) onCached();
    }
    await this.refresh();
  }

  /** Reads the card again (one round trip); a failure keeps what the card showed and says so only when it showed nothing. */
  public refresh(): Promise<void> {
    return this._guard('refresh', async () => {
      const card = this._services.card;
      try {
        if (!card) throw new AppError('unknown', 0, '', 'no card service');
        const read = await card.read(this._services.language);
        this._set(snapshotOf(read, this._services.now(), this._endingSoonDays));
        this.fromCache = false;
        this.error = undefined;
        this._writeCache();
      } catch (e) {
        this.error = await toAppError(e);
        reportError('AccessCard.read', this.error);
        if (!this.snapshot) this.kind = 'error';
      }
      this._changed();
    });
  }

  /** The property changed (the ACE's property pane): the card reads again with the new threshold. */
  public setEndingSoonDays(value: unknown): Promise<void> {
    const days = endingSoonDaysOf(value);
    if (days === this._endingSoonDays) return Promise.resolve();
    this._endingSoonDays = days;
    return this.refresh();
  }

  /** The card view for a size: the configuration of SPFx's PrimaryTextCardView helper. */
  public cardView(size: CardSize): IPrimaryTextCardViewConfiguration {
    return cardViewConfiguration(this.kind, this.snapshot, size, this.env(), this.error ? errorMessage(this.error) : undefined);
  }

  /**
   * The quick view opens: what it is about is fixed until it closes, outcomes of an earlier opening are cleared
   * (drafts stay), and an approver's requests are read with their stages (AccessApprovals' loader: the decisions
   * need each approval's current stage, and the stage says whether a justification is required).
   */
  public openQuickView(): Promise<void> {
    const kind = this.kind === 'loading' || this.kind === 'error' ? 'nothing' : this.kind;
    this.topic = kind;
    this.quick = { ...emptyQuickViewState(), drafts: this.quick.drafts };
    this._changed();
    return kind === 'approvals' ? this._loadApprovals() : Promise.resolve();
  }

  private _loadApprovals(): Promise<void> {
    return this._guard('approvals', async () => {
      const service = this._services.approvals;
      this.quick = { ...this.quick, approvalsLoading: true, approvalsError: undefined };
      this._changed();
      try {
        if (!service) throw new AppError('forbidden', 403, '', 'no approval service');
        const list = await loadAccessApprovals(service, this._services.language);
        this.quick = { ...this.quick, approvals: list, approvalsLoading: false };
        // The card counts what the quick view found.
        if (this.snapshot) {
          const ids = new Set(list.map(a => a.id));
          this._set({ ...this.snapshot, approvals: (this.snapshot.approvals || []).filter(a => ids.has(a.id)) });
          this._writeCache();
        }
      } catch (e) {
        const error = await toAppError(e);
        reportError('AccessCard.approvals', error);
        this.quick = { ...this.quick, approvalsLoading: false, approvalsError: errorMessage(error) };
      }
      this._changed();
    });
  }

  public quickView(): { template: ISPFxAdaptiveCard; data: IQuickViewData } {
    return { template: QUICK_VIEW_TEMPLATE, data: quickViewData(this.topic || (this.kind === 'loading' || this.kind === 'error' ? 'nothing' : this.kind), this.snapshot, this.quick, this.env()) };
  }

  /**
   * Keeps every justification in `data` (Action.Submit sends all of the card's inputs; a host that renders the quick
   * view again hands over what the inputs hold): nothing typed is lost.
   */
  public keepDrafts(data: Record<string, unknown>): void {
    const drafts = { ...this.quick.drafts };
    for (const key of Object.keys(data)) {
      const m = /^justification_(.+)$/.exec(key);
      if (m && typeof data[key] === 'string') drafts[m[1]] = data[key] as string;
    }
    this.quick = { ...this.quick, drafts };
  }

  private _patch(id: string, o: { busy?: boolean; missing?: boolean; rowError?: string; done?: boolean }): void {
    const q = this.quick;
    const flag = (map: Record<string, boolean>, on: boolean | undefined): Record<string, boolean> => {
      if (on === undefined) return map;
      const next = { ...map };
      if (on) next[id] = true; else delete next[id];
      return next;
    };
    const rowErrors = { ...q.rowErrors };
    if (o.rowError !== undefined) {
      if (o.rowError) rowErrors[id] = o.rowError; else delete rowErrors[id];
    }
    this.quick = { ...q, busy: flag(q.busy, o.busy), missing: flag(q.missing, o.missing), done: flag(q.done, o.done), rowErrors };
  }

  private _notice(text: string, style: 'good' | 'warning' | 'attention'): void {
    this.quick = { ...this.quick, notices: [{ text, style }].concat(this.quick.notices) };
  }

  /** An Action.Submit / Action.Execute of the card view or the quick view. Never rejects: failures show on their row. */
  public async onAction(action: ICardActionArguments): Promise<void> {
    const data = action.data || {};
    this.keepDrafts(data);
    const what = String(data.action || action.verb || '');
    const id = String(data.id || '');
    if (what === 'retry') return this.refresh();
    if (what === 'approve' || what === 'deny') return this._decide(id, what === 'approve');
    if (what === 'extend') return this._extend(id);
    this._changed();
  }

  private _decide(id: string, approve: boolean): Promise<void> {
    const a = (this.quick.approvals || []).find(x => x.id === id);
    if (!a || this.quick.done[id]) return Promise.resolve();
    // One decision per row however often its buttons are pressed while it runs.
    return this._guard(`decide:${id}`, async () => {
      const justification = (this.quick.drafts[id] || '').trim();
      if (a.justificationRequired && !justification) {
        this._patch(id, { missing: true, rowError: '' });
        this._changed();
        return;
      }
      this._patch(id, { busy: true, missing: false, rowError: '' });
      this._changed();
      const service = this._services.approvals;
      const outcome: IDecided = service
        ? await decideApproval(service, a, approve, justification)
        : { approval: a, outcome: 'failed', error: new AppError('forbidden', 403, '', 'no approval service') };
      const who = a.requestor.displayName;
      const pkg = a.packageName;
      if (outcome.outcome === 'failed') {
        if (outcome.error) reportError('AccessCard.decide', outcome.error);
        // The draft stays in the input: the person can send again.
        this._patch(id, { busy: false, rowError: format(strings.DecideFailed, outcome.error ? errorMessage(outcome.error) : '') });
      } else {
        this._patch(id, { busy: false, done: true });
        const drafts = { ...this.quick.drafts };
        delete drafts[id];
        this.quick = { ...this.quick, drafts };
        // A 409: another approver decided first. Said as information, the row leaves; not an error.
        if (outcome.outcome === 'alreadyDecided') this._notice(format(strings.AlreadyDecided, who, pkg), 'warning');
        else if (outcome.outcome === 'nextStage') this._notice(format(strings.NextStage, who, pkg, a.stageIndex + 2, a.stages.length), 'good');
        else this._notice(format(outcome.outcome === 'approved' ? strings.Approved : strings.Denied, who, pkg), 'good');
        if (this.snapshot) {
          this._set({ ...this.snapshot, approvals: (this.snapshot.approvals || []).filter(x => x.id !== id) });
          this._writeCache();
        }
      }
      this._changed();
    });
  }

  private _extend(id: string): Promise<void> {
    const entry = this.snapshot && this.snapshot.ending.find(e => e.assignment.id === id);
    if (!entry || this.quick.done[id]) return Promise.resolve();
    return this._guard(`extend:${id}`, async () => {
      const a = entry.assignment;
      const policy = a.policy;
      if (!policy || !policy.canExtend || entry.openChange) return;
      const justification = (this.quick.drafts[id] || '').trim();
      if (policy.isApprovalRequiredForUpdate && policy.isJustificationRequired && !justification) {
        this._patch(id, { missing: true, rowError: '' });
        this._changed();
        return;
      }
      this._patch(id, { busy: true, missing: false, rowError: '' });
      this._changed();
      try {
        const settled = await extendAssignment(this._services, a, { justification: justification || undefined }, { origin: this._o.origin });
        if (settled.state === 'denied' || settled.state === 'deliveryFailed') {
          this._patch(id, { busy: false, rowError: format(strings.ExtendDenied, a.accessPackageName || '') });
        } else {
          this._patch(id, { busy: false, done: true });
          const name = a.accessPackageName || '';
          this._notice(format(settled.state === 'delivered' ? strings.Extended : strings.ExtendPending, name), 'good');
          const drafts = { ...this.quick.drafts };
          delete drafts[id];
          this.quick = { ...this.quick, drafts };
          // What the card shows next comes from Graph: the new end date, or the extension waiting for approval.
          this._changed();
          await this.refresh();
          return;
        }
      } catch (e) {
        const error = await toAppError(e);
        reportError('AccessCard.extend', error);
        this._patch(id, { busy: false, rowError: format(strings.ExtendFailed, errorMessage(error)) });
      }
      this._changed();
    });
  }
}
