import { useEffect, useMemo, useRef } from 'react';
import type { HallConfig } from '@hallq/shared';
import { ArrivalCode } from '../components/arrival-code';
import { Clock } from '../components/clock';
import { NoticeTicker } from '../components/notice-ticker';
import { OfflineBanner } from '../components/offline-banner';
import { SoundGate } from '../components/sound-gate';
import { useHallFeed } from '../feed/use-hall-feed';
import { messages, pageLang } from '../i18n/lang';
import { LatestCall, RecentCalls } from './latest-call';
import { QueueSummary } from './queue-summary';
import { useAnnouncer } from './use-announcer';
import { WindowGrid } from './window-grid';

/** The hall wall screen (/display): shows and announces every call. */
export function HallScreen() {
  const lang = useMemo(() => pageLang(), []);
  const m = messages(lang);
  const hallRef = useRef<HallConfig | null>(null);
  const announcer = useAnnouncer(hallRef);
  const feed = useHallFeed('display', {
    onCall: (call, atLocalMs, replayed) =>
      announcer.announce({
        seq: call.seq,
        ticketId: call.ticketId,
        number: call.number,
        windowNumber: call.windowNumber,
        recall: call.recall,
        at: atLocalMs,
        replayed,
      }),
  });
  const { hall, state } = feed;
  useEffect(() => {
    hallRef.current = hall;
  }, [hall]);

  return (
    <div className={`hall-screen lang-${lang}`} data-status={feed.status} data-seq={state?.seq ?? 0}>
      <header className="hall-header">
        <div className="hall-name">
          {hall ? hall.name[lang] : m.loading}
          {hall && <small>{hall.name[lang === 'zh' ? 'en' : 'zh']}</small>}
        </div>
        <ArrivalCode api={feed.api} hall={hall} label={m.arrivalCode} />
        {hall && <Clock timezone={hall.timezone} />}
      </header>
      <OfflineBanner status={feed.status} />
      {hall && state ? (
        <main className="hall-main">
          <div className="hall-calls">
            <LatestCall call={state.recentCalls[0] ?? null} lang={lang} />
            <RecentCalls calls={state.recentCalls} lang={lang} />
          </div>
          <WindowGrid windows={state.windows} lang={lang} />
          <QueueSummary hall={hall} state={state} lang={lang} />
        </main>
      ) : (
        <main className="hall-loading">{m.loading}</main>
      )}
      <NoticeTicker notices={state?.notices ?? []} lang={lang} />
      <SoundGate announcer={announcer} />
    </div>
  );
}
