// Booking slots and the remote-queue share of one service, as part of the service form: which
// days, which hours, how long a slot is, how many bookings it takes and how far ahead.
import type { BookingSlots } from '@hallq/shared';
import { useI18n } from '../../i18n';

export interface BookingDraft {
  enabled: boolean;
  days: string;
  from: string;
  to: string;
  slotMinutes: string;
  capacity: string;
  daysAhead: string;
  remoteShare: string;
}

/** "1-5", "1,3,5" or "1-5,7" -> [1, 2, 3, 4, 5]; null when it is not such a list of weekdays. */
export function parseDays(text: string): number[] | null {
  const days = new Set<number>();
  for (const part of text.split(/[,，\s]+/).filter(Boolean)) {
    const m = /^([1-7])(?:-([1-7]))?$/.exec(part);
    if (!m) return null;
    const a = Number(m[1]);
    const b = Number(m[2] ?? m[1]);
    if (b < a) return null;
    for (let d = a; d <= b; d++) days.add(d);
  }
  return days.size > 0 ? [...days].sort((x, y) => x - y) : null;
}

export function formatDays(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(',');
}

export function bookingDraftOf(booking: BookingSlots | null | undefined, remoteShare: number | null | undefined): BookingDraft {
  return {
    enabled: booking !== null && booking !== undefined,
    days: formatDays(booking?.days ?? [1, 2, 3, 4, 5]),
    from: booking?.from ?? '09:00',
    to: booking?.to ?? '17:00',
    slotMinutes: String(booking?.slotMinutes ?? 30),
    capacity: String(booking?.capacity ?? 2),
    daysAhead: String(booking?.daysAhead ?? 7),
    remoteShare: remoteShare ? String(remoteShare) : '',
  };
}

/** The service fields of a booking draft (checked by the shared schema with the rest of the form). */
export function bookingBodyOf(d: BookingDraft): { booking: unknown; remoteDailyShare: number | null } {
  const days = parseDays(d.days);
  return {
    booking: d.enabled
      ? { days: days ?? [], from: d.from.trim(), to: d.to.trim(), slotMinutes: Number(d.slotMinutes), capacity: Number(d.capacity), daysAhead: Number(d.daysAhead) }
      : null,
    remoteDailyShare: d.remoteShare.trim() ? Number(d.remoteShare) : null,
  };
}

export function BookingFields({ draft, onChange }: { draft: BookingDraft; onChange(d: BookingDraft): void }) {
  const { t } = useI18n();
  const set = <K extends keyof BookingDraft>(k: K, v: BookingDraft[K]) => onChange({ ...draft, [k]: v });
  const text = (k: Exclude<keyof BookingDraft, 'enabled'>, label: string, extra: Record<string, string> = {}) => (
    <label>
      {label}
      <input name={`booking-${k}`} value={draft[k]} onChange={(e) => set(k, e.target.value)} {...extra} />
    </label>
  );
  return (
    <fieldset className="wide booking-fields">
      <legend>{t('svc.fromHome')}</legend>
      <label className="inline">
        <input type="checkbox" name="booking-enabled" checked={draft.enabled} onChange={(e) => set('enabled', e.target.checked)} />
        {t('svc.bookable')}
      </label>
      {draft.enabled && (
        <div className="form-grid">
          {text('days', t('svc.bookingDays'), { placeholder: '1-5' })}
          {text('from', t('svc.bookingFrom'), { placeholder: '09:00' })}
          {text('to', t('svc.bookingTo'), { placeholder: '17:00' })}
          {text('slotMinutes', t('svc.slotMinutes'), { inputMode: 'numeric' })}
          {text('capacity', t('svc.slotCapacity'), { inputMode: 'numeric' })}
          {text('daysAhead', t('svc.daysAhead'), { inputMode: 'numeric' })}
        </div>
      )}
      {text('remoteShare', `${t('svc.remoteShare')} ${t('common.optional')}`, { inputMode: 'numeric', placeholder: t('svc.remoteNone') })}
    </fieldset>
  );
}
