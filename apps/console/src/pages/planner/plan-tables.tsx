// The plan hour by hour and the suggested window skills.
import { useI18n } from '../../i18n';
import { hh, intervalsText, type PlanResponse } from './planner-model';
import { ScrollTable } from '../../components/table-scroll';

export function PlanHoursTable({ plan, range }: { plan: PlanResponse; range: { from: number; to: number } }) {
  const { t, pick } = useI18n();
  const moduleName = (id: string): string => pick(plan.modules.find((m) => m.id === id)?.name) || id;
  const hours = plan.hours.filter((h) => h.hour >= range.from && h.hour <= range.to);
  return (
    <div>
      <ScrollTable label={t('planner.chart')} headers={[t('planner.hour'), t('planner.arrivals'), t('planner.recommended'), t('planner.byModule'), t('planner.dedicated'), t('planner.pooled'), t('planner.expected')]} testId="plan-hours">
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
      </ScrollTable>
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
      <ScrollTable label={t('planner.skills')} headers={[t('planner.slot'), t('planner.module'), t('planner.zone'), t('planner.window'), t('planner.open'), t('planner.tier1'), t('planner.tier2')]} testId="skill-plan">
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
      </ScrollTable>
    </section>
  );
}
