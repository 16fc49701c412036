// Error codes of the public API (snake_case, fixed within v1) and their HTTP statuses.
import type { z } from 'zod';
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  invalid_transition: 409,
  window_busy: 409,
  window_not_signed_in: 409,
  last_admin: 409,
  service_closed: 409,
  hall_closed: 409,
  quota_reached: 409,
  already_rated: 409,
  no_show_too_early: 409,
  requeue_not_allowed: 409,
  appointment_not_found: 404,
  appointment_used: 409,
  appointment_not_today: 409,
  appointment_other_service: 409,
  idempotency_conflict: 409,
  appointment_outside_window: 409,
  slot_full: 409,
  slot_not_offered: 400,
  booking_not_found: 404,
  booking_not_cancellable: 409,
  remote_closed: 409,
  remote_share_reached: 409,
  arrival_code_invalid: 400,
  push_unavailable: 503,
  stage_not_allowed: 403,
  not_window_skill: 403,
  request_timeout: 408,
  expectation_failed: 417,
  payload_too_large: 413,
  unsupported_media_type: 415,
  headers_too_large: 431,
  rate_limited: 429,
  internal: 500,
  printer_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One problem of a refused body or query, as `details` of a 400 `validation_failed` lists it. */
export interface ValidationIssue {
  path: Array<string | number>;
  message: string;
  code: string;
}

/** The `details` of a 400 `validation_failed` (the hall server's and the city hub's alike). */
export function validationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message, code: i.code }));
}
