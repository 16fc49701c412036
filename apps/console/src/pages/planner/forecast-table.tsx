// The forecast per service and hour, editable; with each service's mean service time.
import { useI18n } from '../../i18n';
import { hh, parseCell, type ForecastCells, type ForecastResponse } from './planner-model';
import { ScrollTable } from '../../components/table-scroll';

interface Props {
  services: ForecastResponse['services'];
  serviceTimes: ForecastResponse['serviceTimes'];
  cells: ForecastCells;
  minutes: Record<string, string>;
  range: { from: number; to: number };
  onCell(serviceId: string, hour: number, text: string): void;
  onMinutes(serviceId: string, text: string): void;
}

export function ForecastTable({ services, serviceTimes, cells, minutes, range, onCell, onMinutes }: Props) {
  const { t, pick } = useI18n();
  const hours = Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i);
  const total = (h: number): number => Object.values(cells).reduce((a, row) => a + (parseCell(row[h] ?? '') ?? 0), 0);
  return (
    <div>
      <ScrollTable label={t('planner.forecast')} headers={[t('planner.service'), t('planner.serviceMinutes'), ...hours.map(hh)]} testId="forecast-table">
        {services.map((s) => {
          const st = serviceTimes[s.id];
          return (
            <tr key={s.id} data-testid={`forecast-row-${s.id}`}>
              <th scope="row" className="service-name">
                {s.code} {pick(s.name)}
              </th>
              <td>
                <input
                  type="number"
                  min={0.1}
                  step={0.1}
                  style={{ width: '5em' }}
                  aria-label={`${s.code} ${t('planner.serviceMinutes')}`}
                  value={minutes[s.id] ?? ''}
                  onChange={(e) => onMinutes(s.id, e.target.value)}
                />
                {st && <div className="muted" style={{ fontSize: '0.75rem' }}>{t(`planner.source.${st.source}`)}</div>}
              </td>
              {hours.map((h) => {
                const text = cells[s.id]?.[h] ?? '0';
                return (
                  <td key={h}>
                    <input
                      type="number"
                      min={0}
                      step={0.1}
                      style={{ width: '4.2em' }}
                      data-testid={`cell-${s.id}-${h}`}
                      aria-label={`${s.code} ${hh(h)}`}
                      aria-invalid={parseCell(text) === null}
                      value={text}
                      onChange={(e) => onCell(s.id, h, e.target.value)}
                    />
                  </td>
                );
              })}
            </tr>
          );
        })}
        <tr>
          <th scope="row" style={{ textAlign: 'left' }}>{t('planner.total')}</th>
          <td />
          {hours.map((h) => (
            <td key={h} className="num">
              {Math.round(total(h) * 10) / 10}
            </td>
          ))}
        </tr>
      </ScrollTable>
    </div>
  );
}
