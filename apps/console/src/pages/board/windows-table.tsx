// Every window: state, staff, current ticket and how long it has been served.
import type { HallConfig, StaffMember, WindowView } from '@hallq/shared';
import { useI18n } from '../../i18n';
import { formatDuration, secondsSince } from '../../lib/wait-colour';
import { ScrollTable } from '../../components/table-scroll';

interface Props {
  config: HallConfig;
  windows: ReadonlyArray<WindowView>;
  staff: ReadonlyMap<string, StaffMember>;
  now: number;
  canEdit: boolean;
  onEditSkills(w: WindowView): void;
}

export function WindowsTable({ config, windows, staff, now, canEdit, onEditSkills }: Props) {
  const { t, pick } = useI18n();
  const name = (id: string) => config.services.find((s) => s.id === id);
  return (
    <section className="card" data-testid="board-windows">
      <h2>{t('board.windows')}</h2>
      <ScrollTable label={t('board.windows')} headers={[t('board.window'), t('board.state'), t('board.staff'), t('board.ticket'), t('board.servingTime'), t('board.skills')]}>
        {windows.map((w) => {
          const person = w.staffId ? staff.get(w.staffId) : undefined;
          const c = w.current;
          return (
            <tr key={w.id} data-testid={`board-window-${w.number}`}>
              <td className="num">
                {w.number}
                {w.zone && <small className="muted"> {w.zone}</small>}
              </td>
              <td>
                <span className={`badge state-${w.state}`}>{t(`state.${w.state}`)}</span>
                {w.pauseReason && <small> {w.pauseReason}</small>}
              </td>
              <td>{person ? `${person.name} · ${t(`role.${person.role}`)}` : (w.staffId ?? '—')}</td>
              <td className="num" data-testid={`board-current-${w.number}`}>
                {c ? `${c.number} ${t(`status.${c.status}`)}` : '—'}
              </td>
              <td>{c ? formatDuration(secondsSince(c.startedAt ?? c.calledAt, now)) : '—'}</td>
              <td className="skills-cell">
                {w.skills
                  .slice()
                  .sort((a, b) => a.tier - b.tier)
                  .map((s) => `${name(s.serviceId)?.prefix ?? ''}${pick(name(s.serviceId)?.name)}·${s.tier}`)
                  .join('，')}
                {canEdit && (
                  <button type="button" className="btn-small" onClick={() => onEditSkills(w)} data-testid={`edit-skills-${w.number}`}>
                    {t('board.editSkills')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </ScrollTable>
    </section>
  );
}
