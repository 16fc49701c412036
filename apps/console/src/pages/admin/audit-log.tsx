// The audit log, read like a log: who did what and when, in words (zh/en) and in the hall's
// timezone, with filters (who, what, when) and paging back through older entries.
import { useState } from 'react';
import { ApiError } from '@hallq/client';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import type { StaffMember } from '@hallq/shared';
import { useList, useResource } from '../../hooks/use-resource';
import type { AdminSectionProps } from './admin-section';
import { ScrollTable } from '../../components/table-scroll';

type Entry = Record<string, unknown>;

/** Actions with words of their own; others show as recorded. */
export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_out',
  'ticket.call_out_of_order',
  'ticket.requeued',
  'hall.update',
  'service.create',
  'service.update',
  'service.delete',
  'window.create',
  'window.update',
  'window.delete',
  'staff.create',
  'staff.update',
  'staff.delete',
  'device.create',
  'device.update',
  'device.delete',
  'device.status',
  'notice.create',
  'notice.update',
  'notice.delete',
  'appointment.create',
  'booking.create',
  'booking.cancel',
] as const;

const str = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));

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

/** Details as "key: value" pairs, without empty ones. */
export function detailText(details: unknown): string {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return str(details);
  return Object.entries(details as Entry)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${str(v)}`)
    .join('; ');
}

/** `2026-01-05 10:00:00` in the hall's timezone. */
export function hallTime(iso: string, timeZone: string): string {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  for (const p of format.formatToParts(new Date(iso))) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

interface Filters {
  actorId: string;
  action: string;
  from: string;
  to: string;
}
const NONE: Filters = { actorId: '', action: '', from: '', to: '' };
const PAGE = 100;

export function auditQuery(f: Filters, before: number | null): string {
  const q = new URLSearchParams({ limit: String(PAGE) });
  for (const k of ['actorId', 'action', 'from', 'to'] as const) if (f[k]) q.set(k, f[k]);
  if (before !== null) q.set('before', String(before));
  return q.toString();
}

export function AuditLog({ hallId, config }: AdminSectionProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Filters>(NONE);
  const [applied, setApplied] = useState<Filters>(NONE);
  const [before, setBefore] = useState<number | null>(null);
  const { data, error } = useResource<unknown>(`/halls/${hallId}/audit?${auditQuery(applied, before)}`);
  const staff = useList<StaffMember>(hallId, 'staff').data ?? [];
  const who = (actor: Entry | null): string => {
    if (!actor) return '';
    if (actor.kind === 'system') return t('audit.system');
    if (actor.kind === 'visitor') return t('audit.visitor');
    const s = staff.find((m) => m.id === actor.id);
    return s ? `${s.name} (${s.username})` : str(actor.id);
  };
  const what = (action: string): string =>
    (AUDIT_ACTIONS as readonly string[]).includes(action) ? t(`audit.action.${action}` as MessageKey) : action;
  if (error instanceof ApiError && error.status === 404) return <p className="muted">{t('audit.unavailable')}</p>;
  const rows = auditRows(data);
  const last = rows[rows.length - 1];
  const set = (k: keyof Filters, v: string) => setDraft({ ...draft, [k]: v });
  return (
    <div className="audit-log">
      <form
        className="card form-grid"
        data-testid="audit-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setBefore(null);
          setApplied(draft);
        }}
      >
        <label>
          {t('audit.who')}
          <select name="audit-who" value={draft.actorId} onChange={(e) => set('actorId', e.target.value)}>
            <option value="">{t('audit.any')}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.username})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.what')}
          <select name="audit-what" value={draft.action} onChange={(e) => set('action', e.target.value)}>
            <option value="">{t('audit.any')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {what(a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.from')}
          <input type="date" name="audit-from" value={draft.from} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label>
          {t('audit.to')}
          <input type="date" name="audit-to" value={draft.to} onChange={(e) => set('to', e.target.value)} />
        </label>
        <button type="submit" className="btn-primary">
          {t('audit.filter')}
        </button>
      </form>
      <p className="muted">{t('audit.timezone', { tz: config.timezone })}</p>
      {data !== null && rows.length === 0 ? (
        <p className="muted">{t('audit.empty')}</p>
      ) : (
        <ScrollTable label={t('admin.audit')} headers={[t('audit.at'), t('audit.actor'), t('audit.action'), t('audit.target'), t('audit.details')]} className="card audit" testId="audit-log">
          {rows.map((r, i) => {
            const at = str(r.at);
            const actor = r.actor && typeof r.actor === 'object' ? (r.actor as Entry) : null;
            return (
              <tr key={str(r.id) || i} data-action={str(r.action)}>
                <td>{at ? hallTime(at, config.timezone) : ''}</td>
                <td>{who(actor)}</td>
                <td>{what(str(r.action))}</td>
                <td>{str(r.target)}</td>
                <td className="details">{detailText(r.details)}</td>
              </tr>
            );
          })}
        </ScrollTable>
      )}
      <div className="form-actions">
        {before !== null && (
          <button type="button" className="btn-small" onClick={() => setBefore(null)}>
            {t('audit.newest')}
          </button>
        )}
        {rows.length === PAGE && last && (
          <button type="button" className="btn-small" data-testid="audit-older" onClick={() => setBefore(Number(last.id))}>
            {t('audit.older')}
          </button>
        )}
      </div>
    </div>
  );
}
