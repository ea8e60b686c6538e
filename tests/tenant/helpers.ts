/** Test helpers: start the local tenant in-process on a free port and talk to it over HTTP. */
import { LocalTenantHandle, LocalTenantOptions, startLocalTenant } from '../../localTenant';

export const EM = '/v1.0/identityGovernance/entitlementManagement';
export const AR = '/v1.0/identityGovernance/accessReviews';

export { U, ID } from '../contoso';

export const SA = 'EntitlementMgmt-SubjectAccess.ReadWrite';
export const RA = 'EntitlementManagement.Read.All';
export const RWA = 'EntitlementManagement.ReadWrite.All';
export const ARRW = 'AccessReview.ReadWrite.All';
export const ARR = 'AccessReview.Read.All';

export interface Res<T = any> { status: number; headers: Headers; body: T; text: string }

export class TestTenant {
  constructor(public readonly h: LocalTenantHandle) {}
  get url(): string { return this.h.url; }
  get tenant() { return this.h.tenant; }

  static async start(opts: LocalTenantOptions = {}): Promise<TestTenant> {
    return new TestTenant(await startLocalTenant({ port: 0, workflowDelayMs: 5, ...opts }));
  }
  stop(): Promise<void> { return this.h.stop(); }

  async token(user: string, scopes?: string[]): Promise<string> {
    const r = await this.call('POST', '/_dev/token', { body: { user, scopes } });
    if (r.status !== 200) throw new Error(`token for ${user}: ${r.status} ${r.text}`);
    return r.body.access_token as string;
  }

  async call(method: string, path: string, o: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Res> {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.Authorization = `Bearer ${o.token}`;
    if (o.body !== undefined || o.raw !== undefined) headers['Content-Type'] = headers['Content-Type'] ?? 'application/json';
    const r = await fetch(path.startsWith('http') ? path : this.url + path, {
      method, headers, body: o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body)),
    });
    const text = await r.text();
    let body: any;
    try { body = text ? JSON.parse(text) : undefined; } catch { body = text; }
    return { status: r.status, headers: r.headers, body, text };
  }

  /** Calls as a user (tokens are cached per user+scopes). */
  private cache = new Map<string, string>();
  async as(user: string, method: string, path: string, o: { body?: unknown; raw?: string; headers?: Record<string, string>; scopes?: string[] } = {}): Promise<Res> {
    const key = `${user}|${(o.scopes ?? []).join(' ')}`;
    let token = this.cache.get(key);
    if (!token) { token = await this.token(user, o.scopes); this.cache.set(key, token); }
    return this.call(method, path, { ...o, token });
  }

  async reset(): Promise<void> {
    const r = await this.call('POST', '/_dev/reset');
    if (r.status !== 200) throw new Error(`reset failed: ${r.status}`);
  }
  async advance(duration: string): Promise<Res> { return this.call('POST', '/_dev/clock', { body: { advance: duration } }); }
  settle(): Promise<void> { return this.h.tenant.settle(); }
}

/** Asserts Graph's error envelope (docs/graph-notes.md §1.1, §11.1). */
export function expectEnvelope(r: Res, status: number, code?: string): void {
  expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status, code: code ?? r.body?.error?.code });
  expect(typeof r.body.error.message).toBe('string');
  expect(r.body.error.innerError).toEqual(expect.objectContaining({ date: expect.any(String), 'request-id': expect.any(String), 'client-request-id': expect.any(String) }));
}

export function userAdd(packageId: string, policyId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { requestType: 'userAdd', assignment: { accessPackageId: packageId, assignmentPolicyId: policyId }, ...extra };
}

export function answer(questionId: string, value: string, kind: 'text' | 'choice' = 'text'): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.accessPackageAnswerString', value, displayValue: value,
    answeredQuestion: { '@odata.type': kind === 'text' ? '#microsoft.graph.accessPackageTextInputQuestion' : '#microsoft.graph.accessPackageMultipleChoiceQuestion', id: questionId },
  };
}

/** Follows @odata.nextLink until the end, returning every item and the number of pages. */
export async function allPages(tt: TestTenant, user: string, path: string, scopes?: string[]): Promise<{ items: any[]; pages: number; first: Res }> {
  const first = await tt.as(user, 'GET', path, { scopes });
  if (first.status !== 200) throw new Error(`${path}: ${first.status} ${first.text}`);
  const items = [...first.body.value];
  let next = first.body['@odata.nextLink'] as string | undefined;
  let pages = 1;
  while (next) {
    const r = await tt.as(user, 'GET', next, { scopes });
    if (r.status !== 200) throw new Error(`${next}: ${r.status} ${r.text}`);
    items.push(...r.body.value);
    next = r.body['@odata.nextLink'];
    pages++;
    if (pages > 1000) throw new Error('runaway paging');
  }
  return { items, pages, first };
}
