import type { FeedStatus } from '../feed/use-hall-feed';
import { en, zh } from '../i18n/messages';

const MESSAGE: Partial<Record<FeedStatus, keyof typeof zh>> = {
  offline: 'reconnecting',
  refused: 'refused',
  unpaired: 'refused',
  outdated: 'outdated',
  'no-hall': 'noHall',
};

/** Discreet: the screen keeps showing the last state underneath. */
export function OfflineBanner({ status }: { status: FeedStatus }) {
  const key = MESSAGE[status];
  if (!key) return null;
  return (
    <div className={`offline-banner${status === 'offline' ? '' : ' refused'}`} role="status" data-testid="offline-banner">
      {`${zh[key]} / ${en[key]}`}
    </div>
  );
}
