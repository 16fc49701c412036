// Server errors as the user reads them: a translated sentence for the codes we know, the
// server's own message otherwise, and the fields a validation error points at.
import { ApiError } from '@hallq/client';
import type { MessageKey, Translate } from '../i18n';

const KNOWN = new Set<string>([
  'window_busy', 'invalid_transition', 'stage_not_allowed', 'not_window_skill', 'last_admin', 'forbidden', 'unauthorized', 'validation_failed',
  'not_found', 'window_not_signed_in', 'service_closed', 'hall_closed', 'quota_reached', 'conflict',
  'rate_limited', 'offline', 'internal', 'invalid_credentials', 'no_show_too_early', 'requeue_not_allowed',
]);

export interface FieldIssue {
  path: string;
  message: string;
}

/** Field issues from `error.details` (zod-style `[{path, message}]`, or `{field: message}`). */
export function fieldIssues(details: unknown): FieldIssue[] {
  const list = Array.isArray(details)
    ? details
    : details && typeof details === 'object' && Array.isArray((details as { issues?: unknown }).issues)
      ? (details as { issues: unknown[] }).issues
      : null;
  if (list) {
    return list.flatMap((d) => {
      if (!d || typeof d !== 'object') return [];
      const { path, message } = d as { path?: unknown; message?: unknown };
      const p = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
      return typeof message === 'string' ? [{ path: p, message }] : [];
    });
  }
  if (details && typeof details === 'object') {
    return Object.entries(details as Record<string, unknown>)
      .filter(([, v]) => typeof v === 'string')
      .map(([k, v]) => ({ path: k, message: v as string }));
  }
  return [];
}

export interface ShownError {
  code: string;
  message: string;
  fields: FieldIssue[];
}

export function describeError(err: unknown, t: Translate): ShownError {
  if (err instanceof ApiError) {
    const code = err.status === 401 && err.code !== 'invalid_credentials' && err.code.startsWith('http_') ? 'unauthorized' : err.code;
    // A conflict has too many causes for one sentence: the server's own says which.
    const message = KNOWN.has(code) ? t(`error.${code}` as MessageKey, { message: err.message }) : t('error.unknown', { message: err.message });
    return { code, message, fields: fieldIssues(err.details) };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'client', message: t('error.unknown', { message }), fields: [] };
}

/** Issues of a failed zod parse, as shown next to a form before anything is sent. */
export function zodIssues(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
