import type { CallView, Lang } from '@hallq/shared';
import { messages, otherLang } from '../i18n/lang';

/** How many earlier calls the list shows (two columns of four fit both orientations at 10 m). */
const RECENT_SHOWN = 8;

/**
 * The call being made now, large and highlighted; re-animates on every new call (keyed by seq).
 * Empty once the visitor came, the ticket moved on or the window paused (see current-call.ts).
 */
export function LatestCall({ call, lang }: { call: CallView | null; lang: Lang }) {
  const m = messages(lang);
  const o = messages(otherLang(lang));
  if (!call) {
    return (
      <section className="latest latest-empty" data-testid="latest-empty">
        <div className="latest-label">
          {m.waitForCall} <small>{o.waitForCall}</small>
        </div>
      </section>
    );
  }
  return (
    <section className="latest" key={call.seq} data-testid="latest-call" data-seq={call.seq}>
      <div className="latest-label">
        {m.nowCalling} <small>{o.nowCalling}</small>
        {call.recall && <span className="badge">{m.recall}</span>}
      </div>
      <div className="latest-number" data-testid="latest-number">
        {call.number}
      </div>
      <div className="latest-window">
        {lang === 'zh' ? `请到 ${call.windowNumber} 号窗口` : `${m.pleaseGoTo} window ${call.windowNumber}`}
      </div>
      <div className="latest-window-2nd">
        {lang === 'zh' ? `Please go to window ${call.windowNumber}` : `请到 ${call.windowNumber} 号窗口`}
      </div>
    </section>
  );
}

export function RecentCalls({ calls, lang }: { calls: CallView[]; lang: Lang }) {
  const m = messages(lang);
  const o = messages(otherLang(lang));
  return (
    <section className="panel recent">
      <h2>
        {m.recentCalls} <small>{o.recentCalls}</small>
      </h2>
      <ol data-testid="recent-calls">
        {calls.slice(0, RECENT_SHOWN).map((c) => (
          <li key={c.seq} data-seq={c.seq}>
            <span className="recent-number">{c.number}</span>
            <span className="recent-arrow">→</span>
            <span className="recent-window">
              {c.windowNumber}
              <small>{m.windowSuffix || ` ${m.window}`}</small>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
