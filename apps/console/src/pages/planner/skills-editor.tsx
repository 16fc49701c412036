// The skills matrix the supervisor edits for tomorrow: a row per service (its name on one line),
// a column per window, each cell the tier at which the window takes the service (— = not at all).
import type { HallConfig } from '@hallq/shared';
import { useI18n } from '../../i18n';
import { setTier, TIERS, tierOf, type SkillsMatrix } from './tomorrow-model';

export function SkillsEditor(props: { config: HallConfig; matrix: SkillsMatrix; today: SkillsMatrix; disabled: boolean; onChange(m: SkillsMatrix): void }) {
  const { t, pick } = useI18n();
  const { config, matrix, today } = props;
  const windows = [...config.windows].sort((a, b) => a.number - b.number);
  const services = config.services.filter((s) => s.active);
  return (
    <div className="matrix-scroll">
      <table className="matrix planner-matrix" data-testid="planner-skills">
        <thead>
          <tr>
            <th>{t('planner.service')}</th>
            {windows.map((w) => (
              <th key={w.id} className="window-col">
                {w.number}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.id}>
              <th className="service-name" title={pick(s.name)}>
                {s.prefix} {pick(s.name)}
              </th>
              {windows.map((w) => {
                const tier = tierOf(matrix, w.id, s.id);
                const changed = tier !== tierOf(today, w.id, s.id);
                return (
                  <td key={w.id} className={`tier${tier ? ` tier-${tier}` : ''}${changed ? ' changed' : ''}`}>
                    <select
                      aria-label={`${w.number} ${pick(s.name)}`}
                      data-window={w.number}
                      data-service={s.code}
                      value={tier}
                      disabled={props.disabled}
                      onChange={(e) => props.onChange(setTier(matrix, w.id, s.id, Number(e.target.value)))}
                    >
                      <option value={0}>—</option>
                      {TIERS.map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
