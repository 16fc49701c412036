// Change a window's skills and tiers live: the server applies them on the window's next call.
import { useState } from 'react';
import type { HallConfig, Skill, WindowView } from '@hallq/shared';
import { Dialog } from '../../components/dialog';
import { TIERS } from '../../lib/skills';
import { useI18n } from '../../i18n';
import { FormActions } from '../../components/form-actions';

export function SkillsDialog({ config, window: w, onClose, onSave }: { config: HallConfig; window: WindowView; onClose(): void; onSave(skills: Skill[]): void }) {
  const { t, pick } = useI18n();
  const [tiers, setTiers] = useState<Record<string, number>>(() => Object.fromEntries(w.skills.map((s) => [s.serviceId, s.tier])));
  return (
    <Dialog title={t('board.skillsTitle', { n: w.number })} onClose={onClose} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave(Object.entries(tiers).map(([serviceId, tier]) => ({ serviceId, tier })));
        }}
      >
        <div className="skills-list">
          {config.services.map((s) => (
            <label key={s.id} className="skill-row">
              <span>
                {s.prefix} {pick(s.name)}
              </span>
              <select
                data-service={s.code}
                value={tiers[s.id] ?? 0}
                onChange={(e) => {
                  const tier = Number(e.target.value);
                  setTiers((prev) => {
                    const next = { ...prev };
                    if (tier === 0) delete next[s.id];
                    else next[s.id] = tier;
                    return next;
                  });
                }}
              >
                <option value={0}>{t('board.tierNone')}</option>
                {TIERS.map((n) => (
                  <option key={n} value={n}>
                    {t('board.tierN', { n })}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}
