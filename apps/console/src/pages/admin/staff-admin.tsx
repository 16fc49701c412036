// Staff accounts: create, edit (name, role, organisation, allowed windows), reset password, deactivate.
import { useState } from 'react';
import { StaffBody, STAFF_ROLES } from '@hallq/shared';
import type { Organisation, StaffMember, StaffRole } from '@hallq/shared';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { zodIssues } from '../../lib/errors';
import { useAction } from '../../hooks/use-action';
import { useList } from '../../hooks/use-resource';
import { ErrorBox } from '../../components/error-box';
import type { AdminSectionProps } from './admin-section';
import { StaffEditRow } from './staff-edit-row';
import { StaffPasswordDialog } from './staff-password-dialog';
import { ScrollTable } from '../../components/table-scroll';

export function parseWindowNumbers(text: string): number[] {
  return text
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map(Number);
}

export function StaffAdmin({ hallId }: AdminSectionProps) {
  const { t, pick } = useI18n();
  const { data, reload } = useList<StaffMember>(hallId, 'staff');
  const orgs = useList<Organisation>(hallId, 'organisations');
  const { run, error, setError, busy } = useAction();
  const [form, setForm] = useState({ username: '', name: '', role: 'officer' as StaffRole, organisationId: '', windows: '', password: '' });
  const [resetting, setResetting] = useState<StaffMember | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const staff = data ?? [];
  // Organisations: from the server when it lists them, else those the accounts already use.
  const orgList: Array<{ id: string; label: string }> = orgs.data
    ? orgs.data.map((o) => ({ id: o.id, label: `${pick(o.name)}（${t(`org.${o.kind}`)}）` }))
    : [...new Set(staff.map((s) => s.organisationId))].map((id) => ({ id, label: id }));
  const orgLabel = (id: string) => orgList.find((o) => o.id === id)?.label ?? id;

  const create = () => {
    const body = {
      username: form.username.trim(),
      name: form.name.trim(),
      role: form.role,
      ...(form.organisationId ? { organisationId: form.organisationId } : {}),
      windowNumbers: parseWindowNumbers(form.windows),
      password: form.password,
    };
    const parsed = StaffBody.safeParse(body);
    if (!parsed.success) {
      setError({ code: 'validation_failed', message: t('error.validation_failed'), fields: zodIssues(parsed.error) });
      return;
    }
    void run(async () => {
      await api.post(`/halls/${hallId}/staff`, parsed.data);
      setForm({ ...form, username: '', name: '', windows: '', password: '' });
      reload();
    });
  };
  const patch = (s: StaffMember, body: Record<string, unknown>) =>
    void run(async () => {
      await api.patch(`/halls/${hallId}/staff/${s.id}`, body);
      reload();
    });

  const input = (k: 'username' | 'name' | 'windows' | 'password', label: string, type = 'text') => (
    <label>
      {label}
      <input name={`staff-${k}`} type={type} value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} autoComplete="off" />
    </label>
  );

  return (
    <div>
      <form
        className="card form-grid"
        data-testid="staff-form"
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        {input('username', t('staff.username'))}
        {input('name', t('staff.name'))}
        <label>
          {t('staff.role')}
          <select name="staff-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as StaffRole })}>
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('staff.org')}
          <select name="staff-org" value={form.organisationId} onChange={(e) => setForm({ ...form, organisationId: e.target.value })}>
            <option value="">—</option>
            {orgList.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        {input('windows', t('staff.windows'))}
        {input('password', t('staff.password'), 'password')}
        <button type="submit" className="btn-primary" disabled={busy}>
          {t('staff.new')}
        </button>
      </form>
      <ErrorBox error={error} />
      <ScrollTable label={t('admin.staff')} headers={[t('staff.username'), t('staff.name'), t('staff.role'), t('staff.org'), t('admin.windows'), t('common.actions')]} className="card">
        {staff.map((s) =>
          editing === s.id ? (
            <StaffEditRow
              key={s.id}
              member={s}
              orgList={orgList}
              parseWindows={parseWindowNumbers}
              busy={busy}
              onCancel={() => setEditing(null)}
              onInvalid={(e) => setError({ code: 'validation_failed', message: t('error.validation_failed'), fields: zodIssues(e as Parameters<typeof zodIssues>[0]) })}
              onSave={(body) =>
                void run(async () => {
                  await api.patch(`/halls/${hallId}/staff/${s.id}`, body);
                  setEditing(null);
                  reload();
                })
              }
            />
          ) : (
            <tr key={s.id} data-testid={`staff-${s.username}`} className={s.active ? '' : 'inactive'}>
              <td>{s.username}</td>
              <td>
                {s.name}
                {!s.active && <span className="badge">{t('staff.inactive')}</span>}
              </td>
              <td>{t(`role.${s.role}`)}</td>
              <td>{orgLabel(s.organisationId)}</td>
              <td>{s.windowNumbers.length ? s.windowNumbers.join(', ') : '*'}</td>
              <td className="row-actions">
                <button type="button" className="btn-small" data-testid={`edit-${s.username}`} onClick={() => setEditing(s.id)}>
                  {t('common.edit')}
                </button>
                <button type="button" className="btn-small" onClick={() => setResetting(s)}>
                  {t('staff.resetPassword')}
                </button>
                {s.active ? (
                  <button type="button" className="btn-small btn-warn" onClick={() => window.confirm(t('staff.deactivateConfirm', { name: s.name })) && patch(s, { active: false })}>
                    {t('staff.deactivate')}
                  </button>
                ) : (
                  <button type="button" className="btn-small" onClick={() => patch(s, { active: true })}>
                    {t('staff.activate')}
                  </button>
                )}
              </td>
            </tr>
          ),
        )}
      </ScrollTable>
      {resetting && (
        <StaffPasswordDialog
          member={resetting}
          onClose={() => setResetting(null)}
          onSave={(password) => {
            patch(resetting, { password });
            setResetting(null);
          }}
        />
      )}
    </div>
  );
}
