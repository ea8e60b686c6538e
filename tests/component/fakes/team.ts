/**
 * "My team"'s fake (MyAccess's manager view) and its data, team.json: what the real GraphTeamService reads from the
 * local tenant at PERSONA_NOW, for Isaiah (Alex's manager) and Alex (manages nobody). Regenerate with
 * `npx tsx tests/component/fakes/team.ts`; tests/service/fakeTeamContract.test.ts checks it is current.
 */
import * as fs from 'fs';
import * as path from 'path';
import { startLocalTenant } from '../../../localTenant';
import { servicesFor } from '../../service/localTenantClient';
import { ITeamProbe, ITeamRead, ITeamService } from '../../../src/services/graph/GraphTeamService';
import { fromHttp } from '../../../src/services/infrastructure/AppError';
import { U } from '../../contoso';
import { PERSONA_NOW } from './personas';

export const TEAM_USERS = { isaiah: U.isaiah, alex: U.alex } as const;
export type TeamPerson = keyof typeof TEAM_USERS;
export const TEAM_FILE = path.join(__dirname, 'team.json');

/** What the real service answers: the probe (null: no tab) and, when there is one, the read. */
export interface ITeamCapture {
  // eslint-disable-next-line @rushstack/no-new-null -- JSON has no undefined
  probe: ITeamProbe | null;
  // eslint-disable-next-line @rushstack/no-new-null -- JSON has no undefined
  read: ITeamRead | null;
}

export async function captureTeam(team: ITeamService): Promise<ITeamCapture> {
  const probe = await team.probe();
  return JSON.parse(JSON.stringify({ probe: probe || null, read: probe ? await team.read(probe) : null }));
}

/** The real service for each person at PERSONA_NOW, with the tenant's manager view on (`managerView`) or off. */
export async function captureTeams(managerView: boolean = true): Promise<Record<TeamPerson, ITeamCapture>> {
  const tenant = await startLocalTenant({ port: 0, now: () => new Date(PERSONA_NOW.getTime()), managerView });
  try {
    const out: Partial<Record<TeamPerson, ITeamCapture>> = {};
    for (const name of Object.keys(TEAM_USERS) as TeamPerson[]) {
      const team = servicesFor(tenant, TEAM_USERS[name], 'intranet').team;
      if (!team) throw new Error('createServices built no team service');
      out[name] = await captureTeam(team);
    }
    return out as Record<TeamPerson, ITeamCapture>;
  } finally {
    await tenant.stop();
  }
}

/**
 * Answers as GraphTeamService does against the local tenant: the captured probe and read with the manager view on;
 * with it off (`managerView: false`) Graph refuses `targetManager` with 400, so the probe finds nothing (no tab) and a
 * read would fail with that 400.
 */
export class FakeTeamService implements ITeamService {
  public probeCalls: number = 0;
  public readCalls: number = 0;
  private readonly _capture: ITeamCapture;

  constructor(person: TeamPerson, private readonly _o: { managerView?: boolean } = {}) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const all: Record<TeamPerson, ITeamCapture> = require('./team.json');
    this._capture = JSON.parse(JSON.stringify(all[person]));
  }

  public async probe(): Promise<ITeamProbe | undefined> {
    this.probeCalls++;
    if (this._o.managerView === false) return undefined;
    return this._capture.probe || undefined;
  }

  public async read(probe: ITeamProbe): Promise<ITeamRead> {
    this.readCalls++;
    if (this._o.managerView === false || !this._capture.read) {
      throw fromHttp(400, { error: { code: 'BadRequest', message: "The value 'targetManager' is not a valid member of 'accessPackageAssignmentFilterByCurrentUserOptions'." } });
    }
    return { ...this._capture.read, assignments: probe.assignments.concat(this._capture.read.assignments.slice(probe.assignments.length)) };
  }
}

if (require.main === module) {
  captureTeams().then(all => {
    fs.writeFileSync(TEAM_FILE, JSON.stringify(all, null, 2) + '\n');
    console.log(`wrote ${TEAM_FILE}`);
  }, (e: unknown) => { console.error(e); process.exit(1); });
}
