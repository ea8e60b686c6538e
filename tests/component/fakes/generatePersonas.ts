/**
 * Regenerates personas.json, the component fake's data, from what the real service returns from the
 * local tenant at PERSONA_NOW: `npx tsx tests/component/fakes/generatePersonas.ts`.
 */
import * as fs from 'fs';
import { startLocalTenant } from '../../../localTenant';
import { servicesFor } from '../../service/localTenantClient';
import { capturePersona, IPersonaCapture } from './capture';
import { CAPTURED_PACKAGES, PERSONA_NOW, PERSONA_USERS, PERSONAS_FILE, PersonaName } from './personas';

export async function captureAll(): Promise<Record<PersonaName, IPersonaCapture>> {
  const tenant = await startLocalTenant({ port: 0, now: () => new Date(PERSONA_NOW.getTime()) });
  try {
    const out: Partial<Record<PersonaName, IPersonaCapture>> = {};
    for (const name of Object.keys(PERSONA_USERS) as PersonaName[]) {
      out[name] = await capturePersona(servicesFor(tenant, PERSONA_USERS[name]).entitlements, CAPTURED_PACKAGES);
    }
    return out as Record<PersonaName, IPersonaCapture>;
  } finally {
    await tenant.stop();
  }
}

if (require.main === module) {
  captureAll().then(all => {
    fs.writeFileSync(PERSONAS_FILE, JSON.stringify(all, null, 2) + '\n');
    console.log(`wrote ${PERSONAS_FILE}`);
  }, (e: unknown) => { console.error(e); process.exit(1); });
}
