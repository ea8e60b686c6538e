import { FakeEntitlementService } from '../component/fakes/FakeEntitlementService';
import { capturePersona } from '../component/fakes/capture';
import { captureAll } from '../component/fakes/generatePersonas';
import { CAPTURED_PACKAGES, PERSONA_NOW, PERSONA_USERS, PersonaName, persona } from '../component/fakes/personas';
import { ID } from '../contoso';

// The component tests' fake must answer as the real service does from the local tenant, for the same
// person at the same time; otherwise a component test could assert something real use never shows.
describe('the component fake against the real service (local tenant)', () => {
  let real: Awaited<ReturnType<typeof captureAll>>;
  beforeAll(async () => { real = await captureAll(); });

  it('personas.json is what the real service returns now (else: npx tsx tests/component/fakes/generatePersonas.ts)', () => {
    for (const name of Object.keys(PERSONA_USERS) as PersonaName[]) {
      expect({ name, ...persona(name) }).toEqual({ name, ...JSON.parse(JSON.stringify(real[name])) });
    }
  });

  it.each(Object.keys(PERSONA_USERS) as PersonaName[])('the fake for %s answers every read as the real service does', async name => {
    const fake = FakeEntitlementService.forPersona(name);
    const fromFake = await capturePersona(fake, CAPTURED_PACKAGES);
    expect(JSON.parse(JSON.stringify(fromFake))).toEqual(JSON.parse(JSON.stringify(real[name])));
  });

  it('captures MyAccess\'s reads: Alex\'s Engineering Onboarding ends in 10 days, his Falcon request is pending, each with its policy', () => {
    const alex = real.alex;
    const eng = alex.myAccessAssignments.find(a => a.accessPackageId === ID.engineering);
    expect(eng && eng.endDateTime && (new Date(eng.endDateTime).getTime() - PERSONA_NOW.getTime()) / 86400000).toBe(10);
    expect(eng && eng.policy).toMatchObject({ id: ID.engineeringPolicy, canExtend: true, isApprovalRequiredForUpdate: false });
    const falcon = alex.myAccessRequests.find(r => r.id === ID.alexFalconRequest);
    expect(falcon).toMatchObject({ state: 'pendingApproval', policy: { id: ID.falconEmployees } });
  });

  it('pins what the fake once got wrong: no isHidden by id, Adele\'s manager is Megan', () => {
    const adele = real.adele;
    const warRoom = adele.available[ID.warRoom];
    expect('value' in warRoom && warRoom.value).toEqual({ id: ID.warRoom, displayName: 'Falcon War Room', description: expect.any(String) });
    expect(adele.requestable.find(p => p.id === ID.warRoom)).toMatchObject({ isHidden: true, modifiedDateTime: expect.any(String) });
    expect('value' in adele.manager && adele.manager.value && adele.manager.value.displayName).toBe('Megan Bowen');
  });
});
