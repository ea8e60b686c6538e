import type { User } from '@microsoft/microsoft-graph-types';
import { IUserInfo } from '../core/model/types';
import { optional, required } from '../core/model/graphShapes';

/** `/me` and `/me/manager` (a directoryObject that is a user). */
export function mapUser(raw: User): IUserInfo {
  return {
    id: required(raw.id, 'user', 'id'),
    displayName: raw.displayName || raw.userPrincipalName || '',
    userPrincipalName: raw.userPrincipalName || '',
    mail: optional(raw.mail),
    preferredLanguage: optional(raw.preferredLanguage)
  };
}
