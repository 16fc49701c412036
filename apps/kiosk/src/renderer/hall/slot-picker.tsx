import { useEffect, useState } from 'react';
import { formatLocalTime } from '../common/format';
import type { Translate } from '../i18n';
import { hallApi, nextDates, type PublicHall, type PublicHallService, type Slot } from './hall-api';

interface Props {
  t: Translate;
  hall: PublicHall;
  service: PublicHallService;
  busy: boolean;
  onBook: (start: string) => void;
}

const DAYS_SHOWN = 7;

/** Dates, then the free slots of the chosen date. */
export function SlotPicker({ t, hall, service, busy, onBook }: Props) {
  const dates = nextDates(hall.today, DAYS_SHOWN);
  const [date, setDate] = useState(dates[0] ?? hall.today);
  const [slots, setSlots] = useState<Slot[] | null>(null);
  useEffect(() => {
    let live = true;
    setSlots(null);
    hallApi.slots(hall.id, service.id, date).then(
      (r) => live && setSlots(r.slots),
      () => live && setSlots([]),
    );
    return () => {
      live = false;
    };
  }, [hall.id, service.id, date]);
  const free = (slots ?? []).filter((s) => s.available > 0);
  return (
    <div className="slot-picker" data-testid="slot-picker">
      <div className="slot-dates" role="group" aria-label={t('bookingDate')}>
        {dates.map((d) => (
          <button key={d} type="button" className={`slot-date${d === date ? ' selected' : ''}`} aria-pressed={d === date} onClick={() => setDate(d)}>
            {d.slice(5)}
          </button>
        ))}
      </div>
      {slots === null ? (
        <p>{t('loading')}</p>
      ) : free.length === 0 ? (
        <p data-testid="no-slots">{t('bookingNoSlots')}</p>
      ) : (
        <ul className="slot-list">
          {free.map((s) => (
            <li key={s.start}>
              <button type="button" className="phone-secondary slot" data-testid="slot" disabled={busy} onClick={() => onBook(s.start)}>
                {formatLocalTime(s.start, hall.timezone).slice(11)}–{formatLocalTime(s.end, hall.timezone).slice(11)} · {t('bookingLeft', { n: s.available })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
