// Notices shown on the hall displays: create, show or hide, delete.
import { useState } from 'react';
import { NoticeBody } from '@hallq/shared';
import type { Notice } from '@hallq/shared';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { zodIssues } from '../../lib/errors';
import { useAction } from '../../hooks/use-action';
import { useList } from '../../hooks/use-resource';
import { ErrorBox } from '../../components/error-box';
import type { AdminSectionProps } from './admin-section';
import { ScrollTable } from '../../components/table-scroll';

export function NoticesAdmin({ hallId }: AdminSectionProps) {
  const { t } = useI18n();
  const { data, reload } = useList<Notice>(hallId, 'notices');
  const { run, error, setError, busy } = useAction();
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const change = (f: () => Promise<unknown>) =>
    void run(async () => {
      await f();
      reload();
    });
  return (
    <div>
      <form
        className="card row-form"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = NoticeBody.safeParse({ text: { zh, en }, active: true });
          if (!parsed.success) {
            setError({ code: 'validation_failed', message: t('error.validation_failed'), fields: zodIssues(parsed.error) });
            return;
          }
          change(async () => {
            await api.post(`/halls/${hallId}/notices`, parsed.data);
            setZh('');
            setEn('');
          });
        }}
      >
        <label>
          {t('notice.zh')}
          <input name="notice-zh" value={zh} onChange={(e) => setZh(e.target.value)} />
        </label>
        <label>
          {t('notice.en')}
          <input name="notice-en" value={en} onChange={(e) => setEn(e.target.value)} />
        </label>
        <button type="submit" className="btn-primary" disabled={busy}>
          {t('notice.new')}
        </button>
      </form>
      <ErrorBox error={error} />
      <ScrollTable label={t('admin.notices')} headers={[t('notice.zh'), t('notice.en'), t('notice.active'), null]} className="card">
        {(data ?? []).map((n) => (
          <tr key={n.id}>
            <td>{n.text.zh}</td>
            <td>{n.text.en}</td>
            <td>
              <input type="checkbox" checked={n.active} aria-label={t('notice.active')} onChange={(e) => change(() => api.patch(`/halls/${hallId}/notices/${n.id}`, { active: e.target.checked }))} />
            </td>
            <td>
              <button type="button" className="btn-small btn-warn" onClick={() => change(() => api.del(`/halls/${hallId}/notices/${n.id}`))}>
                {t('common.delete')}
              </button>
            </td>
          </tr>
        ))}
      </ScrollTable>
    </div>
  );
}
