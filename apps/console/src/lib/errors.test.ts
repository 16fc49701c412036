import { ApiError } from '@hallq/client';
import { translate } from '../i18n';
import type { MessageKey } from '../i18n';
import { describeError, fieldIssues } from './errors';

const t = (k: MessageKey, p?: Record<string, string | number>) => translate('zh', k, p);

describe('server errors as shown', () => {
  it('translates known codes', () => {
    expect(describeError(new ApiError(409, 'window_busy', 'busy'), t).message).toContain('本窗口');
    expect(describeError(new ApiError(403, 'stage_not_allowed', 'no'), t).message).toContain('仅限审批干部');
  });
  it('says which conflict: the sentence for conflicts carries the server\'s reason', () => {
    const e = describeError(new ApiError(409, 'conflict', 'this person is signed in at window 3, which still has a ticket called or being served'), t);
    expect(e.message).toBe('与现有数据冲突：this person is signed in at window 3, which still has a ticket called or being served');
  });
  it("keeps the server's message for an unknown code", () => {
    expect(describeError(new ApiError(400, 'something_new', 'the reason'), t).message).toContain('the reason');
  });
  it('lists the fields of a validation error', () => {
    const e = describeError(new ApiError(400, 'validation_failed', 'bad', [{ path: ['prefix'], message: 'one capital letter' }]), t);
    expect(e.fields).toEqual([{ path: 'prefix', message: 'one capital letter' }]);
    expect(fieldIssues({ issues: [{ path: 'name.zh', message: 'required' }] })).toEqual([{ path: 'name.zh', message: 'required' }]);
  });
});
