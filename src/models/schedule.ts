import type { EntitlementManagementSchedule } from '@microsoft/microsoft-graph-types';
import { ISchedule, ExpirationType } from '../core/model/types';
import { knownMember, optional } from '../core/model/graphShapes';

/* eslint-disable @rushstack/no-new-null */ // Graph's payloads use null.

// A request's or policy's schedule, apart from ./duration, which is part of the AccessPrompt customizer's first script.

const EXPIRATION_TYPES: ExpirationType[] = ['notSpecified', 'noExpiration', 'afterDateTime', 'afterDuration'];

export function mapSchedule(raw: EntitlementManagementSchedule | null | undefined): ISchedule {
  const exp = (raw && raw.expiration) || {};
  return {
    startDateTime: optional(raw && raw.startDateTime),
    expirationType: knownMember<ExpirationType>(exp.type, EXPIRATION_TYPES, 'notSpecified'),
    endDateTime: optional(exp.endDateTime),
    duration: optional(exp.duration)
  };
}
