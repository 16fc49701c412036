import type { CSSProperties } from 'react';
import type { Lang, WindowView } from '@hallq/shared';
import { messages, otherLang } from '../i18n/lang';
import type { MessageKey } from '../i18n/messages';

export function windowStateKey(w: WindowView): MessageKey {
  if (w.state === 'paused') return 'statePaused';
  if (w.state === 'closed') return 'stateClosed';
  return w.current ? 'stateOpen' : 'stateIdle';
}

/** Every window with its current number and state. */
export function WindowGrid({ windows, lang }: { windows: WindowView[]; lang: Lang }) {
  const m = messages(lang);
  const o = messages(otherLang(lang));
  return (
    <section className="panel windows">
      <h2>
        {m.windows} <small>{o.windows}</small>
      </h2>
      {/* Three rows in landscape whatever the number of windows, so all of them fit. */}
      <div className="window-grid" data-testid="window-grid" style={{ '--cols': Math.max(4, Math.ceil(windows.length / 3)) } as CSSProperties}>
        {windows.map((w) => {
          const key = windowStateKey(w);
          return (
            <div key={w.id} className={`window-cell state-${w.state}${w.current?.status === 'called' ? ' called' : ''}`} data-window={w.number}>
              <div className="window-cell-number">{w.number}</div>
              <div className="window-cell-ticket">{w.state === 'open' && w.current ? w.current.number : '—'}</div>
              <div className="window-cell-state">
                {m[key]}
                <small>{o[key]}</small>
              </div>
            </div>
          );
        })}
      </div>
    </section>
  );
}
