import type { Lang, Service, ServiceQueueView } from '@hallq/shared';
import type { Translate } from '../i18n';
import { localized } from '../i18n';
import { waitLine } from '../common/format';
import type { KioskNotice } from './kiosk-notice';
import { NoticeCard } from './kiosk-notice';

interface Props {
  t: Translate;
  lang: Lang;
  service: Service;
  queue: ServiceQueueView | undefined;
  busy: 'taking' | 'retrying' | null;
  disabled: boolean;
  notice: KioskNotice | null;
  onTake: () => void;
  onCheckin: () => void;
  onDismissNotice: () => void;
}

/** The guide and the required-document checklist, then one big button to take the ticket. */
export function ServiceScreen({ t, lang, service, queue, busy, disabled, notice, onTake, onCheckin, onDismissNotice }: Props) {
  const guide = localized(service.guide, lang);
  return (
    <main className="screen service-screen">
      <h2 className="screen-title" data-testid="service-title">
        {localized(service.name, lang)}
      </h2>
      {queue && <p className="service-wait">{waitLine(t, queue.waiting, queue.estimatedWaitSeconds, queue.estimatedWaitRange)}</p>}
      {guide && (
        <section className="guide">
          <h3>{t('guide')}</h3>
          <p>{guide}</p>
        </section>
      )}
      <section className="checklist" data-testid="checklist">
        <h3>{t('checklistTitle')}</h3>
        {service.documents.length === 0 ? (
          <p>{t('noDocuments')}</p>
        ) : (
          <ol>
            {service.documents.map((d, i) => (
              <li key={i}>{localized(d, lang)}</li>
            ))}
          </ol>
        )}
      </section>
      <div className="service-actions">
        {busy ? (
          <div className="busy" role="status" data-testid="busy">
            <span className="spinner" aria-hidden="true" /> {busy === 'retrying' ? t('retrying') : t('taking')}
          </div>
        ) : (
          <>
            <button type="button" className="primary-button" data-testid="take-ticket" disabled={disabled} onClick={onTake}>
              {t('takeTicket')}
            </button>
            <button type="button" className="secondary-button" data-testid="have-appointment" disabled={disabled} onClick={onCheckin}>
              {t('haveAppointment')}
            </button>
          </>
        )}
      </div>
      {notice && <NoticeCard t={t} lang={lang} notice={notice} service={service} onDismiss={onDismissNotice} />}
    </main>
  );
}
