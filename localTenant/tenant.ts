/**
 * The Tenant: state + logic, no HTTP. Handlers, the workbench and tests use it directly.
 */
import * as fs from 'fs';
import * as path from 'path';
import { signToken, IssuedToken, DEFAULT_SCOPES, SCOPES } from './auth';
import type { EmulatorErrorKey } from './errors';
import { faultRandom, type FaultConfig } from './faults';
import { DEFAULT_FIXTURE_PATH, Fixture, FxSite, FxTenantInfo, FxUser, Id, PermissionLevel, prepareFixture, readFixtureFile } from './fixture';
import { addGrants, findSite, recomputeEffective, sitePermissionLevel, grantsForAssignment } from './grants';
import type { SuggestionsMode } from './graph/suggestions';
import { applyScale } from './scale';
import { captureBase, Db, DbIndex } from './state';
import { addDuration, clone, isDuration, stableGuid } from './util';
import { continueAfterCallout, resumeWorkflows, runTimeTriggers } from './workflow';
import { answerCallout, failCallout } from './callouts';
import { GraphError } from './errors';

export type ApprovalScope = typeof SCOPES.ReadWriteAll | typeof SCOPES.SubjectAccess;

export interface TenantQuirks {
  /** POST assignmentRequests status (docs/graph-notes.md §3.4: docs show 201, a live SDK expects 200). */
  createStatus?: 200 | 201;
  /** cancel status (docs/graph-notes.md §3.7: page text 200, example 204). */
  cancelStatus?: 200 | 204;
  /** Tenant without Entra ID P2/Governance: every EM call fails with NoLicense (docs/graph-notes.md §11.3). */
  noLicense?: boolean;
  /** [gap] docs/graph-notes.md §4.1: inline `stages` in the approvals list without $expand. Default false. */
  approvalListInlineStages?: boolean;
  /** [gap] docs/graph-notes.md §9.1: `status` string of a request denied by a stage timeout. Default 'Denied'. */
  timeoutStatus?: string;
  /**
   * [doc bug] docs/graph-notes.md §3.3: getApplicablePolicyRequirements answers with the older question shape its v1.0
   * example shows (`#microsoft.graph.textInputQuestion`/`multipleChoiceQuestion`, texts as
   * `{defaultText, localizedTexts}`, choice `displayValue`, `allowsMultipleSelection`). Default false (CSDL shape).
   */
  legacyQuestionShape?: boolean;
  /**
   * docs/graph-notes.md §1.3: reject `$expand=role($expand=resource)` on role scopes with 400, as a Graph that only
   * honours the documented `$expand=role,scope` would. Default false.
   */
  rejectNestedRoleExpand?: boolean;
  /**
   * Leave null what Graph's own documentation examples leave null: an approval stage's `displayName`, an access review
   * decision's `resource`, and the `displayName` of an application resource (an app role's resource). Default false:
   * the emulator names them (the fixture may still leave a stage's name null, as Grady's Finance request does).
   */
  docExampleNulls?: boolean;
}

export interface TenantOptions {
  fixturePath?: string;
  fixture?: unknown;
  dataPath?: string;
  scale?: string;
  now?: () => Date;
  approvalScope?: ApprovalScope;
  quirks?: TenantQuirks;
  /** Delay of each asynchronous workflow step (submitted → pendingApproval/delivering → delivered). Default 100 ms. */
  workflowDelayMs?: number;
  /** Overrides of the business-rule error codes (errors.ts EMULATOR_ERROR_CODES). */
  errorCodes?: Partial<Record<EmulatorErrorKey, string>>;
  /**
   * Strict by default: a query option that Graph does not document for the endpoint answers 400 (graph/queryOptions.ts,
   * docs/graph-notes.md §17). `true`: honour every query option the emulator can evaluate.
   */
  lenient?: boolean;
  /**
   * The manager view (docs/graph-notes.md §3.14): `filterByCurrentUser(on='targetManager')` on assignments and
   * assignment requests. **Metadata only, not documented**: Graph's v1.0 metadata declares the member, no Learn page
   * lists it. `true` (the default): answered, as a Graph whose service implements what its metadata declares (the
   * workbench shows Isaiah his report Alex's access); `false`: refused with the 400 Graph gives any value it does not
   * take (as checkOn does for an unknown member). Switchable at run time with `POST /_dev/manager-view`.
   */
  managerView?: boolean;
  /**
   * Access package suggestions (docs/graph-notes.md §3.9): 'on' (default); 'off', the tenant's related-people insights
   * disabled (history-based suggestions only; [gap]); 'unavailable', the endpoint answers 404 as outside the global cloud.
   */
  suggestions?: SuggestionsMode;
}

export interface LogEntry { time: string; method: string; path: string; status: number; user: string | null; durationMs: number }

const MAX_LOG = 20000;

export class Tenant {
  db!: Db;
  readonly log: LogEntry[] = [];
  faults: FaultConfig = {};
  /** Where fault decisions draw from: seeded when the faults have a seed (setFaults). */
  faultRandom: () => number = Math.random;

  setFaults(f: FaultConfig): void {
    this.faults = f;
    this.faultRandom = faultRandom(f);
  }
  readonly approvalScope: ApprovalScope;
  readonly quirks: TenantQuirks;
  readonly workflowDelayMs: number;
  /** Whether undocumented query options are honoured (true) or refused with 400 (false). */
  readonly lenient: boolean;
  /** Whether `on='targetManager'` is answered (TenantOptions.managerView); reset() restores the option's value. */
  managerView: boolean;
  private readonly managerViewDefault: boolean;
  readonly errorCodes: Partial<Record<EmulatorErrorKey, string>>;
  /** Access package suggestions switch (TenantOptions.suggestions); `POST /_dev/suggestions` changes it, reset() restores it. */
  suggestions: SuggestionsMode;
  private readonly suggestionsAtStart: SuggestionsMode;
  readonly dataPath?: string;
  private readonly fixtureSource: () => unknown;
  private readonly scaleSpec?: string;
  private readonly clockBase: () => Date;
  private index?: DbIndex;
  private timers = new Set<NodeJS.Timeout>();
  private waiters: (() => void)[] = [];
  private interval?: NodeJS.Timeout;

  constructor(opts: TenantOptions = {}) {
    this.clockBase = opts.now ?? (() => new Date());
    this.approvalScope = opts.approvalScope ?? SCOPES.ReadWriteAll;
    this.quirks = { ...(opts.quirks ?? {}) };
    this.workflowDelayMs = opts.workflowDelayMs ?? 100;
    this.lenient = opts.lenient === true;
    this.managerViewDefault = opts.managerView !== false;
    this.managerView = this.managerViewDefault;
    this.errorCodes = opts.errorCodes ?? {};
    this.suggestions = this.suggestionsAtStart = opts.suggestions ?? 'on';
    this.dataPath = opts.dataPath ?? (process.env.LOCAL_TENANT_DATA || undefined);
    this.scaleSpec = opts.scale ?? (process.env.LOCAL_TENANT_SCALE || undefined);
    if (opts.fixture !== undefined) {
      const fx = clone(opts.fixture);
      this.fixtureSource = () => fx;
    } else {
      const file = opts.fixturePath ?? (process.env.LOCAL_TENANT_FIXTURE || DEFAULT_FIXTURE_PATH);
      const raw = readFixtureFile(file);
      this.fixtureSource = () => raw;
    }
    const loaded = this.dataPath ? this.loadData(this.dataPath) : undefined;
    if (loaded) this.db = loaded;
    else this.db = this.buildFromFixture();
    this.index = undefined;
    if (!loaded) this.persist();
    resumeWorkflows(this);
    this.interval = setInterval(() => runTimeTriggers(this), 30_000);
    this.interval.unref();
  }

  // ----- clock
  /** The tenant's time: the base clock plus what /_dev/clock has advanced. */
  now(): Date {
    return new Date(this.clockBase().getTime() + this.db.clockOffsetMs);
  }
  nowIso(): string {
    return this.now().toISOString();
  }
  advanceClock(isoDuration: string): void {
    if (!isDuration(isoDuration)) throw new Error(`Invalid ISO-8601 duration: ${isoDuration}`);
    const now = this.now();
    this.db.clockOffsetMs += addDuration(now, isoDuration).getTime() - now.getTime();
    runTimeTriggers(this);
    this.commit();
  }

  // ----- state
  get idx(): DbIndex {
    if (!this.index) this.index = new DbIndex(this.db);
    return this.index;
  }
  /** Call after every mutation: refreshes indexes and persists. */
  commit(): void {
    this.index = undefined;
    this.persist();
  }
  get users(): FxUser[] { return this.db.users; }
  get sites(): FxSite[] { return this.db.sites; }
  get tenantInfo(): FxTenantInfo { return this.db.tenant; }
  get fixture(): Fixture { return this.db; }

  findUser(upnOrId: string): FxUser | undefined {
    const k = String(upnOrId ?? '').trim();
    return this.idx.users.get(k) ?? this.idx.usersByUpn.get(k.toLowerCase()) ??
      this.db.users.find((u) => u.id.toLowerCase() === k.toLowerCase() || String(u.mail ?? '').toLowerCase() === k.toLowerCase());
  }
  findSite(nameOrUrl: string): FxSite | undefined {
    return findSite(this.db, nameOrUrl);
  }
  sitePermissionLevel(siteNameOrUrl: string, userId: Id): PermissionLevel | 'none' {
    const site = this.findSite(siteNameOrUrl);
    return site ? sitePermissionLevel(this.db, this.idx, site, this.findUser(userId)) : 'none';
  }
  /**
   * A custom extension's callback for a request waiting on it, as `resume` would send it (docs/graph-notes.md §3.12):
   * the request moves on (`deny` only after approval). Throws when the request waits for no callback.
   */
  completeCallout(requestId: Id, detail: string | null = null, deny = false): void {
    answerCallout(this, this.requestOrThrow(requestId), undefined, detail, deny, (r, stage, d) => continueAfterCallout(this, r, stage, d));
  }

  /** The extension's call failed (`calloutFailed`); the request stays where it was (Graph documents no more). */
  failCallout(requestId: Id, detail: string | null = null): void {
    failCallout(this, this.requestOrThrow(requestId), 'calloutFailed', detail);
  }

  private requestOrThrow(id: Id): Db['assignmentRequests'][number] {
    const r = this.idx.requests.get(id);
    if (!r) throw new GraphError(404, 'ResourceNotFound', `Request '${id}' was not found.`);
    return r;
  }

  issueToken(user: FxUser | string, scopes?: string[]): IssuedToken {
    const u = typeof user === 'string' ? this.findUser(user) : this.findUser(user.id);
    if (!u) throw new Error(`Unknown user: ${typeof user === 'string' ? user : user.id}`);
    return signToken(u, scopes ?? DEFAULT_SCOPES, this.db.tenant.id);
  }

  /**
   * Files written through SharePoint REST (`…/Files/add`), by lower-cased server-relative URL: only what the product
   * writes (the site access map in Site Assets). Cleared by reset().
   */
  readonly spFiles = new Map<string, { content: string; modified: string; author: string }>();

  reset(): void {
    this.spFiles.clear();
    this.cancelTimers();
    this.db = this.buildFromFixture();
    this.setFaults({});
    this.managerView = this.managerViewDefault;
    this.suggestions = this.suggestionsAtStart;
    this.commit();
    resumeWorkflows(this);
  }

  // ----- asynchronous workflow steps
  schedule(fn: () => void, delayMs = this.workflowDelayMs): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      try {
        fn();
      } finally {
        if (this.timers.size === 0) this.flushWaiters();
      }
    }, delayMs);
    this.timers.add(t);
  }
  /** Resolves once no workflow step is pending (steps may schedule further steps). */
  settle(): Promise<void> {
    if (this.timers.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
  private flushWaiters(): void {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }
  private cancelTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.flushWaiters();
  }
  dispose(): void {
    this.cancelTimers();
    if (this.interval) clearInterval(this.interval);
  }

  addLog(e: LogEntry): void {
    this.log.push(e);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
  }

  // ----- building and persistence
  private buildFromFixture(): Db {
    const fx = prepareFixture(this.fixtureSource(), this.clockBase());
    const db: Db = { ...fx, base: captureBase(fx), grants: [], clockOffsetMs: 0, version: 1 };
    if (this.scaleSpec) applyScale(db, this.scaleSpec, this.clockBase());
    for (const r of db.assignmentRequests) {
      // Graph has an assignment behind every request, also before delivery (assignment($expand=target)).
      if (!r.assignmentId) r.assignmentId = stableGuid(`assignment:${r.id}`);
      let prevEnd: string | null = r.createdDateTime;
      for (const s of r.approvalStages) {
        if (s.status === 'InProgress' && !s.startedDateTime) s.startedDateTime = prevEnd;
        prevEnd = s.reviewedDateTime ?? prevEnd;
      }
    }
    const idx = new DbIndex(db);
    const now = this.clockBase().toISOString();
    for (const a of db.assignments) if (a.state === 'delivered') db.grants.push(...grantsForAssignment(db, idx, a, now));
    recomputeEffective(db, idx);
    return db;
  }

  private loadData(file: string): Db | undefined {
    if (!fs.existsSync(file)) return undefined;
    try {
      const db = JSON.parse(fs.readFileSync(file, 'utf8')) as Db;
      if (db.version !== 1 || !Array.isArray(db.users) || !Array.isArray(db.grants)) throw new Error('unexpected format');
      return db;
    } catch (e) {
      // Writes are atomic, so this is a foreign or hand-edited file: start from the fixture instead of crashing.
      console.warn(`[local tenant] ignoring data file ${file}: ${(e as Error).message}`);
      return undefined;
    }
  }

  private persist(): void {
    if (!this.dataPath) return;
    const dir = path.dirname(this.dataPath);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${this.dataPath}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.db));
    fs.renameSync(tmp, this.dataPath);
  }

  /** Re-applies grants of one assignment (used by the workflow after delivery/renewal). */
  grant(assignmentId: Id): void {
    const a = this.idx.assignments.get(assignmentId);
    if (a) addGrants(this.db, this.idx, a, this.nowIso());
  }
}

export function createTenant(opts?: TenantOptions): Tenant {
  return new Tenant(opts);
}
