import type { Translate } from '../i18n';

/** Shown over everything while the server cannot be reached: no ticket is issued offline. */
export function OfflineBanner({ t }: { t: Translate }) {
  return (
    <div className="offline-banner" role="alert" data-testid="offline-banner">
      <div className="offline-title">{t('offlineTitle')}</div>
      <div className="offline-detail">
        <span className="spinner" aria-hidden="true" /> {t('offlineDetail')}
      </div>
    </div>
  );
}

/** The server is newer than this kiosk: tickets are still issued (over HTTP), but the live waits
 * are gone until the kiosk is updated, so staff are asked to see to it. */
export function OutdatedBanner({ t }: { t: Translate }) {
  return (
    <div className="outdated-banner" role="status" data-testid="outdated-banner">
      {t('outdated')}
    </div>
  );
}
