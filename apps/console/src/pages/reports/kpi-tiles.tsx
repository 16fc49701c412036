// The headline figures a hall manager reads first: wait against the target, share within it,
// satisfaction, first-time acceptance, volume and the rectification of bad ratings.
import { useI18n } from '../../i18n';
import type { HallStats } from '@hallq/shared';
import { minutes, percent, shareTone, waitTone, type Tone } from './reports-model';

function Tile(props: { id: string; label: string; value: string; hint: string; tone: Tone }) {
  return (
    <div className={`kpi-tile tone-${props.tone}`} data-testid={`kpi-${props.id}`}>
      <div className="kpi-label">{props.label}</div>
      <div className="kpi-value">{props.value}</div>
      <div className="kpi-hint">{props.hint}</div>
    </div>
  );
}

export function KpiTiles({ stats }: { stats: HallStats }) {
  const { t } = useI18n();
  const target = minutes(stats.waitTargetSeconds)!;
  const min = (s: number | null) => (s === null ? t('reports.noData') : t('reports.unit.min', { n: minutes(s)! }));
  const pct = (s: number | null) => (s === null ? t('reports.noData') : t('reports.unit.pct', { n: percent(s)! }));
  return (
    <div className="kpi-tiles">
      <Tile
        id="wait" label={t('reports.tile.wait')} value={min(stats.waitSeconds.mean)}
        hint={t('reports.tile.waitHint', { target, p90: minutes(stats.waitSeconds.p90) ?? '–' })}
        tone={waitTone(stats.waitSeconds.mean, stats.waitTargetSeconds)}
      />
      <Tile id="within" label={t('reports.tile.within')} value={pct(stats.withinTargetShare)} hint={t('reports.tile.withinHint', { target })} tone={shareTone(stats.withinTargetShare, 0.9)} />
      <Tile
        id="satisfied" label={t('reports.tile.satisfied')} value={pct(stats.ratings.satisfiedShare)}
        hint={t('reports.tile.satisfiedHint', { count: stats.ratings.count, bad: stats.ratings.bad })}
        tone={shareTone(stats.ratings.satisfiedShare, 0.95)}
      />
      <Tile id="first-time" label={t('reports.tile.firstTime')} value={pct(stats.firstTimeAcceptedShare)} hint={t('reports.tile.firstTimeHint')} tone={shareTone(stats.firstTimeAcceptedShare, 0.9)} />
      <Tile
        id="volume" label={t('reports.tile.volume')} value={String(stats.served)}
        hint={t('reports.tile.volumeHint', { issued: stats.issued, noShow: stats.noShow, cancelled: stats.cancelled })} tone="none"
      />
      <Tile
        id="rectification" label={t('reports.tile.rectification')} value={pct(stats.followUps.rectificationRate)}
        hint={t('reports.tile.rectificationHint', { overdue: stats.followUps.overdue })}
        tone={stats.followUps.overdue > 0 ? 'over' : shareTone(stats.followUps.rectificationRate, 0.9)}
      />
    </div>
  );
}
