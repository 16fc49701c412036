// Windows and the skills matrix: windows x services, a tier per cell, saved as it is changed.
import { useState } from 'react';
import { WindowBody } from '@hallq/shared';
import type { HallWindow, Skill } from '@hallq/shared';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { zodIssues } from '../../lib/errors';
import { useAction } from '../../hooks/use-action';
import { useList } from '../../hooks/use-resource';
import { ErrorBox } from '../../components/error-box';
import { TIERS } from '../../lib/skills';
import type { AdminSectionProps } from './admin-section';

/** The skills of a window after setting one cell (tier 0 = not served). */
export function withTier(skills: ReadonlyArray<Skill>, serviceId: string, tier: number): Skill[] {
  const rest = skills.filter((s) => s.serviceId !== serviceId);
  return tier > 0 ? [...rest, { serviceId, tier }] : rest;
}

export function WindowsAdmin({ hallId, config, reloadConfig }: AdminSectionProps) {
  const { t, pick } = useI18n();
  const { data, reload } = useList<HallWindow>(hallId, 'windows');
  const { run, error, setError, busy } = useAction();
  const [number, setNumber] = useState('');
  const [zone, setZone] = useState('');
  const windows = (data ?? config.windows).slice().sort((a, b) => a.number - b.number);
  const services = config.services.filter((s) => s.active);

  const create = () => {
    const parsed = WindowBody.safeParse({ number: Number(number), zone: zone.trim(), skills: [] });
    if (!number.trim() || !parsed.success) {
      setError({ code: 'validation_failed', message: t('error.validation_failed'), fields: parsed.success ? [{ path: 'number', message: t('win.number') }] : zodIssues(parsed.error) });
      return;
    }
    void run(async () => {
      await api.post(`/halls/${hallId}/windows`, parsed.data);
      setNumber('');
      setZone('');
      reload();
      reloadConfig();
    });
  };

  const setCell = (w: HallWindow, serviceId: string, tier: number) =>
    void run(async () => {
      await api.patch(`/halls/${hallId}/windows/${w.id}`, { skills: withTier(w.skills, serviceId, tier) });
      reload();
    });

  return (
    <div>
      <form
        className="card row-form"
        data-testid="window-form"
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <label>
          {t('win.number')}
          <input name="window-number" inputMode="numeric" value={number} onChange={(e) => setNumber(e.target.value)} />
        </label>
        <label>
          {t('win.zone')}
          <input name="window-zone" value={zone} onChange={(e) => setZone(e.target.value)} maxLength={64} />
        </label>
        <button type="submit" className="btn-primary" disabled={busy}>
          {t('win.new')}
        </button>
      </form>
      <ErrorBox error={error} />
      <h2>{t('win.matrix')}</h2>
      <div className="matrix-scroll" tabIndex={0} role="region" aria-label={t('win.matrix')}>
        <table className="matrix" data-testid="skills-matrix">
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
                {services.map((s) => {
                  const tier = w.skills.find((k) => k.serviceId === s.id)?.tier ?? 0;
                  return (
                    <td key={s.id} className={tier ? `tier tier-${tier}` : 'tier'}>
                      <select
                        aria-label={`${w.number} ${pick(s.name)}`}
                        data-service={s.code}
                        value={tier}
                        disabled={busy}
                        onChange={(e) => setCell(w, s.id, Number(e.target.value))}
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
    </div>
  );
}
