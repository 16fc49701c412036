// The skills matrix: for every window and service, the tier at which the window takes the service
// (— = not at all). The admin edits today's windows with a row per window; the planner edits
// tomorrow's with a row per service, so that service names stay on one line.
import type { HallWindow, Service } from '@hallq/shared';
import { useI18n } from '../i18n';
import { TIERS } from '../lib/skills';

type GridWindow = Pick<HallWindow, 'id' | 'number' | 'zone'>;

export interface SkillsGridProps {
  windows: ReadonlyArray<GridWindow>;
  services: ReadonlyArray<Service>;
  /** What a row stands for. */
  rows: 'windows' | 'services';
  /** The region's accessible name. */
  label: string;
  testId: string;
  tierOf(windowId: string, serviceId: string): number;
  /** Marks the cells that differ from today's skills. */
  changed?(windowId: string, serviceId: string): boolean;
  disabled: boolean;
  onChange(windowId: string, serviceId: string, tier: number): void;
}

export function SkillsGrid(props: SkillsGridProps) {
  const { t, pick } = useI18n();
  const { windows, services } = props;

  const cell = (w: GridWindow, s: Service) => {
    const tier = props.tierOf(w.id, s.id);
    const changed = props.changed?.(w.id, s.id) ?? false;
    return (
      <td key={props.rows === 'windows' ? s.id : w.id} className={`tier${tier ? ` tier-${tier}` : ''}${changed ? ' changed' : ''}`}>
        <select
          aria-label={`${w.number} ${pick(s.name)}`}
          data-window={w.number}
          data-service={s.code}
          value={tier}
          disabled={props.disabled}
          onChange={(e) => props.onChange(w.id, s.id, Number(e.target.value))}
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
  };

  return (
    <div className="matrix-scroll" tabIndex={0} role="region" aria-label={props.label}>
      {props.rows === 'windows' ? (
        <table className="matrix" data-testid={props.testId}>
          <thead>
            <tr>
              <th>{t('board.window')}</th>
              {services.map((s) => (
                <th key={s.id} title={pick(s.name)}>
                  <span className="vertical">
                    {s.prefix} {pick(s.name)}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {windows.map((w) => (
              <tr key={w.id} data-testid={`matrix-window-${w.number}`}>
                <th>
                  {w.number}
                  {w.zone && <small className="muted"> {w.zone}</small>}
                </th>
                {services.map((s) => cell(w, s))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <table className="matrix planner-matrix" data-testid={props.testId}>
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
                {windows.map((w) => cell(w, s))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
