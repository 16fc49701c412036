// One staff account being edited in place: name, role, organisation, allowed windows. Sends only
// what changed (PATCH); the server refuses to demote the hall's last active admin (last_admin).
import { useState } from 'react';
import { STAFF_ROLES, StaffPatch } from '@hallq/shared';
import type { StaffMember, StaffRole } from '@hallq/shared';
import { useI18n } from '../../i18n';

export interface StaffEditRowProps {
  member: StaffMember;
  orgList: ReadonlyArray<{ id: string; label: string }>;
  parseWindows: (text: string) => number[];
  busy: boolean;
  onSave: (body: StaffPatch) => void;
  onInvalid: (error: unknown) => void;
  onCancel: () => void;
}

export function StaffEditRow({ member, orgList, parseWindows, busy, onSave, onInvalid, onCancel }: StaffEditRowProps) {
  const { t } = useI18n();
  const [f, setF] = useState({ name: member.name, role: member.role, organisationId: member.organisationId, windows: member.windowNumbers.join(', ') });
  const save = () => {
    const windowNumbers = parseWindows(f.windows);
    const body = {
      ...(f.name.trim() !== member.name ? { name: f.name.trim() } : {}),
      ...(f.role !== member.role ? { role: f.role } : {}),
      ...(f.organisationId !== member.organisationId ? { organisationId: f.organisationId } : {}),
      ...(windowNumbers.join(',') !== member.windowNumbers.join(',') ? { windowNumbers } : {}),
    };
    const parsed = StaffPatch.safeParse(body);
    if (!parsed.success) return onInvalid(parsed.error);
    onSave(parsed.data);
  };
  return (
    <tr data-testid={`staff-edit-${member.username}`} className="editing">
      <td>{member.username}</td>
      <td>
        <input name="edit-name" aria-label={t('staff.name')} value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} />
      </td>
      <td>
        <select name="edit-role" aria-label={t('staff.role')} value={f.role} onChange={(e) => setF({ ...f, role: e.target.value as StaffRole })}>
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select name="edit-org" aria-label={t('staff.org')} value={f.organisationId} onChange={(e) => setF({ ...f, organisationId: e.target.value })}>
          {orgList.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input name="edit-windows" aria-label={t('staff.windows')} value={f.windows} onChange={(e) => setF({ ...f, windows: e.target.value })} />
      </td>
      <td className="row-actions">
        <button type="button" className="btn-small btn-primary" disabled={busy} onClick={save}>
          {t('common.save')}
        </button>
        <button type="button" className="btn-small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </td>
    </tr>
  );
}
