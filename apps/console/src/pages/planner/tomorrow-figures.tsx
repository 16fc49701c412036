// Tomorrow simulated with today's skills and with the proposed ones, side by side.
import type { HallConfig } from '@hallq/shared';
import { useI18n } from '../../i18n';
import type { TomorrowResponse } from './tomorrow-model';
import { ScrollTable } from '../../components/table-scroll';

const min = (s: number): string => (s / 60).toFixed(1);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function TomorrowFigures({ result, config }: { result: TomorrowResponse; config: HallConfig }) {
  const { t, pick } = useI18n();
  const { today, proposed } = result;
  const name = (id: string): string => pick(config.services.find((s) => s.id === id)?.name) || id;
  const rows: Array<[string, string, string, string]> = [
    ['within', t('planner.t.within', { minutes: result.goal.targetMinutes }), pct(today.withinTargetShare), pct(proposed.withinTargetShare)],
    ['mean', t('planner.t.mean'), min(today.meanWaitSeconds), min(proposed.meanWaitSeconds)],
    ['p90', t('planner.t.p90'), min(today.p90WaitSeconds), min(proposed.p90WaitSeconds)],
  ];
  return (
    <div className="tomorrow-figures" data-testid="tomorrow-figures">
      <ScrollTable label={t('planner.t.title')} headers={[null, t('planner.t.today'), t('planner.t.proposed')]}>
        {rows.map(([k, label, a, b]) => (
          <tr key={k} data-figure={k}>
            <th>{label}</th>
            <td className="num">{a}</td>
            <td className="num">{b}</td>
          </tr>
        ))}
        {today.services.map((s) => {
          const p = proposed.services.find((x) => x.id === s.id);
          return (
            <tr key={s.id} data-service={s.id}>
              <th className="service-name">{t('planner.t.serviceMean', { name: name(s.id) })}</th>
              <td className="num">{min(s.meanWaitSeconds)}</td>
              <td className="num">{p ? min(p.meanWaitSeconds) : '—'}</td>
            </tr>
          );
        })}
      </ScrollTable>
      <p className="muted">{t('planner.t.assumptions', { days: result.replications })}</p>
    </div>
  );
}
