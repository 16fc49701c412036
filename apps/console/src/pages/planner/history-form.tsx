// Which part of the hall's history the forecast learns from.
import { useI18n } from '../../i18n';
import type { DayType } from './planner-model';
import type { Planner } from './use-planner';

export function HistoryForm({ p }: { p: Planner }) {
  const { t } = useI18n();
  const { query, setQuery, learned } = p;
  return (
    <section className="card">
      <h2>{t('planner.history')}</h2>
      <form
        className="row-form"
        onSubmit={(e) => {
          e.preventDefault();
          void p.learn(query);
        }}
      >
        <label>
          {t('planner.from')}
          <input type="date" name="from" value={query.from} onChange={(e) => setQuery({ ...query, from: e.target.value })} />
        </label>
        <label>
          {t('planner.to')}
          <input type="date" name="to" value={query.to} onChange={(e) => setQuery({ ...query, to: e.target.value })} />
        </label>
        <label>
          {t('planner.days')}
          <select name="days" value={query.days} onChange={(e) => setQuery({ ...query, days: e.target.value as DayType })}>
            {(['all', 'weekdays', 'weekends'] as const).map((d) => (
              <option key={d} value={d}>
                {t(`planner.days.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={p.busy}>
          {t('planner.learn')}
        </button>
      </form>
      {learned && (
        <p data-testid="learned-summary">
          {t('planner.learned', { from: learned.from, to: learned.to, active: learned.activeDays, days: learned.datesInRange, tickets: learned.tickets })}
        </p>
      )}
    </section>
  );
}
