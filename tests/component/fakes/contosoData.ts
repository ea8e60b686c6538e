// A typed slice of localTenant/fixtures/contoso.json, as the service maps it: what the panel sees.
import {
  IAccessPackage, IGrant, IPolicyRequirement, IUserInfo, ITextQuestion, IChoiceQuestion
} from '../../../src/models/types';

import { ID } from '../../contoso';

export const MARKETING_ID = ID.contributors;
export const FALCON_ID = ID.falcon;
export const WAR_ROOM_ID = ID.warRoom;
export const ENGINEERING_ID = ID.engineering;
export const BREAK_GLASS_ID = ID.breakGlass;
export const UNKNOWN_ID = '00000000-1111-2222-3333-444444444444';

export const CAMPAIGN_Q = ID.campaignQ;
export const REGION_Q = ID.regionQ;
export const CONTRACT_Q = ID.contractQ;

export const ADELE: IUserInfo = { id: 'user-adele', displayName: 'Adele Vance', userPrincipalName: 'adelev@contoso.com' };
export const MIRIAM: IUserInfo = { id: 'user-miriam', displayName: 'Miriam Graham', userPrincipalName: 'miriamg@contoso.com' };

export const packages: IAccessPackage[] = [
  {
    id: MARKETING_ID, displayName: 'Marketing Campaign Contributors', isHidden: false,
    description: 'Edit access to the Marketing site, membership of the Marketing Team and the Salesforce Marketing User role.'
  },
  {
    id: FALCON_ID, displayName: 'Project Falcon Team', isHidden: false,
    description: 'Membership of the Project Falcon team in Teams and its SharePoint site.'
  },
  { id: WAR_ROOM_ID, displayName: 'Falcon War Room', isHidden: true, description: 'Incident room for Project Falcon. Shared by link only.' },
  {
    id: ENGINEERING_ID, displayName: 'Engineering Onboarding', isHidden: false,
    description: 'Membership of the Engineering group and site, and the Contoso Expenses User role.'
  },
  { id: BREAK_GLASS_ID, displayName: 'Break-glass Admin Tools', isHidden: false, description: 'Emergency administration.' }
];

const campaignQuestion: ITextQuestion = {
  kind: 'text', id: CAMPAIGN_Q, sequence: 1, isRequired: true, isSingleLine: true,
  text: 'Which campaign will you work on?',
  localizations: [
    { languageCode: 'de', text: 'An welcher Kampagne arbeiten Sie mit?' },
    { languageCode: 'fr', text: 'Sur quelle campagne allez-vous travailler ?' }
  ]
};

const regionQuestion: IChoiceQuestion = {
  kind: 'choice', id: REGION_Q, sequence: 2, isRequired: true, isMultipleSelectionAllowed: false,
  text: 'Region',
  localizations: [{ languageCode: 'de', text: 'Region' }, { languageCode: 'fr', text: 'Région' }],
  choices: [
    { value: 'emea', text: 'Europe, Middle East and Africa', localizations: [{ languageCode: 'de', text: 'Europa, Naher Osten und Afrika' }] },
    { value: 'americas', text: 'Americas', localizations: [{ languageCode: 'de', text: 'Amerika' }] },
    { value: 'apac', text: 'Asia Pacific', localizations: [{ languageCode: 'de', text: 'Asien-Pazifik' }] }
  ]
};

export const contractQuestion: ITextQuestion = {
  kind: 'text', id: CONTRACT_Q, sequence: 1, isRequired: true, isSingleLine: true,
  text: 'Fabrikam contract number',
  localizations: [{ languageCode: 'de', text: 'Fabrikam-Vertragsnummer' }, { languageCode: 'fr', text: 'Numéro de contrat Fabrikam' }],
  regexPattern: '^FAB-[0-9]{6}$'
};

export const marketingPolicy: IPolicyRequirement = {
  policyId: '15999f30-3b49-4977-a9ca-8b69fdb9048b', displayName: 'Employees (manager approval)',
  description: 'Any employee; your manager approves.',
  isApprovalRequired: true, isApprovalRequiredForUpdate: true, isJustificationRequired: true, allowCustomSchedule: true,
  schedule: { expirationType: 'afterDuration', duration: 'P90D' },
  questions: [regionQuestion, campaignQuestion] // out of order on purpose: the panel sorts by sequence
};

export const falconContosoPolicy: IPolicyRequirement = {
  policyId: '7e3eead8-fec7-4bd8-af6b-85238fb728e9', displayName: 'Contoso employees (two-stage approval)',
  description: 'Your manager, then the project lead, approve.',
  isApprovalRequired: true, isApprovalRequiredForUpdate: true, isJustificationRequired: true, allowCustomSchedule: false,
  schedule: { expirationType: 'afterDateTime', endDateTime: '2026-06-30T00:00:00Z' },
  questions: []
};

export const fabrikamPolicy: IPolicyRequirement = {
  policyId: '921927d1-2e3e-4d9d-a2ff-2b119570dc98', displayName: 'Fabrikam partners',
  description: 'For engineers of Fabrikam; the project lead approves.',
  isApprovalRequired: true, isApprovalRequiredForUpdate: true, isJustificationRequired: true, allowCustomSchedule: false,
  schedule: { expirationType: 'afterDuration', duration: 'P30D' },
  questions: [contractQuestion]
};

export const warRoomPolicy: IPolicyRequirement = {
  policyId: '5966fd01-130a-4167-af90-93bf3f3550a0', displayName: 'Contoso employees', description: 'The project lead approves.',
  isApprovalRequired: true, isApprovalRequiredForUpdate: true, isJustificationRequired: true, allowCustomSchedule: false,
  schedule: { expirationType: 'afterDuration', duration: 'P7D' }, questions: []
};

export const engineeringPolicy: IPolicyRequirement = {
  policyId: '9abaf633-edf7-4d41-a48b-028f9097021c', displayName: 'Engineers (no approval)',
  description: 'Granted at once for one year; extend yourself before it ends.',
  isApprovalRequired: false, isApprovalRequiredForUpdate: false, isJustificationRequired: false, allowCustomSchedule: false,
  schedule: { expirationType: 'afterDuration', duration: 'P365D' }, questions: []
};

export const engineeringGrants: IGrant[] = [
  {
    id: 'eng-site', kind: 'siteRole', originSystem: 'SharePointOnline', resourceName: 'Engineering', roleName: 'Members',
    resourceOriginId: 'https://contoso.sharepoint.com/sites/engineering', roleOriginId: '5', siteLevel: 'member',
    url: 'https://contoso.sharepoint.com/sites/engineering'
  },
  {
    id: 'eng-group', kind: 'groupMember', originSystem: 'AadGroup', resourceName: 'Engineering', roleName: 'Member',
    resourceOriginId: 'group-engineering', roleOriginId: 'Member_group-engineering', siteLevel: 'member'
  },
  {
    id: 'eng-app', kind: 'appRole', originSystem: 'AadApplication', resourceName: 'Contoso Expenses', roleName: 'User',
    resourceOriginId: 'sp-expenses', roleOriginId: 'role-user'
  }
];
