// The skills matrix the supervisor edits for tomorrow, a row per service; the cells that differ
// from today's are marked.
import type { HallConfig } from '@hallq/shared';
import { SkillsGrid } from '../../components/skills-grid';
import { useI18n } from '../../i18n';
import { setTier, tierOf, type SkillsMatrix } from './tomorrow-model';

export function SkillsEditor(props: { config: HallConfig; matrix: SkillsMatrix; today: SkillsMatrix; disabled: boolean; onChange(m: SkillsMatrix): void }) {
  const { t } = useI18n();
  const { config, matrix, today } = props;
  return (
    <SkillsGrid
      windows={[...config.windows].sort((a, b) => a.number - b.number)}
      services={config.services.filter((s) => s.active)}
      rows="services"
      label={t('planner.t.title')}
      testId="planner-skills"
      tierOf={(windowId, serviceId) => tierOf(matrix, windowId, serviceId)}
      changed={(windowId, serviceId) => tierOf(matrix, windowId, serviceId) !== tierOf(today, windowId, serviceId)}
      disabled={props.disabled}
      onChange={(windowId, serviceId, tier) => props.onChange(setTier(matrix, windowId, serviceId, tier))}
    />
  );
}
