/** `/_dev/health` tells the truth about start-up: 503 naming what still starts, 200 only once nothing does. */
import { LocalTenantHandle, startLocalTenant } from '../../localTenant';

let h: LocalTenantHandle;
beforeAll(async () => { h = await startLocalTenant({ port: 0, waitFor: ['workbench', 'search'] }); });
afterAll(async () => { await h.stop(); });

async function health(): Promise<{ status: number; retryAfter: string | null; body: any }> {
  const r = await fetch(`${h.url}/_dev/health`);
  return { status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.json() };
}

test('503 with what is still starting, then 200 when every component is ready', async () => {
  expect(await health()).toEqual({
    status: 503, retryAfter: '1', body: expect.objectContaining({ status: 'starting', waitingFor: ['workbench', 'search'], tenant: 'Contoso' })
  });
  h.ready('search');
  expect(await health()).toEqual(expect.objectContaining({ status: 503, body: expect.objectContaining({ waitingFor: ['workbench'] }) }));
  h.ready('workbench');
  expect(await health()).toEqual({ status: 200, retryAfter: null, body: expect.objectContaining({ status: 'ok', tenant: 'Contoso', users: 15 }) });
  expect(h.waitingFor()).toEqual([]);
});

test('Graph answers while the rest starts; /_dev/certificate is 404 over plain http', async () => {
  const starting = await startLocalTenant({ port: 0, waitFor: ['workbench'] });
  try {
    const token = starting.tenant.issueToken('adelev@contoso.com').access_token;
    const me = await fetch(`${starting.url}/v1.0/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(starting.certificate).toBeUndefined();
    expect((await fetch(`${starting.url}/_dev/certificate`)).status).toBe(404);
  } finally {
    await starting.stop();
  }
});
