import { useMemo, useRef } from 'react';
import type { HallConfig } from '@hallq/shared';
import { ArrivalCode } from '../components/arrival-code';
import { announcedKey, type AnnounceScope } from '../../announcer/coverage';
import { Clock } from '../components/clock';
import { NoticeTicker } from '../components/notice-ticker';
import { OfflineBanner } from '../components/offline-banner';
import { SoundGate } from '../components/sound-gate';
import { currentCall } from '../feed/current-call';
import { useHallFeed } from '../feed/use-hall-feed';
import { useNow } from '../feed/use-now';
import { messages, pageLang } from '../i18n/lang';
import { LatestCall, RecentCalls } from './latest-call';
import { QueueSummary } from './queue-summary';
import { useAnnouncer } from './use-announcer';
import { WindowGrid } from './window-grid';

/** Seconds a page of a long list stays up (`?pageSeconds=`). */
function pageSeconds(): number {
  const v = Number(new URLSearchParams(window.location.search).get('pageSeconds'));
  return v >= 1 && v <= 60 ? v : 8;
}

/** The hall wall screen (/display): shows every call and announces the ones this display covers. */
export function HallScreen() {
  const lang = useMemo(() => pageLang(), []);
  const turn = useMemo(() => pageSeconds(), []);
  const m = messages(lang);
  const hallRef = useRef<HallConfig | null>(null);
  const scopeRef = useRef<AnnounceScope | null>(null);
  const announcer = useAnnouncer(hallRef, scopeRef);
  const feed = useHallFeed('display', {
    onSnapshot: (snap, first, device) => {
      scopeRef.current = device;
      if (first) announcer.begin(announcedKey(snap.hallId, device?.id ?? null), snap.seq);
    },
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
  // Read by the announcer's callbacks: kept current during render, not after it.
  hallRef.current = hall;
  scopeRef.current = feed.device ?? scopeRef.current;
  const now = useNow(5000);
  const current = state ? currentCall(state, now) : null;

  return (
    <div className={`hall-screen lang-${lang}`} data-status={feed.status} data-seq={state?.seq ?? 0}>
      <header className="hall-header">
        {/* The screen's heading in every state, loading included: a screen reader finds where it is. */}
        <h1 className="hall-name">
          {hall ? hall.name[lang] : m.loading}
          {hall && <small>{hall.name[lang === 'zh' ? 'en' : 'zh']}</small>}
        </h1>
        <ArrivalCode api={feed.api} hall={hall} label={m.arrivalCode} />
        {hall && <Clock timezone={hall.timezone} />}
      </header>
      <OfflineBanner status={feed.status} />
      {hall && state ? (
        <main className="hall-main">
          <div className="hall-calls">
            <LatestCall call={current} lang={lang} />
            <RecentCalls calls={state.recentCalls.filter((c) => c.seq !== current?.seq)} lang={lang} />
          </div>
          <WindowGrid windows={state.windows} lang={lang} pageSeconds={turn} />
          <QueueSummary hall={hall} state={state} lang={lang} pageSeconds={turn} />
        </main>
      ) : (
        <main className="hall-loading">{m.loading}</main>
      )}
      <NoticeTicker notices={state?.notices ?? []} lang={lang} />
      <SoundGate announcer={announcer} />
    </div>
  );
}
