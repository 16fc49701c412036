// Services: the list, and a form to create or edit one.
import { useState } from 'react';
import type { Service } from '@hallq/shared';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../hooks/use-action';
import { useList } from '../../hooks/use-resource';
import { ErrorBox } from '../../components/error-box';
import type { AdminSectionProps } from './admin-section';
import { bodyOf, draftOf, ServiceForm } from './service-form';
import type { ServiceDraft } from './service-form';
import { FormActions } from '../../components/form-actions';
import { ScrollTable } from '../../components/table-scroll';

export function ServicesAdmin({ hallId, config, reloadConfig }: AdminSectionProps) {
  const { t, pick } = useI18n();
  const { data, reload } = useList<Service>(hallId, 'services');
  const { run, error, setError, busy } = useAction();
  const [editing, setEditing] = useState<{ id: string | null; draft: ServiceDraft } | null>(null);
  const [saved, setSaved] = useState(false);
  const services = data ?? config.services;

  const save = () => {
    if (!editing) return;
    setSaved(false);
    const res = bodyOf(editing.draft);
    if (!res.ok) {
      setError({ code: 'validation_failed', message: t('error.validation_failed'), fields: res.issues });
      return;
    }
    void run(async () => {
      if (editing.id) await api.patch(`/halls/${hallId}/services/${editing.id}`, res.body);
      else await api.post(`/halls/${hallId}/services`, res.body);
      setEditing(null);
      setSaved(true);
      reload();
      reloadConfig();
    });
  };

  return (
    <div>
      <div className="toolbar">
        <button type="button" className="btn-primary" onClick={() => setEditing({ id: null, draft: draftOf(null, config) })}>
          {t('svc.new')}
        </button>
        {saved && <span className="success">{t('common.saved')}</span>}
      </div>
      {editing && (
        <form
          className="card"
          data-testid="service-form"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <h2>{editing.id ? t('svc.editTitle', { name: editing.draft.nameZh }) : t('svc.new')}</h2>
          <ServiceForm config={config} draft={editing.draft} onChange={(draft) => setEditing({ ...editing, draft })} />
          <ErrorBox error={error} />
          <FormActions onCancel={() => setEditing(null)} disabled={busy} />
        </form>
      )}
      {!editing && <ErrorBox error={error} />}
      <ScrollTable label={t('admin.services')} headers={[t('svc.prefix'), t('svc.code'), t('svc.nameZh'), t('svc.module'), t('svc.stages'), t('svc.quota'), null]} className="card">
        {services.map((s) => (
          <tr key={s.id} data-testid={`service-${s.code}`} className={s.active ? '' : 'inactive'}>
            <td className="num">{s.prefix}</td>
            <td>{s.code}</td>
            <td>
              {pick(s.name)}
              {!s.active && <span className="badge">{t('svc.inactive')}</span>}
            </td>
            <td>{pick(config.modules.find((m) => m.id === s.moduleId)?.name)}</td>
            <td>{(s.stages ?? []).map((st) => `${pick(st.name)}${st.officersOnly ? '★' : ''}`).join(' → ')}</td>
            <td>{s.dailyQuota ?? t('svc.quotaNone')}</td>
            <td>
              <button type="button" className="btn-small" onClick={() => setEditing({ id: s.id, draft: draftOf(s, config) })}>
                {t('common.edit')}
              </button>
            </td>
          </tr>
        ))}
      </ScrollTable>
    </div>
  );
}
