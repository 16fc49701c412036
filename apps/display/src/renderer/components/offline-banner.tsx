import type { ConnectionStatus } from '@hallq/client';
import { en, zh } from '../i18n/messages';

/** Discreet: the screen keeps showing the last state underneath. */
export function OfflineBanner({ status }: { status: ConnectionStatus | 'unpaired' }) {
  if (status === 'online' || status === 'connecting') return null;
  const refused = status === 'refused' || status === 'unpaired';
  return (
    <div className={`offline-banner${refused ? ' refused' : ''}`} role="status" data-testid="offline-banner">
      {refused ? `${zh.refused} / ${en.refused}` : `${zh.reconnecting} / ${en.reconnecting}`}
    </div>
  );
}
