// The plan hour by hour and the suggested window skills.
import { useI18n } from '../../i18n';
import { hh, intervalsText, type PlanResponse } from './planner-model';
import { TableScroll } from '../../components/table-scroll';

export function PlanHoursTable({ plan, range }: { plan: PlanResponse; range: { from: number; to: number } }) {
  const { t, pick } = useI18n();
  const moduleName = (id: string): string => pick(plan.modules.find((m) => m.id === id)?.name) || id;
  const hours = plan.hours.filter((h) => h.hour >= range.from && h.hour <= range.to);
  return (
    <div>
      <TableScroll label={t('planner.chart')}>
        <table data-testid="plan-hours">
          <thead>
            <tr>
              <th>{t('planner.hour')}</th>
              <th>{t('planner.arrivals')}</th>
              <th>{t('planner.recommended')}</th>
              <th>{t('planner.byModule')}</th>
              <th>{t('planner.dedicated')}</th>
              <th>{t('planner.pooled')}</th>
              <th>{t('planner.expected')}</th>
            </tr>
          </thead>
          <tbody>
            {hours.map((h) => (
              <tr key={h.hour}>
                <td>{hh(h.hour)}</td>
                <td className="num">{h.totalArrivals}</td>
                <td className="num" data-testid={`recommended-${h.hour}`}>
                  {h.recommended}
                </td>
                <td>
                  {Object.entries(h.byModule)
                    .filter(([, n]) => n > 0)
                    .map(([m, n]) => `${moduleName(m)} ${n}`)
                    .join('，')}
                </td>
                <td className="num">{h.dedicatedTotal}</td>
                <td className="num">{h.pooled}</td>
                <td className="num">{h.expectedWithinTarget === null ? '—' : `${(h.expectedWithinTarget * 100).toFixed(1)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

export function SkillPlanTable({ plan }: { plan: PlanResponse }) {
  const { t, pick } = useI18n();
  const moduleName = (id: string): string => pick(plan.modules.find((m) => m.id === id)?.name) || id;
  const code = (id: string): string => plan.services.find((s) => s.id === id)?.code ?? id;
  return (
    <section className="card">
      <h2>{t('planner.skills')}</h2>
      <TableScroll label={t('planner.skills')}>
        <table data-testid="skill-plan">
          <thead>
            <tr>
              <th>{t('planner.slot')}</th>
              <th>{t('planner.module')}</th>
              <th>{t('planner.zone')}</th>
              <th>{t('planner.window')}</th>
              <th>{t('planner.open')}</th>
              <th>{t('planner.tier1')}</th>
              <th>{t('planner.tier2')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.skillPlan.map((w) => (
              <tr key={w.slot} data-testid={`skill-slot-${w.slot}`}>
                <td>{w.slot}</td>
                <td>{moduleName(w.moduleId)}</td>
                <td>{w.zone ?? '—'}</td>
                <td>{w.windowNumber ?? <span className="muted">{t('planner.newWindow')}</span>}</td>
                <td>{intervalsText(w.open)}</td>
                <td>{w.tier1.map(code).join(', ')}</td>
                <td>{w.tier2.length ? w.tier2.map(code).join(', ') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
