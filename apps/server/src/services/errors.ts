// The one error type use cases throw; the HTTP layer turns it into {"error": {code, message, details}}.
import { ERROR_STATUS, type ErrorCode } from '@hallq/shared';

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);
export const invalidTransition = (from: string, action: string): AppError =>
  new AppError('invalid_transition', `cannot ${action} a ticket that is ${from}`, { status: from, action });
