/**
 * Errors in Graph's envelope (docs/graph-notes.md §1.1, §11.1) and the emulator's business-rule codes.
 *
 * Business rules have no published EM codes (docs/graph-notes.md §11.4), so the emulator uses obviously fake codes
 * under the `AccessHubEmulator.` prefix. They live in one exported table so the client can map them, and
 * can be overridden per tenant (`LocalTenantOptions.errorCodes`).
 */
import { randomUUID } from 'crypto';

export const EMULATOR_ERROR_CODES = {
  ExistingOpenRequest: 'AccessHubEmulator.ExistingOpenRequest',
  AlreadyAssigned: 'AccessHubEmulator.AlreadyAssigned',
  PolicyNotAllowed: 'AccessHubEmulator.PolicyNotAllowed',
  JustificationRequired: 'AccessHubEmulator.JustificationRequired',
  AnswerRequired: 'AccessHubEmulator.AnswerRequired',
  AnswerInvalid: 'AccessHubEmulator.AnswerInvalid',
  ScheduleNotAllowed: 'AccessHubEmulator.ScheduleNotAllowed',
  ScheduleOutOfRange: 'AccessHubEmulator.ScheduleOutOfRange',
  NotCancellable: 'AccessHubEmulator.NotCancellable',
  ApproverJustificationRequired: 'AccessHubEmulator.ApproverJustificationRequired',
  StageAlreadyDecided: 'AccessHubEmulator.StageAlreadyDecided',
  AssignmentNotFound: 'AccessHubEmulator.AssignmentNotFound',
  AssignmentNotActive: 'AccessHubEmulator.AssignmentNotActive',
  ReviewerJustificationRequired: 'AccessHubEmulator.ReviewerJustificationRequired',
  ReviewNotActive: 'AccessHubEmulator.ReviewNotActive',
  NotSupported: 'AccessHubEmulator.NotSupported',
  NotWaitingForCallback: 'AccessHubEmulator.NotWaitingForCallback',
  VerifiableCredentialRequired: 'AccessHubEmulator.VerifiableCredentialRequired',
} as const;

export type EmulatorErrorKey = keyof typeof EMULATOR_ERROR_CODES;

/** HTTP status of each business-rule error (all validation failures are 400 except a decided stage). */
export const EMULATOR_ERROR_STATUS: Record<EmulatorErrorKey, number> = {
  ExistingOpenRequest: 400,
  AlreadyAssigned: 400,
  PolicyNotAllowed: 400,
  JustificationRequired: 400,
  AnswerRequired: 400,
  AnswerInvalid: 400,
  ScheduleNotAllowed: 400,
  ScheduleOutOfRange: 400,
  NotCancellable: 400,
  ApproverJustificationRequired: 400,
  StageAlreadyDecided: 409,
  AssignmentNotFound: 404,
  AssignmentNotActive: 400,
  ReviewerJustificationRequired: 400,
  ReviewNotActive: 400,
  NotSupported: 400,
  NotWaitingForCallback: 400,
  VerifiableCredentialRequired: 400,
};

/** Messages seen verbatim in public material (docs/graph-notes.md §11.3). */
export const MESSAGES = {
  unauthorizedRole: 'User is not authorized to perform the operation. Reason: The caller is not authorized.',
  noLicense: 'User is not authorized to perform the operation. Reason: Tenant does not meet license requirement.',
  appOnlyApprovals: 'Only app tokens are allowed to list all approvals. Use filterByCurrentUser instead.',
  noPolicy: 'No valid policy was found in the request',
  insufficientPrivileges: 'Insufficient privileges to complete the operation.',
  accessReviewDenied: 'Attempted to perform an unauthorized operation.',
};

export class GraphError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface ErrorEnvelope {
  error: { code: string; message: string; innerError: { date: string; 'request-id': string; 'client-request-id': string } };
}

export function envelope(code: string, message: string, clientRequestId?: string, requestId?: string): ErrorEnvelope {
  const rid = requestId ?? randomUUID();
  return {
    error: {
      code,
      message,
      innerError: {
        // Graph's innerError.date has no fractional seconds.
        date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': rid,
        'client-request-id': clientRequestId ?? rid,
      },
    },
  };
}

export const badRequest = (message: string, code = 'BadRequest'): GraphError => new GraphError(400, code, message);
export const notFound = (message: string, code = 'ResourceNotFound'): GraphError => new GraphError(404, code, message);
/** EM's unknown-route 404 has an empty code (docs/graph-notes.md §11.3). */
export const noHttpResource = (url: string): GraphError =>
  new GraphError(404, '', `No HTTP resource was found that matches the request URI '${url}'.`);
export const forbiddenRole = (): GraphError => new GraphError(403, 'UnAuthorized', MESSAGES.unauthorizedRole);

/** Resolves a business-rule code through the tenant's overrides. */
export function businessError(
  key: EmulatorErrorKey,
  message: string,
  overrides?: Partial<Record<EmulatorErrorKey, string>>,
): GraphError {
  return new GraphError(EMULATOR_ERROR_STATUS[key], overrides?.[key] ?? EMULATOR_ERROR_CODES[key], message);
}
