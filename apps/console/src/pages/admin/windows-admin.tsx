// Windows and the skills matrix: windows x services, a tier per cell, saved as it is changed.
import { useState } from 'react';
import { WindowBody } from '@hallq/shared';
import type { HallWindow } from '@hallq/shared';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { zodIssues } from '../../lib/errors';
import { useAction } from '../../hooks/use-action';
import { useList } from '../../hooks/use-resource';
import { ErrorBox } from '../../components/error-box';
import { withTier } from '../../lib/skills';
import { SkillsGrid } from '../../components/skills-grid';
import type { AdminSectionProps } from './admin-section';

export function WindowsAdmin({ hallId, config, reloadConfig }: AdminSectionProps) {
  const { t } = useI18n();
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

  const setCell = (windowId: string, serviceId: string, tier: number) =>
    void run(async () => {
      const skills = windows.find((w) => w.id === windowId)?.skills ?? [];
      await api.patch(`/halls/${hallId}/windows/${windowId}`, { skills: withTier(skills, serviceId, tier) });
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
      <SkillsGrid
        windows={windows}
        services={services}
        rows="windows"
        label={t('win.matrix')}
        testId="skills-matrix"
        tierOf={(windowId, serviceId) => windows.find((w) => w.id === windowId)?.skills.find((k) => k.serviceId === serviceId)?.tier ?? 0}
        disabled={busy}
        onChange={setCell}
      />
    </div>
  );
}
