import type { ConnectionStatus } from '@hallq/client';
import { useI18n } from '../i18n';

export function FeedStatus({ status }: { status: ConnectionStatus }) {
  const { t } = useI18n();
  return (
    <span className={`feed-status feed-${status}`} role="status" data-testid="feed-status">
      {t(`feed.${status}`)}
    </span>
  );
}
