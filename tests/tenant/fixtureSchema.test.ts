/** The fixture format's JSON Schema (localTenant/fixtures/fixture.schema.json), checked when a tenant loads. */
import * as fs from 'fs';
import { createTenant } from '../../localTenant';
import { DEFAULT_FIXTURE_PATH, FixtureError, validateFixture } from '../../localTenant/fixture';

function contoso(): any {
  return JSON.parse(fs.readFileSync(DEFAULT_FIXTURE_PATH, 'utf8'));
}

/** What a tenant says when it refuses `fixture`. */
function refusal(fixture: unknown): string {
  try {
    createTenant({ fixture }).dispose();
  } catch (e) {
    expect(e).toBeInstanceOf(FixtureError);
    return (e as Error).message;
  }
  throw new Error('the fixture loaded');
}

describe('the fixture schema', () => {
  test('the Contoso fixture passes', () => {
    expect(() => validateFixture(contoso())).not.toThrow();
  });

  test('the scale generator\'s output passes', () => {
    const t = createTenant({ scale: 'packages:120,approvals:40,users:60,assignments:30,requests:20,held:25' });
    try {
      // The tenant's state is the fixture plus its own bookkeeping.
      const fixture: any = { ...t.db };
      for (const own of ['base', 'grants', 'clockOffsetMs', 'version', 'scale']) delete fixture[own];
      expect(fixture.accessPackages.length).toBeGreaterThan(120);
      expect(() => validateFixture(fixture)).not.toThrow();
    } finally {
      t.dispose();
    }
  });

  test('a bad field is refused with its path', () => {
    const wrongType = contoso();
    wrongType.users[2].userPrincipalName = 42;
    expect(refusal(wrongType)).toMatch(/users\[2\]\.userPrincipalName should be string/);

    const missing = contoso();
    delete missing.assignments[0].targetId;
    expect(refusal(missing)).toMatch(/assignments\[0\]\.targetId is required/);

    const notAllowed = contoso();
    notAllowed.sites[1].roles[0].permissionLevel = 'Owner';
    expect(refusal(notAllowed)).toMatch(/sites\[1\]\.roles\[0\]\.permissionLevel should be one of "Read", "Edit", "Full Control"/);

    const badDate = contoso();
    badDate.assignmentRequests[0].approvalStages[0].reviewedDateTime = 'yesterday';
    expect(refusal(badDate)).toMatch(/assignmentRequests\[0\]\.approvalStages\[0\]\.reviewedDateTime should match pattern/);

    const misspelt = contoso();
    misspelt.assignmentPolicy = misspelt.assignmentPolicies;
    expect(refusal(misspelt)).toMatch(/(^|\s)assignmentPolicy is not a fixture field/);
  });

  test('the message names the schema and stops after five fields', () => {
    const many = contoso();
    many.users.forEach((u: any) => { u.displayName = null; });
    const message = refusal(many);
    expect(message).toMatch(/fixture\.schema\.json/);
    expect(message.split('\n').filter(l => /users\[\d+\]\.displayName/.test(l))).toHaveLength(5);
    expect(message).toMatch(/and \d+ more/);
  });
});
