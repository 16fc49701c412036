// The planner on the hall's own history: edit the skills matrix (or take the planner's), see
// tomorrow simulated with it beside today's matrix, and apply it in one step.
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { useAction } from '../../hooks/use-action';
import { useHallConfig } from '../../hooks/use-hall';
import { api } from '../../lib/api';
import { ErrorBox } from '../../components/error-box';
import { SkillsEditor } from './skills-editor';
import { TomorrowFigures } from './tomorrow-figures';
import { changedWindows, emptyWindows, matrixOf, type SkillsMatrix, type TomorrowResponse } from './tomorrow-model';

export function TomorrowPanel(props: { hallId: string; goalShare: number; targetMinutes: number | undefined }) {
  const { t } = useI18n();
  const { config, reload } = useHallConfig(props.hallId);
  const { run, error, busy } = useAction();
  const today = useMemo(() => (config ? matrixOf(config.windows) : {}), [config]);
  const [edited, setEdited] = useState<SkillsMatrix | null>(null);
  const [result, setResult] = useState<TomorrowResponse | null>(null);
  const [applied, setApplied] = useState(false);
  const [proposal, setProposal] = useState<{ met: boolean; changes: number } | null>(null);
  const matrix = edited ?? today;
  const changes = changedWindows(today, matrix);
  const path = `/halls/${encodeURIComponent(props.hallId)}`;
  const goal = { goalShare: props.goalShare, targetMinutes: props.targetMinutes };

  const simulate = async (m: SkillsMatrix): Promise<void> => {
    const r = await run(() => api.post<TomorrowResponse>(`${path}/planning/tomorrow`, { ...goal, skills: changedWindows(today, m) }));
    if (r) setResult(r);
  };
  const suggest = async (): Promise<void> => {
    const r = await run(() => api.post<TomorrowResponse>(`${path}/planning/tomorrow`, { ...goal, suggest: true }));
    if (!r?.suggestion) return;
    setProposal({ met: r.suggestion.met, changes: r.suggestion.changes });
    const m = { ...today, ...r.suggestion.skills };
    setEdited(m);
    setApplied(false);
    await simulate(m);
  };
  const apply = async (): Promise<void> => {
    if (!window.confirm(t('planner.t.applyConfirm', { n: Object.keys(changes).length }))) return;
    const ok = await run(() => api.post(`${path}/windows/skills`, { windows: changes }));
    if (ok === undefined) return;
    setApplied(true);
    setEdited(null);
    setResult(null);
    reload();
  };

  if (!config) return null;
  const empty = emptyWindows(matrix);
  return (
    <section className="card tomorrow" data-testid="tomorrow-panel">
      <h2>{t('planner.t.title')}</h2>
      <p className="muted">{t('planner.t.intro')}</p>
      <ErrorBox error={error} />
      <div className="toolbar">
        <button type="button" className="btn-primary" disabled={busy} onClick={() => void simulate(matrix)} data-testid="simulate-tomorrow">
          {busy ? t('planner.computing') : t('planner.t.simulate')}
        </button>
        <button type="button" disabled={busy} onClick={() => void suggest()} data-testid="planner-proposal">
          {t('planner.t.suggest')}
        </button>
        <button type="button" disabled={busy || !edited} onClick={() => setEdited(null)}>
          {t('planner.t.reset')}
        </button>
        <button type="button" className="btn-warn" disabled={busy || Object.keys(changes).length === 0 || empty.length > 0} onClick={() => void apply()} data-testid="apply-skills">
          {t('planner.t.apply', { n: Object.keys(changes).length })}
        </button>
      </div>
      {empty.length > 0 && <p role="alert">{t('planner.t.emptyWindow')}</p>}
      {applied && <p className="info" data-testid="skills-applied">{t('planner.t.applied')}</p>}
      {proposal && edited && (
        <p className="info" data-testid="suggestion-note">
          {t(proposal.met ? 'planner.t.suggestionMet' : 'planner.t.suggestionMissed', { n: proposal.changes })}
        </p>
      )}
      {result && <TomorrowFigures result={result} config={config} />}
      <SkillsEditor
        config={config}
        matrix={matrix}
        today={today}
        disabled={busy}
        onChange={(m) => {
          setEdited(m);
          setApplied(false);
          setProposal(null);
        }}
      />
    </section>
  );
}
