import type { Lang, WindowView } from '@hallq/shared';
import { AutoPager } from '../components/auto-pager';
import { messages, otherLang } from '../i18n/lang';
import type { MessageKey } from '../i18n/messages';

export function windowStateKey(w: WindowView): MessageKey {
  if (w.state === 'paused') return 'statePaused';
  if (w.state === 'closed') return 'stateClosed';
  if (w.current?.status === 'called') return 'stateCalling';
  return w.current ? 'stateOpen' : 'stateIdle';
}

/** Every window with its current number and state; pages by itself when they do not all fit. */
export function WindowGrid({ windows, lang, pageSeconds }: { windows: WindowView[]; lang: Lang; pageSeconds: number }) {
  const m = messages(lang);
  const o = messages(otherLang(lang));
  return (
    <section className="panel windows">
      <h2>
        {m.windows} <small>{o.windows}</small>
      </h2>
      <AutoPager seconds={pageSeconds} className="window-grid" testId="window-grid">
        {windows.map((w) => {
          const key = windowStateKey(w);
          const called = w.state === 'open' && w.current?.status === 'called';
          return (
            <div key={w.id} className={`window-cell state-${w.state}${called ? ' called' : ''}`} data-window={w.number} data-state={key}>
              <div className="window-cell-number">
                {w.number}
                <small>{m.windowSuffix || ` ${m.window}`}</small>
              </div>
              <div className="window-cell-ticket">{w.state === 'open' && w.current ? w.current.number : '—'}</div>
              <div className="window-cell-state">
                {m[key]}
                <small>{o[key]}</small>
              </div>
            </div>
          );
        })}
      </AutoPager>
    </section>
  );
}
