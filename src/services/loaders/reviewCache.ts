/**
 * Which access reviews a reviewer has (docs/graph-notes.md §5): the definitions, their instances in progress and, for
 * a multi-stage instance, the stage in progress. Finding them takes Graph three sequential round trips before the
 * first decision can be read; they change rarely, so AccessApprovals keeps them per tenant and person and a later load
 * reads the decisions at once (GraphApprovalService.listReviewDecisions checks every cached instance and stage in the
 * same round trip and reads everything again when one changed). Decisions are never cached: they are read on every load.
 */
export interface IReviewSnapshot {
  definitions: IReviewDefinitionRef[];
}

export interface IReviewDefinitionRef {
  id: string;
  /** The definition's displayName: the review's name on every row. */
  name: string;
  /** The definition's settings.justificationRequiredOnApproval. */
  justificationRequired: boolean;
  /** The instances in progress the person reviews (none: the definition is still watched for a new one). */
  instances: IReviewInstanceRef[];
}

export interface IReviewInstanceRef {
  id: string;
  /** The instance has stages (a multi-stage review): its stages are read with its decisions, to see the current one. */
  staged: boolean;
  /** The stage in progress, whose decisions the person reads and records; absent: the instance's own. */
  stageId?: string;
}

export interface IReviewCache {
  get(): IReviewSnapshot | undefined;
  set(snapshot: IReviewSnapshot): void;
  forget(): void;
}

/** A day: a review created since then shows on the next load (or when the background refresh finds it). */
export const REVIEW_CACHE_TTL_MS = 24 * 3600 * 1000;

/** Within one service (tests, a host without storage). */
export class MemoryReviewCache implements IReviewCache {
  private _snapshot: IReviewSnapshot | undefined;
  public get(): IReviewSnapshot | undefined {
    return this._snapshot;
  }
  public set(snapshot: IReviewSnapshot): void {
    this._snapshot = snapshot;
  }
  public forget(): void {
    this._snapshot = undefined;
  }
}

interface IStored { v: number; t: number; s: IReviewSnapshot }

/** The stored format; another version is ignored (read again and overwritten). */
const FORMAT = 1;

const isString = (x: unknown): x is string => typeof x === 'string' && x.length > 0;

function isInstance(x: unknown): x is IReviewInstanceRef {
  const i = x as IReviewInstanceRef;
  return !!i && isString(i.id) && typeof i.staged === 'boolean' && (i.stageId === undefined || isString(i.stageId));
}

function isDefinition(x: unknown): x is IReviewDefinitionRef {
  const d = x as IReviewDefinitionRef;
  return !!d && isString(d.id) && typeof d.name === 'string' && typeof d.justificationRequired === 'boolean'
    && Array.isArray(d.instances) && d.instances.every(isInstance);
}

/**
 * Keeps the snapshot in localStorage under one key per tenant and person (`key`, as the grant cache's prefix), for
 * `ttlMs`. Read from storage on every get, so the web parts of a page (each with its own services) and the next page
 * see what any of them stored or forgot. Storage that is full, blocked or holds something else counts as empty.
 */
export class StorageReviewCache implements IReviewCache {
  constructor(
    private readonly _storage: Storage,
    private readonly _key: string,
    private readonly _ttlMs: number = REVIEW_CACHE_TTL_MS,
    private readonly _now: () => number = () => Date.now()
  ) {}

  public get(): IReviewSnapshot | undefined {
    try {
      const raw = this._storage.getItem(this._key);
      if (!raw) return undefined;
      const stored: IStored = JSON.parse(raw);
      if (!stored || stored.v !== FORMAT || typeof stored.t !== 'number') return undefined;
      const age = this._now() - stored.t;
      if (age < 0 || age > this._ttlMs) return undefined;
      const s = stored.s;
      return s && Array.isArray(s.definitions) && s.definitions.every(isDefinition) ? s : undefined;
    } catch {
      return undefined;
    }
  }

  public set(snapshot: IReviewSnapshot): void {
    try {
      this._storage.setItem(this._key, JSON.stringify({ v: FORMAT, t: this._now(), s: snapshot } as IStored));
    } catch {
      // Storage full or blocked: the next load reads the reviews again, as without a cache.
    }
  }

  public forget(): void {
    try {
      this._storage.removeItem(this._key);
    } catch {
      // Blocked storage held nothing either.
    }
  }
}
