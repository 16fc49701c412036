// Create or edit one service; validated with the shared ServiceBody schema before sending.
import { ServiceBody } from '@hallq/shared';
import type { HallConfig, Service, ServiceStage } from '@hallq/shared';
import { useI18n } from '../../i18n';
import { zodIssues } from '../../lib/errors';
import { formatDocuments, formatHours, parseDocuments, parseHours } from '../../lib/hours';
import { BookingFields, bookingBodyOf, bookingDraftOf, type BookingDraft } from './booking-fields';

export interface ServiceDraft {
  code: string;
  prefix: string;
  nameZh: string;
  nameEn: string;
  moduleId: string;
  quota: string;
  targetMinutes: string;
  hours: string;
  guideZh: string;
  guideEn: string;
  documents: string;
  stages: ServiceStage[];
  active: boolean;
  fromHome: BookingDraft;
}

export function draftOf(s: Service | null, config: HallConfig): ServiceDraft {
  return {
    code: s?.code ?? '',
    prefix: s?.prefix ?? '',
    nameZh: s?.name.zh ?? '',
    nameEn: s?.name.en ?? '',
    moduleId: s?.moduleId ?? config.modules[0]?.id ?? '',
    quota: s?.dailyQuota ? String(s.dailyQuota) : '',
    targetMinutes: s?.waitTargetSeconds ? String(s.waitTargetSeconds / 60) : '',
    hours: formatHours(s?.openingHours),
    guideZh: s?.guide?.zh ?? '',
    guideEn: s?.guide?.en ?? '',
    documents: formatDocuments(s?.documents),
    stages: s?.stages?.length ? s.stages : [{ name: { zh: '受理', en: 'Acceptance' }, officersOnly: false }],
    active: s?.active ?? true,
    fromHome: bookingDraftOf(s?.booking, s?.remoteDailyShare),
  };
}

/** The request body of a draft, or the problems to show (field path -> message). */
export function bodyOf(d: ServiceDraft): { ok: true; body: ServiceBody } | { ok: false; issues: Array<{ path: string; message: string }> } {
  const hours = parseHours(d.hours);
  if (!hours.ok) return { ok: false, issues: [{ path: 'openingHours', message: `line ${hours.line}: 1-5 08:30 17:30` }] };
  const guide = d.guideZh.trim() ? { zh: d.guideZh.trim(), en: d.guideEn.trim() || d.guideZh.trim() } : undefined;
  const candidate = {
    code: d.code.trim(),
    prefix: d.prefix.trim().toUpperCase(),
    name: { zh: d.nameZh.trim(), en: d.nameEn.trim() },
    moduleId: d.moduleId,
    ...(guide ? { guide } : {}),
    documents: parseDocuments(d.documents),
    stages: d.stages.map((s) => ({ name: { zh: s.name.zh.trim(), en: s.name.en.trim() || s.name.zh.trim() }, officersOnly: s.officersOnly })),
    dailyQuota: d.quota.trim() ? Number(d.quota) : null,
    openingHours: hours.hours,
    waitTargetSeconds: d.targetMinutes.trim() ? Math.round(Number(d.targetMinutes) * 60) : null,
    active: d.active,
    ...bookingBodyOf(d.fromHome),
  };
  const parsed = ServiceBody.safeParse(candidate);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  return { ok: true, body: parsed.data };
}

export function ServiceForm({ config, draft, onChange }: { config: HallConfig; draft: ServiceDraft; onChange(d: ServiceDraft): void }) {
  const { t, pick } = useI18n();
  const set = <K extends keyof ServiceDraft>(k: K, v: ServiceDraft[K]) => onChange({ ...draft, [k]: v });
  const setStage = (i: number, s: ServiceStage) => set('stages', draft.stages.map((x, j) => (j === i ? s : x)));
  const text = (k: 'code' | 'prefix' | 'nameZh' | 'nameEn' | 'quota' | 'targetMinutes', label: string, extra: Record<string, string | number> = {}) => (
    <label>
      {label}
      <input name={k} value={draft[k]} onChange={(e) => set(k, e.target.value)} {...extra} />
    </label>
  );
  return (
    <div className="form-grid">
      {text('code', t('svc.code'), { maxLength: 32 })}
      {text('prefix', t('svc.prefix'), { maxLength: 1 })}
      {text('nameZh', t('svc.nameZh'))}
      {text('nameEn', t('svc.nameEn'))}
      <label>
        {t('svc.module')}
        <select name="moduleId" value={draft.moduleId} onChange={(e) => set('moduleId', e.target.value)}>
          {config.modules.map((m) => (
            <option key={m.id} value={m.id}>
              {pick(m.name)}
            </option>
          ))}
        </select>
      </label>
      {text('quota', `${t('svc.quota')} ${t('common.optional')}`, { inputMode: 'numeric', placeholder: t('svc.quotaNone') })}
      {text('targetMinutes', t('svc.target'), { inputMode: 'numeric' })}
      <label className="wide">
        {t('svc.hours')}
        <textarea name="hours" rows={2} value={draft.hours} onChange={(e) => set('hours', e.target.value)} />
      </label>
      <label className="wide">
        {t('svc.guideZh')}
        <textarea name="guideZh" rows={2} value={draft.guideZh} onChange={(e) => set('guideZh', e.target.value)} />
      </label>
      <label className="wide">
        {t('svc.guideEn')}
        <textarea name="guideEn" rows={2} value={draft.guideEn} onChange={(e) => set('guideEn', e.target.value)} />
      </label>
      <label className="wide">
        {t('svc.documents')}
        <textarea name="documents" rows={4} value={draft.documents} onChange={(e) => set('documents', e.target.value)} />
      </label>
      <fieldset className="wide">
        <legend>{t('svc.stages')}</legend>
        {draft.stages.map((s, i) => (
          <div className="stage-row" key={i} data-testid={`stage-${i}`}>
            <span>{i + 1}.</span>
            <input aria-label={t('svc.stageZh')} name={`stage-${i}-zh`} value={s.name.zh} onChange={(e) => setStage(i, { ...s, name: { ...s.name, zh: e.target.value } })} />
            <input aria-label={t('svc.stageEn')} name={`stage-${i}-en`} value={s.name.en} onChange={(e) => setStage(i, { ...s, name: { ...s.name, en: e.target.value } })} />
            <label className="inline">
              <input type="checkbox" name={`stage-${i}-officers`} checked={s.officersOnly} onChange={(e) => setStage(i, { ...s, officersOnly: e.target.checked })} />
              {t('svc.officersOnly')}
            </label>
            {draft.stages.length > 1 && (
              <button type="button" className="btn-small" onClick={() => set('stages', draft.stages.filter((_, j) => j !== i))}>
                {t('common.delete')}
              </button>
            )}
          </div>
        ))}
        <button type="button" className="btn-small" onClick={() => set('stages', [...draft.stages, { name: { zh: '', en: '' }, officersOnly: true }])}>
          {t('svc.addStage')}
        </button>
      </fieldset>
      <BookingFields draft={draft.fromHome} onChange={(b) => set('fromHome', b)} />
      <label className="inline">
        <input type="checkbox" name="active" checked={draft.active} onChange={(e) => set('active', e.target.checked)} />
        {t('svc.active')}
      </label>
    </div>
  );
}
