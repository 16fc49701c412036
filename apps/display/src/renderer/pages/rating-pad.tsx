import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { newIdempotencyKey, ApiError } from '@hallq/client';
import { RATING_LABELS, RATING_LEVELS } from '@hallq/shared';
import { RatingFace } from '../components/icons';
import { OfflineBanner } from '../components/offline-banner';
import { useHallFeed } from '../feed/use-hall-feed';
import { messages, otherLang, pageLang } from '../i18n/lang';
import { BAD_RATING_REASONS } from '../i18n/messages';
import { IDLE, ratingFlow, type RatedBy } from './rating-flow';

/** A rating that could not be sent is tried again this often until the server answers. */
const RETRY_MS = 3000;

/** A completed ticket older than this (caught up after an outage) is not offered for rating. */
const RECENT_MS = 60_000;

function seconds(name: string, fallback: number): number {
  const v = Number(new URLSearchParams(window.location.search).get(name));
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** The rating pad at one window (/rating/:n): 好差评 after each completed ticket. */
export function RatingPad({ windowNumber }: { windowNumber: number }) {
  const lang = useMemo(() => pageLang(), []);
  const m = messages(lang);
  const o = messages(otherLang(lang));
  const [phase, dispatch] = useReducer(ratingFlow, IDLE);
  const [picked, setPicked] = useState<string[]>([]);
  const [other, setOther] = useState('');
  const timeouts = useMemo(() => ({ rate: seconds('rateTimeout', 60), thanks: seconds('thanksTimeout', 5) }), []);
  const idemKey = useRef<string>('');

  const { api, status } = useHallFeed('rating-pad', {
    onCompleted: (e, replayed) => {
      if (e.windowNumber !== windowNumber) return;
      if (replayed && Date.now() - Date.parse(e.at) > RECENT_MS) return;
      dispatch({ type: 'completed', ticketId: e.ticketId, number: e.number });
    },
  });

  // Reset the reason form for every new ticket.
  const ticketId = 'ticketId' in phase ? phase.ticketId : null;
  useEffect(() => {
    setPicked([]);
    setOther('');
    idemKey.current = newIdempotencyKey();
  }, [ticketId]);

  // Timeouts: unanswered rating -> idle; thanks -> idle.
  useEffect(() => {
    if (phase.kind === 'idle' || phase.kind === 'sending' || phase.kind === 'failed') return;
    const s = phase.kind === 'thanks' || phase.kind === 'refused' ? timeouts.thanks * 2 : timeouts.rate;
    const t = setTimeout(() => dispatch({ type: 'timeout' }), s * 1000);
    return () => clearTimeout(t);
  }, [phase, timeouts]);

  // A rating that could not be sent is retried by itself (same Idempotency-Key: never counted twice).
  useEffect(() => {
    if (phase.kind !== 'failed') return;
    const t = setTimeout(() => dispatch({ type: 'retry' }), RETRY_MS);
    return () => clearTimeout(t);
  }, [phase]);

  // Sending.
  useEffect(() => {
    if (phase.kind !== 'sending' || !api) return;
    let cancelled = false;
    const body = phase.reason ? { level: phase.level, reason: phase.reason } : { level: phase.level };
    api
      .post(`/tickets/${encodeURIComponent(phase.ticketId)}/rating`, body, { idempotencyKey: idemKey.current })
      .then(() => !cancelled && dispatch({ type: 'sent' }))
      .catch((err: unknown) => {
        if (cancelled) return;
        // The server's answer is what the visitor is told: already rated (e.g. on the phone) is
        // said as such, never thanked; only a failure to reach the server is retried.
        if (err instanceof ApiError && err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429) {
          const by = (err.details as { by?: RatedBy } | null | undefined)?.by ?? null;
          dispatch({ type: 'refused', code: err.code, by });
        } else dispatch({ type: 'send-failed' });
      });
    return () => {
      cancelled = true;
    };
  }, [phase, api]);

  const reasonText = [...picked, other.trim()].filter(Boolean).join('；');

  return (
    <main className="rating-pad" data-testid="rating-pad" data-phase={phase.kind}>
      <OfflineBanner status={status} />
      {phase.kind === 'idle' && (
        <div className="rp-idle">
          <div className="rp-window">{lang === 'zh' ? `${windowNumber} 号窗口` : `Window ${windowNumber}`}</div>
          <h1 className="rp-title">{m.rateIdle}</h1>
          <div className="rp-sub">{o.rateIdle}</div>
        </div>
      )}
      {(phase.kind === 'rate' || phase.kind === 'sending' || phase.kind === 'failed') && (
        <div className="rp-rate">
          <h1 className="rp-title">
            {phase.number}
            {m.rateTicket} · {m.rateTitle}
          </h1>
          <div className="rp-sub">{o.rateTitle}</div>
          <div className="rp-levels">
            {RATING_LEVELS.map((level) => (
              <button
                key={level}
                type="button"
                className={`rp-level level-${level}`}
                data-level={level}
                disabled={phase.kind !== 'rate'}
                onClick={() => dispatch({ type: 'choose', level })}
              >
                <RatingFace level={level} className="rp-face" />
                <span>{RATING_LABELS[level][lang]}</span>
                <small>{RATING_LABELS[level][otherLang(lang)]}</small>
              </button>
            ))}
          </div>
          {phase.kind === 'failed' && (
            <button type="button" className="rp-error" onClick={() => dispatch({ type: 'retry' })}>
              {m.rateFailed}
            </button>
          )}
        </div>
      )}
      {phase.kind === 'reason' && (
        <div className="rp-reason">
          <h1 className="rp-title">{m.rateReasonTitle}</h1>
          <div className="rp-sub">{o.rateReasonTitle}</div>
          <div className="rp-reasons">
            {BAD_RATING_REASONS.map((r) => {
              const on = picked.includes(r.zh);
              return (
                <button
                  key={r.zh}
                  type="button"
                  className={`rp-reason-option${on ? ' on' : ''}`}
                  aria-pressed={on}
                  onClick={() => setPicked((p) => (on ? p.filter((x) => x !== r.zh) : [...p, r.zh]))}
                >
                  {r[lang]}
                  <small>{r[otherLang(lang)]}</small>
                </button>
              );
            })}
          </div>
          <textarea
            className="rp-other"
            maxLength={200}
            placeholder={`${m.rateReasonOther} / ${o.rateReasonOther}`}
            value={other}
            onChange={(e) => setOther(e.target.value)}
          />
          {phase.error === 'need_reason' && (
            <div className="rp-need" role="alert">
              {m.rateNeedReason} / {o.rateNeedReason}
            </div>
          )}
          <div className="rp-actions">
            <button type="button" className="rp-back" onClick={() => dispatch({ type: 'back' })}>
              {m.rateBack}
            </button>
            <button type="button" className="rp-submit" data-testid="rating-submit" onClick={() => dispatch({ type: 'submit-reason', reason: reasonText })}>
              {m.rateSubmit}
            </button>
          </div>
        </div>
      )}
      {phase.kind === 'refused' && (
        <div className="rp-thanks rp-refused" data-testid="rating-refused" data-code={phase.code}>
          <h1 className="rp-title">
            {phase.code !== 'already_rated' ? m.rateRefused : phase.by === 'visitor' ? m.rateAlreadyPhone : m.rateAlreadyPad}
          </h1>
          <div className="rp-sub">{phase.code !== 'already_rated' ? o.rateRefused : phase.by === 'visitor' ? o.rateAlreadyPhone : o.rateAlreadyPad}</div>
        </div>
      )}
      {phase.kind === 'thanks' && (
        <div className="rp-thanks" data-testid="rating-thanks">
          <h1 className="rp-title">{m.rateThanks}</h1>
          <div className="rp-sub">
            {m.rateThanksSub} · {o.rateThanks}
          </div>
        </div>
      )}
    </main>
  );
}
