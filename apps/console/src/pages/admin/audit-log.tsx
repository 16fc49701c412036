// The audit log: every configuration change, who made it and when (read-only).
import { ApiError } from '@hallq/client';
import { useI18n } from '../../i18n';
import type { StaffMember } from '@hallq/shared';
import { useList, useResource } from '../../hooks/use-resource';
import type { AdminSectionProps } from './admin-section';

type Entry = Record<string, unknown>;

const str = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v));

export function auditRows(raw: unknown): Entry[] {
  if (Array.isArray(raw)) return raw as Entry[];
  if (raw && typeof raw === 'object') {
    for (const k of ['entries', 'items', 'audit']) {
      const v = (raw as Record<string, unknown>)[k];
      if (Array.isArray(v)) return v as Entry[];
    }
  }
  return [];
}

export function AuditLog({ hallId }: AdminSectionProps) {
  const { t } = useI18n();
  const { data, error } = useResource<unknown>(`/halls/${hallId}/audit`);
  const staff = useList<StaffMember>(hallId, 'staff').data ?? [];
  const who = (id: unknown) => {
    const s = staff.find((m) => m.id === id);
    return s ? `${s.name} (${s.username})` : str(id);
  };
  if (error instanceof ApiError && error.status === 404) return <p className="muted">{t('audit.unavailable')}</p>;
  const rows = auditRows(data);
  if (data !== null && rows.length === 0) return <p className="muted">{t('audit.empty')}</p>;
  return (
    <table className="card audit" data-testid="audit-log">
      <thead>
        <tr>
          <th>{t('audit.at')}</th>
          <th>{t('audit.actor')}</th>
          <th>{t('audit.action')}</th>
          <th>{t('audit.target')}</th>
          <th>{t('audit.details')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const at = str(r.at ?? r.createdAt ?? r.time);
          const actor = r.actor && typeof r.actor === 'object' ? (r.actor as Entry) : null;
          return (
            <tr key={str(r.id) || i}>
              <td>{at ? new Date(at).toLocaleString() : ''}</td>
              <td>{actor ? who(actor.id) : str(r.actorName ?? r.actorId ?? r.actor)}</td>
              <td>{str(r.action ?? r.type)}</td>
              <td>{str(r.target ?? r.entity ?? r.objectType)} {str(r.targetId ?? r.entityId ?? r.objectId)}</td>
              <td className="details">{str(r.details ?? r.changes ?? r.after ?? '')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
