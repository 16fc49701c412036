// Which windows a display announces: a zone of the hall and/or a list of windows. Both empty:
// every window (the hall display). Saved on the device; the display follows the change live.
import { useState } from 'react';
import type { Device, HallConfig } from '@hallq/shared';
import { useI18n } from '../../i18n';
import { formatWindowList, parseWindowList } from '../../lib/window-list';

export interface AnnounceScopeValue {
  announceZone: string | null;
  announceWindows: number[] | null;
}

/** The hall's zones, as windows carry them. */
export const zonesOf = (config: HallConfig): string[] => [...new Set(config.windows.map((w) => w.zone).filter(Boolean))].sort();

export function AnnounceScope({ device, config, busy, onSave }: { device: Device; config: HallConfig; busy: boolean; onSave(v: AnnounceScopeValue): void }) {
  const { t } = useI18n();
  const [zone, setZone] = useState(device.announceZone ?? '');
  const [list, setList] = useState(formatWindowList(device.announceWindows ?? []));
  const windows = parseWindowList(list);
  const changed = zone !== (device.announceZone ?? '') || list !== formatWindowList(device.announceWindows ?? []);
  return (
    <form
      className="announce-scope"
      data-testid={`announce-${device.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (windows === null) return;
        onSave({ announceZone: zone || null, announceWindows: windows.length ? windows : null });
      }}
    >
      <select name="announce-zone" aria-label={t('dev.announceZone')} value={zone} onChange={(e) => setZone(e.target.value)}>
        <option value="">{t('dev.announceAllZones')}</option>
        {zonesOf(config).map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
      <input name="announce-windows" aria-label={t('dev.announceWindows')} placeholder={t('dev.announceWindowsHint')} value={list} onChange={(e) => setList(e.target.value)} size={10} />
      {windows === null && <span className="error">{t('dev.announceWindowsBad')}</span>}
      <button type="submit" className="btn-small" disabled={busy || !changed || windows === null}>
        {t('common.save')}
      </button>
    </form>
  );
}
