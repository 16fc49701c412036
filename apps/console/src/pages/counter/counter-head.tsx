// The counter's heading: the window, its state and sign-out, and the live connection.
import type { ConnectionStatus } from '@hallq/client';
import type { WindowView } from '@hallq/shared';
import { FeedStatus } from '../../components/feed-status';
import { useI18n } from '../../i18n';

export function CounterHead({ win, status, canSignOut, onSignOut }: { win: WindowView | null; status: ConnectionStatus; canSignOut: boolean; onSignOut(): void }) {
  const { t } = useI18n();
  return (
    <div className="page-head">
      {win ? (
        <>
          <h1 data-testid="window-title">{t('counter.window', { n: win.number })}</h1>
          <span className={`badge big state-${win.state}`} data-testid="window-state">
            {t(`state.${win.state}`)}
          </span>
          <button type="button" disabled={!canSignOut} onClick={onSignOut}>
            {t('counter.signOut')}
          </button>
        </>
      ) : (
        <h1>{t('nav.counter')}</h1>
      )}
      <FeedStatus status={status} />
    </div>
  );
}
