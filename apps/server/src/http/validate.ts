// Validation at the edge: a zod failure becomes 400 validation_failed with the issue paths.
import { validationIssues } from '@hallq/shared';
import type { z } from 'zod';
import { AppError } from '../services/errors';

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  // A missing body is `{}` (see body.ts); a JSON `null` is not an object and is refused.
  const r = schema.safeParse(value === undefined ? {} : value);
  if (!r.success) {
    throw new AppError(
      'validation_failed',
      'the request is not valid',
      validationIssues(r.error),
    );
  }
  return r.data;
}
