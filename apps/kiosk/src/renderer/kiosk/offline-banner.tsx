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
