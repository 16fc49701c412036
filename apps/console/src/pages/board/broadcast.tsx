// Broadcast a notice to the hall's displays, and withdraw the ones shown.
import { useState } from 'react';
import { NoticeBody } from '@hallq/shared';
import type { Notice } from '@hallq/shared';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { zodIssues } from '../../lib/errors';
import { useAction } from '../../hooks/use-action';
import { ErrorBox } from '../../components/error-box';

export function Broadcast({ hallId, notices }: { hallId: string; notices: ReadonlyArray<Notice> }) {
  const { t, pick } = useI18n();
  const { run, error, setError, busy } = useAction();
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [sent, setSent] = useState(false);
  const active = notices.filter((n) => n.active);
  return (
    <section className="card broadcast">
      <h2>{t('board.broadcast')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSent(false);
          const body = { text: { zh, en: en.trim() || zh }, active: true };
          const parsed = NoticeBody.safeParse(body);
          if (!parsed.success) {
            setError({ code: 'validation_failed', message: t('error.validation_failed'), fields: zodIssues(parsed.error) });
            return;
          }
          void run(async () => {
            await api.post(`/halls/${hallId}/notices`, parsed.data);
            setZh('');
            setEn('');
            setSent(true);
          });
        }}
      >
        <label>
          {t('board.broadcastZh')}
          <input name="notice-zh" value={zh} onChange={(e) => setZh(e.target.value)} maxLength={2000} />
        </label>
        <label>
          {t('board.broadcastEn')} {t('common.optional')}
          <input name="notice-en" value={en} onChange={(e) => setEn(e.target.value)} maxLength={2000} />
        </label>
        <button type="submit" className="btn-primary" disabled={busy}>
          {t('board.broadcastSend')}
        </button>
      </form>
      <ErrorBox error={error} />
      {sent && <p className="success">{t('board.broadcastSent')}</p>}
      {active.length > 0 && (
        <>
          <h3>{t('board.activeNotices')}</h3>
          <ul className="notice-list">
            {active.map((n) => (
              <li key={n.id}>
                {pick(n.text)}
                <button type="button" className="btn-small" disabled={busy} onClick={() => void run(() => api.patch(`/halls/${hallId}/notices/${n.id}`, { active: false }))}>
                  {t('board.withdraw')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
