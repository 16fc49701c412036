// GET /me for every client: who this token is and which hall it belongs to. A client that cannot
// learn its hall says so; it never guesses one.
import type { MeAnswer } from '@hallq/shared';
import { ApiError, type ApiClient } from './api-client';

export async function fetchMe(api: Pick<ApiClient, 'get'>): Promise<MeAnswer> {
  const me = await api.get<Partial<MeAnswer> | null>('/me');
  if (!me || typeof me.hallId !== 'string' || me.hallId === '' || (me.kind !== 'staff' && me.kind !== 'device')) {
    throw new ApiError(502, 'bad_me_answer', 'the server did not say which hall this token belongs to');
  }
  return me as MeAnswer;
}
