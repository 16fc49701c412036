// Reports for the supervisor and the administrator: the period's KPI tiles against the targets,
// the charts, the before/after comparison, contractor performance, 好差评 follow-ups and exports.
import { useCallback, useEffect, useState } from 'react';
import type { DemoHistoryInfo, FollowUpList, Organisation, StatsComparison } from '@hallq/shared';
import { useI18n } from '../../i18n';
import { useSignedIn } from '../../hooks/use-session';
import { useHallConfig } from '../../hooks/use-hall';
import { api } from '../../lib/api';
import { describeError, type ShownError } from '../../lib/errors';
import { localDate } from '../../lib/queue';
import { listOf } from '../../hooks/use-resource';
import { ErrorBox } from '../../components/error-box';
import { KpiTiles } from './kpi-tiles';
import { ComparisonPanel, TrendsChart, UtilisationChart, WaitByHourChart } from './report-charts';
import { ArrivalsGrid } from './arrivals-grid';
import { FollowUpsPanel } from './follow-ups-panel';
import { ExportButtons } from './export-buttons';
import { OrganisationsTable } from './organisations-table';
import { isRange, lastDays, previousPeriod, type DateRange } from './reports-model';
import './reports.css';

function RangeInputs(props: { range: DateRange; onChange(r: DateRange): void; fromLabel: string; toLabel: string; id: string }) {
  return (
    <>
      <label>
        {props.fromLabel}
        <input type="date" data-testid={`${props.id}-from`} value={props.range.from} onChange={(e) => props.onChange({ ...props.range, from: e.target.value })} />
      </label>
      <label>
        {props.toLabel}
        <input type="date" data-testid={`${props.id}-to`} value={props.range.to} onChange={(e) => props.onChange({ ...props.range, to: e.target.value })} />
      </label>
    </>
  );
}

export function ReportsPage() {
  const { t } = useI18n();
  const { me } = useSignedIn();
  const hallId = me.hallId;
  const { config } = useHallConfig(hallId);
  const [draft, setDraft] = useState<{ after: DateRange; before: DateRange } | null>(null);
  const [applied, setApplied] = useState<{ after: DateRange; before: DateRange } | null>(null);
  const [comparison, setComparison] = useState<StatsComparison | null>(null);
  const [followUps, setFollowUps] = useState<FollowUpList | null>(null);
  const [organisations, setOrganisations] = useState<Map<string, Organisation>>(new Map());
  const [error, setError] = useState<ShownError | null>(null);
  // Generated demo history (demo mode): undefined while asked, null when the hall has none.
  const [demo, setDemo] = useState<DemoHistoryInfo | null | undefined>(undefined);

  useEffect(() => {
    api.get<DemoHistoryInfo>(`/halls/${encodeURIComponent(hallId)}/demo-history`).then(setDemo, () => setDemo(null));
  }, [hallId]);

  // A demo hall opens on its generated before/after; otherwise the last 7 local days against the 7 before.
  useEffect(() => {
    if (!config || draft || demo === undefined) return;
    const after = lastDays(localDate(Date.now(), config.timezone), 7);
    const initial = demo ? { after: demo.after, before: demo.before } : { after, before: previousPeriod(after) };
    setDraft(initial);
    setApplied(initial);
  }, [config, draft, demo]);

  useEffect(() => {
    if (!applied) return;
    const q = new URLSearchParams({ from: applied.after.from, to: applied.after.to, beforeFrom: applied.before.from, beforeTo: applied.before.to });
    let live = true;
    api.get<StatsComparison>(`/halls/${encodeURIComponent(hallId)}/stats/compare?${q}`).then(
      (c) => {
        if (!live) return;
        setComparison(c);
        setError(null);
      },
      (e: unknown) => live && setError(describeError(e, t)),
    );
    return () => {
      live = false;
    };
  }, [applied, hallId, t]);

  const loadFollowUps = useCallback(() => {
    api.get<FollowUpList>(`/halls/${encodeURIComponent(hallId)}/follow-ups?status=all`).then(setFollowUps, (e: unknown) => setError(describeError(e, t)));
  }, [hallId, t]);
  useEffect(loadFollowUps, [loadFollowUps]);
  useEffect(() => {
    api.get<unknown>(`/halls/${encodeURIComponent(hallId)}/organisations`).then(
      (raw) => setOrganisations(new Map((listOf<Organisation>(raw, 'organisations') ?? []).map((o) => [o.id, o]))),
      () => undefined,
    );
  }, [hallId]);

  const refreshAfterStep = useCallback(() => {
    loadFollowUps();
    setApplied((a) => (a ? { ...a } : a)); // the rectification rate moves with the steps
  }, [loadFollowUps]);

  if (!me || !draft) return <p>{t('common.loading')}</p>;
  const valid = isRange(draft.after) && isRange(draft.before);
  const stats = comparison?.after ?? null;

  return (
    <div className="reports" data-testid="reports-page">
      <div className="page-head">
        <h1>{t('reports.title')}</h1>
        {stats && <span className="muted" data-testid="reports-period">{t('reports.period', { from: stats.from, to: stats.to })}</span>}
      </div>
      <form
        className="card range-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) setApplied(draft);
        }}
      >
        <RangeInputs id="range" range={draft.after} onChange={(after) => setDraft({ ...draft, after })} fromLabel={t('reports.from')} toLabel={t('reports.to')} />
        <RangeInputs id="before" range={draft.before} onChange={(before) => setDraft({ ...draft, before })} fromLabel={t('reports.compareFrom')} toLabel={t('reports.compareTo')} />
        <button type="submit" className="btn-primary" disabled={!valid} data-testid="reports-apply">
          {t('reports.apply')}
        </button>
        {!valid && <span role="alert">{t('reports.badRange')}</span>}
      </form>
      {demo && (
        <p className="card demo-history-note" role="note" data-testid="demo-history-note">
          {t('reports.demoHistory', { beforeFrom: demo.before.from, beforeTo: demo.before.to, afterFrom: demo.after.from, afterTo: demo.after.to })}
        </p>
      )}
      <ErrorBox error={error} />
      {stats && comparison && applied && (
        <>
          {demo && <ComparisonPanel comparison={comparison} />}
          <KpiTiles stats={stats} />
          <div className="chart-grid">
            <WaitByHourChart stats={stats} />
            <ArrivalsGrid stats={stats} />
            <UtilisationChart stats={stats} />
            <TrendsChart stats={stats} />
          </div>
          {!demo && <ComparisonPanel comparison={comparison} />}
          <OrganisationsTable stats={stats} organisations={organisations} />
          {followUps && <FollowUpsPanel list={followUps} meId={me.id} onChanged={refreshAfterStep} />}
          <ExportButtons hallId={hallId} range={applied.after} />
        </>
      )}
    </div>
  );
}
