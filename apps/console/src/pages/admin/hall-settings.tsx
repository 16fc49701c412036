// Hall settings with a live preview of the printed ticket and the spoken announcement.
import { useState } from 'react';
import { HallPatch } from '@hallq/shared';
import type { Hall } from '@hallq/shared';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { zodIssues } from '../../lib/errors';
import { formatHours, parseHours } from '../../lib/hours';
import { useAction } from '../../hooks/use-action';
import { ErrorBox } from '../../components/error-box';
import type { AdminSectionProps } from './admin-section';
import { TicketPreview } from './ticket-preview';

/** The announcement for a sample call, as the displays would speak it. */
export function announce(template: string, number: string, windowNumber: number): string {
  return template.replaceAll('{number}', number).replaceAll('{window}', String(windowNumber));
}

export function HallSettings({ hallId, config, reloadConfig }: AdminSectionProps) {
  const { t } = useI18n();
  const { run, error, setError, busy } = useAction();
  // The hall answer may carry every Hall field; what it lacks starts empty.
  const hall = config as typeof config & Partial<Hall>;
  const [initial] = useState(() => ({
    nameZh: hall.name.zh,
    nameEn: hall.name.en,
    timezone: hall.timezone,
    target: String(Math.round(hall.waitTargetSeconds / 60)),
    hours: formatHours(hall.openingHours),
    holidays: (hall.holidays ?? []).join('\n'),
    makeUp: (hall.makeUpWorkdays ?? []).join('\n'),
    template: hall.announcementTemplate ?? '',
    templateEn: hall.announcementTemplateEn ?? '',
    repeat: String(hall.announcementRepeat ?? 2),
    lag: String(hall.announcementMaxLagSeconds ?? 15),
    noticeZh: hall.ticketNotice?.zh ?? '',
    noticeEn: hall.ticketNotice?.en ?? '',
    headerZh: hall.ticketTemplate?.header?.zh ?? '',
    headerEn: hall.ticketTemplate?.header?.en ?? '',
    showEnglish: hall.ticketTemplate?.showEnglish === false ? '' : 'yes',
    showEstimate: hall.ticketTemplate?.showEstimate === false ? '' : 'yes',
    grace: String(hall.remoteGraceMinutes ?? 10),
    arrivalCode: hall.arrivalCodeRequired === false ? '' : 'yes',
    noShowGrace: String(hall.noShowGraceSeconds ?? 120),
    noShowRule: hall.noShowRule ?? 'requeue_once',
    ticketScreen: String(hall.kioskTicketScreenSeconds ?? 20),
  }));
  const [f, setF] = useState(initial);
  const [saved, setSaved] = useState(false);
  type Key = keyof typeof initial;
  const field = (k: Key, label: string, rows = 0) => (
    <label className={rows ? 'wide' : ''}>
      {label}
      {rows ? (
        <textarea name={`hall-${k}`} rows={rows} value={f[k]} onChange={(e) => setF({ ...f, [k]: e.target.value })} />
      ) : (
        <input name={`hall-${k}`} value={f[k]} onChange={(e) => setF({ ...f, [k]: e.target.value })} />
      )}
    </label>
  );

  const check = (k: 'showEnglish' | 'showEstimate' | 'arrivalCode', label: string) => (
    <label className="check">
      <input type="checkbox" name={`hall-${k}`} checked={f[k] === 'yes'} onChange={(e) => setF({ ...f, [k]: e.target.checked ? 'yes' : '' })} />
      {label}
    </label>
  );
  const ticketTemplate = {
    header: { zh: f.headerZh.trim(), en: (f.headerEn || f.headerZh).trim() },
    showEnglish: f.showEnglish === 'yes',
    showEstimate: f.showEstimate === 'yes',
  };

  const save = () => {
    setSaved(false);
    const hours = parseHours(f.hours);
    if (!hours.ok) {
      setError({ code: 'validation_failed', message: t('error.validation_failed'), fields: [{ path: 'openingHours', message: t('hall.badHours', { line: hours.line }) }] });
      return;
    }
    // Only what the admin changed is sent: the hall answer lacks some settings (hours,
    // holidays, ticket notice), and an untouched empty field must not erase them.
    const changed = (...keys: Key[]) => keys.some((k) => f[k] !== initial[k]);
    const body = {
      ...(changed('nameZh', 'nameEn') ? { name: { zh: f.nameZh, en: f.nameEn } } : {}),
      ...(changed('timezone') ? { timezone: f.timezone.trim() } : {}),
      ...(changed('target') ? { waitTargetSeconds: Math.round(Number(f.target) * 60) } : {}),
      ...(changed('hours') ? { openingHours: hours.hours } : {}),
      ...(changed('holidays') ? { holidays: f.holidays.split('\n').map((l) => l.trim()).filter(Boolean) } : {}),
      ...(changed('makeUp') ? { makeUpWorkdays: f.makeUp.split('\n').map((l) => l.trim()).filter(Boolean) } : {}),
      ...(changed('template') ? { announcementTemplate: f.template } : {}),
      ...(changed('templateEn') ? { announcementTemplateEn: f.templateEn } : {}),
      ...(changed('repeat') ? { announcementRepeat: Number(f.repeat) } : {}),
      ...(changed('lag') ? { announcementMaxLagSeconds: Number(f.lag) } : {}),
      ...(changed('noticeZh', 'noticeEn') ? { ticketNotice: { zh: f.noticeZh, en: f.noticeEn || f.noticeZh } } : {}),
      ...(changed('headerZh', 'headerEn', 'showEnglish', 'showEstimate') ? { ticketTemplate } : {}),
      ...(changed('grace') ? { remoteGraceMinutes: Number(f.grace) } : {}),
      ...(changed('arrivalCode') ? { arrivalCodeRequired: f.arrivalCode === 'yes' } : {}),
      ...(changed('noShowGrace') ? { noShowGraceSeconds: Number(f.noShowGrace) } : {}),
      ...(changed('noShowRule') ? { noShowRule: f.noShowRule } : {}),
      ...(changed('ticketScreen') ? { kioskTicketScreenSeconds: Number(f.ticketScreen) } : {}),
    };
    const parsed = HallPatch.safeParse(body);
    if (!parsed.success) {
      setError({ code: 'validation_failed', message: t('error.validation_failed'), fields: zodIssues(parsed.error) });
      return;
    }
    void run(async () => {
      await api.patch(`/halls/${hallId}`, parsed.data);
      setSaved(true);
      reloadConfig();
    });
  };

  return (
    <div className="hall-settings">
      <form
        className="card form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        {field('nameZh', t('hall.nameZh'))}
        {field('nameEn', t('hall.nameEn'))}
        {field('timezone', t('hall.timezone'))}
        {field('target', t('hall.waitTarget'))}
        {field('hours', t('hall.openingHours'), 3)}
        {field('holidays', t('hall.holidays'), 3)}
        {field('makeUp', t('hall.makeUpWorkdays'), 3)}
        {field('template', t('hall.template'))}
        {field('templateEn', t('hall.templateEn'))}
        <label>
          {t('hall.announcementRepeat')}
          <select name="hall-repeat" value={f.repeat} onChange={(e) => setF({ ...f, repeat: e.target.value })}>
            {['1', '2', '3'].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        {field('lag', t('hall.announcementMaxLag'))}
        {field('noticeZh', t('hall.ticketNoticeZh'))}
        {field('noticeEn', t('hall.ticketNoticeEn'))}
        {field('headerZh', t('hall.ticketHeaderZh'))}
        {field('headerEn', t('hall.ticketHeaderEn'))}
        {check('showEnglish', t('hall.ticketShowEnglish'))}
        {check('showEstimate', t('hall.ticketShowEstimate'))}
        {field('grace', t('hall.remoteGrace'))}
        {check('arrivalCode', t('hall.arrivalCodeRequired'))}
        {field('noShowGrace', t('hall.noShowGrace'))}
        <label>
          {t('hall.noShowRule')}
          <select name="hall-noShowRule" value={f.noShowRule} onChange={(e) => setF({ ...f, noShowRule: e.target.value as typeof f.noShowRule })}>
            <option value="requeue_once">{t('hall.noShowRule.requeue_once')}</option>
            <option value="new_ticket">{t('hall.noShowRule.new_ticket')}</option>
          </select>
        </label>
        {field('ticketScreen', t('hall.kioskTicketScreen'))}
        <ErrorBox error={error} />
        <div className="form-actions wide">
          <button type="submit" className="btn-primary" disabled={busy}>
            {t('common.save')}
          </button>
          {saved && <span className="success">{t('common.saved')}</span>}
        </div>
      </form>
      <aside className="card preview">
        <h2>{t('hall.preview')}</h2>
        <TicketPreview hallId={config.id} hallName={{ zh: f.nameZh, en: f.nameEn }} service={config.services[0]} notice={{ zh: f.noticeZh, en: f.noticeEn }} template={ticketTemplate} />
        <h2>{t('hall.previewAnnounce')}</h2>
        <p data-testid="announce-preview">{announce(f.template, 'A001', 5)}</p>
        <p>{announce(f.templateEn, 'A001', 5)}</p>
      </aside>
    </div>
  );
}
