import { useEffect, useRef, useState } from 'react';
import type { Lang, OpeningHours, Service } from '@hallq/shared';
import type { Translate } from '../i18n';
import { formatOpeningHours } from '../common/format';
import type { ClosedCode } from './take-ticket';

/** Why no ticket was issued, in words a visitor can act on. */
export type KioskNotice =
  | { kind: 'closed'; code: ClosedCode; reason: string | null; hours?: OpeningHours }
  | { kind: 'appointment_invalid'; code?: string }
  | { kind: 'failed' };

/** The server's reason for refusing a check-in, in the visitor's words. */
const CHECKIN_MESSAGES: Record<string, 'checkinUsed' | 'checkinNotToday' | 'checkinOtherService' | 'checkinOutsideWindow' | 'arriveInvalid'> = {
  appointment_used: 'checkinUsed',
  appointment_outside_window: 'checkinOutsideWindow',
  invalid_transition: 'arriveInvalid',
  appointment_not_today: 'checkinNotToday',
  appointment_other_service: 'checkinOtherService',
};

interface Props {
  t: Translate;
  lang: Lang;
  notice: KioskNotice;
  /** The service the visitor chose; null on check-in by code or scan. */
  service: Service | null;
  onDismiss: () => void;
}

export function NoticeCard({ t, notice, service, onDismiss }: Props) {
  let title: string;
  const lines: string[] = [];
  if (notice.kind === 'closed') {
    title = t(`closed_${notice.code}` as const);
    if (notice.reason) lines.push(t('closedReason', { reason: notice.reason }));
    const hours = notice.hours === undefined ? service?.openingHours : notice.hours;
    if (hours !== undefined) lines.push(t('hours', { hours: formatOpeningHours(t, hours) }));
  } else if (notice.kind === 'appointment_invalid') {
    title = t(CHECKIN_MESSAGES[notice.code ?? ''] ?? 'checkinInvalid');
  } else {
    title = t('takeFailed');
  }
  const ok = useRef<HTMLButtonElement>(null);
  // Where focus was before the notice (read while rendering, before the notice takes it): it goes
  // back there when the notice is dismissed, if that is still on screen and usable.
  const [opener] = useState(() => (typeof document === 'undefined' ? null : document.activeElement));
  useEffect(
    () => () => {
      if (opener instanceof HTMLElement && opener !== document.body && opener.isConnected && !opener.matches(':disabled')) opener.focus();
    },
    [opener],
  );
  return (
    <div
      className="notice-overlay"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="kiosk-notice-title"
      data-testid={`notice-${notice.kind}`}
      onKeyDown={(e) => {
        // A modal: Tab stays on its one button (the screen behind is out of reach), Escape dismisses it.
        if (e.key === 'Tab') {
          e.preventDefault();
          ok.current?.focus();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          onDismiss();
        }
      }}
    >
      <div className="notice-card">
        <p className="notice-title" id="kiosk-notice-title">
          {title}
        </p>
        {lines.map((line) => (
          <p key={line} className="notice-line">
            {line}
          </p>
        ))}
        {/* The one way out has focus, so a keyboard or switch user is not left behind the overlay. */}
        <button type="button" className="primary-button" data-testid="notice-ok" autoFocus ref={ok} onClick={onDismiss}>
          {t('back')}
        </button>
      </div>
    </div>
  );
}
