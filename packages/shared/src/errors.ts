// Error codes of the public API (snake_case, fixed within v1) and their HTTP statuses.
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  window_busy: 409,
  window_not_signed_in: 409,
  service_closed: 409,
  hall_closed: 409,
  quota_reached: 409,
  already_rated: 409,
  idempotency_conflict: 409,
  stage_not_allowed: 403,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  printer_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
