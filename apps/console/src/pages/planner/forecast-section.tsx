// The learned forecast, editable per service and hour, with the service goal the plan aims at.
import { useI18n } from '../../i18n';
import { ForecastTable } from './forecast-table';
import { cellsOf, plannedServices } from './planner-model';
import { minutesOf, type Planner } from './use-planner';

export function ForecastSection({ p, range }: { p: Planner; range: { from: number; to: number } }) {
  const { t } = useI18n();
  const { learned } = p;
  if (!learned) return null;
  return (
    <section className="card">
      <h2>{t('planner.forecast')}</h2>
      <ForecastTable
        services={plannedServices(learned)}
        serviceTimes={learned.serviceTimes}
        cells={p.cells}
        minutes={p.minutes}
        range={range}
        onCell={(id, h, text) => p.setCells((prev) => ({ ...prev, [id]: (prev[id] ?? []).map((v, i) => (i === h ? text : v)) }))}
        onMinutes={(id, text) => p.setMinutes((prev) => ({ ...prev, [id]: text }))}
      />
      <form
        className="row-form"
        style={{ marginTop: '0.75rem' }}
        onSubmit={(e) => {
          e.preventDefault();
          void p.compute();
        }}
      >
        <strong>{t('planner.goal')}</strong>
        <label>
          {t('planner.goalShare')}
          <input type="number" name="goalShare" min={50} max={99} step={1} value={p.goalShare} onChange={(e) => p.setGoalShare(e.target.value)} style={{ width: '5em' }} />
        </label>
        <label>
          {t('planner.targetMinutes')}
          <input type="number" name="targetMinutes" min={1} step={1} value={p.targetMinutes} onChange={(e) => p.setTargetMinutes(e.target.value)} style={{ width: '5em' }} />
        </label>
        <button type="submit" className="btn-primary" disabled={p.busy}>
          {p.busy ? t('planner.computing') : t('planner.compute')}
        </button>
        <button
          type="button"
          onClick={() => {
            p.setCells(cellsOf(learned));
            p.setMinutes(minutesOf(learned));
          }}
        >
          {t('planner.reset')}
        </button>
      </form>
    </section>
  );
}
