import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Lang } from '@hallq/shared';
import { localized, translator } from '../i18n';
import type { KioskBridge } from '../../shared/kiosk-bridge';
import { IdleTimer } from './idle-timer';
import { NoticeCard } from './kiosk-notice';
import type { KioskNotice } from './kiosk-notice';
import { KeypadScreen } from './keypad-screen';
import { ModuleScreen } from './module-screen';
import { OfflineBanner, OutdatedBanner } from './offline-banner';
import { ServiceListScreen } from './service-list-screen';
import { ServiceScreen } from './service-screen';
import { closedHours, closedReason, takeTicket } from './take-ticket';
import type { IssuedTicket } from './take-ticket';
import { printIssuedTicket } from './ticket-printing';
import type { PrintOutcome } from './ticket-printing';
import { TicketScreen } from './ticket-screen';
import { TopBar } from './top-bar';
import { ArrivedScreen } from './arrived-screen';
import { arriveRemote, lookupBooking } from './checkin';
import { LARGE_IDLE_FACTOR, webSpeechSpeaker } from './guidance';
import { guidanceFor } from './guidance-text';
import { ScanScreen } from './scan-screen';
import { IdCardGreeting } from './id-card-greeting';
import { parseScanned } from './scanned-code';
import { useHallConnection } from './use-hall-connection';

type Screen =
  | { name: 'modules' }
  | { name: 'services'; moduleId: string }
  | { name: 'service'; serviceId: string }
  | { name: 'keypad'; serviceId: string }
  | { name: 'ticket'; serviceId: string; ticket: IssuedTicket; print: 'printing' | PrintOutcome }
  | { name: 'checkin' }
  | { name: 'scan' }
  | { name: 'arrived'; number: string };

export interface KioskSettings {
  homeLang: Lang;
  initialLang: Lang;
  idleSeconds: number;
  bridge: KioskBridge | null;
  localPrinter: boolean;
  /** An ID card reader on this kiosk: its name pre-fills a booking check-in (on screen only). */
  idCardReader?: boolean;
}

const START: Screen = { name: 'modules' };
/** Used until the hall's own `kioskTicketScreenSeconds` is known. */
export const DEFAULT_TICKET_SCREEN_SECONDS = 20;

export function KioskApp({ settings }: { settings: KioskSettings }) {
  const conn = useHallConnection();
  const [lang, setLang] = useState<Lang>(settings.initialLang);
  const [screen, setScreen] = useState<Screen>(START);
  const [busy, setBusy] = useState<'taking' | 'retrying' | null>(null);
  const [notice, setNotice] = useState<KioskNotice | null>(null);
  const [large, setLarge] = useState(false);
  const t = useMemo(() => translator(lang), [lang]);
  const rootRef = useRef<HTMLDivElement>(null);
  const speaker = useMemo(() => webSpeechSpeaker(() => rootRef.current), []);
  const busyRef = useRef(false);

  const reset = useCallback(() => {
    if (busyRef.current) return; // never drop a ticket that is being issued
    setScreen(START);
    setNotice(null);
    setLarge(false);
    speaker.stop();
    setLang(settings.homeLang);
  }, [settings.homeLang, speaker]);

  // The visitor's own way back to the start keeps the large mode they chose; the idle reset does not.
  const goHome = useCallback(() => {
    const keep = large;
    reset();
    setLarge(keep);
  }, [large, reset]);

  // Idle reset: any touch restarts the count.
  useEffect(() => {
    const timer = new IdleTimer(settings.idleSeconds * 1000 * (large ? LARGE_IDLE_FACTOR : 1), reset);
    const touch = (): void => timer.touch();
    const events = ['pointerdown', 'touchstart', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, touch, { passive: true });
    timer.touch();
    return () => {
      timer.stop();
      for (const e of events) window.removeEventListener(e, touch);
    };
  }, [settings.idleSeconds, reset, large]);

  const { hall, api, serverDown, markServerDown } = conn;

  // The ticket screen goes back to the start after the hall's time (default 20 s) once the ticket
  // is printed (or its printer fault shown), so the next visitor cannot scan someone else's QR.
  const ticketShown = screen.name === 'ticket' && screen.print !== 'printing' ? screen.ticket.id : null;
  const ticketSeconds = hall?.kioskTicketScreenSeconds ?? DEFAULT_TICKET_SCREEN_SECONDS;
  useEffect(() => {
    if (ticketShown === null) return;
    const timer = setTimeout(reset, ticketSeconds * 1000);
    return () => clearTimeout(timer);
  }, [ticketShown, ticketSeconds, reset]);
  const issue = useCallback(
    async (serviceId: string, appointmentCode?: string) => {
      if (!hall || busyRef.current) return;
      const service = hall.services.find((s) => s.id === serviceId);
      if (!service) return;
      busyRef.current = true;
      setBusy('taking');
      setNotice(null);
      try {
        const outcome = await takeTicket(api, { hallId: hall.id, serviceId, lang, appointmentCode }, { onRetry: () => setBusy('retrying') });
        if (outcome.kind === 'issued') {
          setScreen({ name: 'ticket', serviceId, ticket: outcome.ticket, print: 'printing' });
          const print = await printIssuedTicket(outcome.ticket, { api, bridge: settings.bridge, localPrinter: settings.localPrinter, hall, service, lang });
          setScreen((s) => (s.name === 'ticket' && s.ticket.id === outcome.ticket.id ? { ...s, print } : s));
        } else if (outcome.kind === 'offline') {
          markServerDown();
        } else if (outcome.kind === 'closed') {
          setNotice({ kind: 'closed', code: outcome.code, reason: closedReason(outcome.details, lang), hours: closedHours(outcome.details) });
        } else {
          setNotice(outcome.kind === 'appointment_invalid' ? { kind: outcome.kind, code: outcome.code } : { kind: outcome.kind });
        }
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
    },
    [hall, api, lang, settings.bridge, settings.localPrinter, markServerDown],
  );

  // A booking code alone says the service: look it up, then issue with the code.
  const checkInCode = useCallback(
    async (code: string) => {
      if (!hall || busyRef.current) return;
      setNotice(null);
      const found = await lookupBooking(api, hall.id, code);
      if (found.kind === 'offline') markServerDown();
      else if (found.kind === 'invalid') setNotice({ kind: 'appointment_invalid', code: found.code });
      else await issue(found.serviceId, code);
    },
    [hall, api, issue, markServerDown],
  );

  const onScanned = useCallback(
    async (text: string) => {
      const scanned = parseScanned(text);
      if (scanned.kind === 'booking') {
        setScreen({ name: 'checkin' });
        await checkInCode(scanned.code);
      } else if (scanned.kind === 'remote') {
        busyRef.current = true;
        setBusy('taking');
        try {
          const r = await arriveRemote(api, scanned.publicId);
          if (r.kind === 'arrived') setScreen({ name: 'arrived', number: r.number });
          else if (r.kind === 'offline') markServerDown();
          else setNotice({ kind: 'appointment_invalid', code: r.code });
        } finally {
          busyRef.current = false;
          setBusy(null);
        }
      } else {
        setNotice({ kind: 'appointment_invalid' });
      }
    },
    [api, checkInCode, markServerDown],
  );

  // Large mode speaks each step: what this screen asks of the visitor.
  useEffect(() => {
    if (!large || !hall) return;
    speaker.say(guidanceFor(screen.name, t, notice !== null), lang);
  }, [large, screen.name, lang, t, hall, notice, speaker]);

  const switchLang = (): void => setLang((l) => (l === 'zh' ? 'en' : 'zh'));
  const hallName = hall ? localized(hall.name, lang) : '';

  if (conn.phase === 'unpaired') {
    return <div className="kiosk-message">{t('notPaired')}</div>;
  }
  if (!hall) {
    return (
      <div className="kiosk" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <div className="kiosk-message">{t('loading')}</div>
        {serverDown && <OfflineBanner t={t} />}
      </div>
    );
  }

  const service = 'serviceId' in screen ? hall.services.find((s) => s.id === screen.serviceId) : undefined;
  const back = (): void => {
    if (screen.name === 'services') setScreen(START);
    else if (screen.name === 'service' && service) setScreen({ name: 'services', moduleId: service.moduleId });
    else if (screen.name === 'keypad') setScreen({ name: 'service', serviceId: screen.serviceId });
    else if (screen.name === 'checkin') setScreen(START);
    else if (screen.name === 'scan') setScreen({ name: 'checkin' });
    setNotice(null);
  };
  const atStart = screen.name === 'modules';
  const disabled = serverDown || busy !== null;

  let body;
  if (screen.name === 'modules') {
    body = (
      <ModuleScreen
        t={t}
        lang={lang}
        hall={hall}
        queues={conn.queues}
        disabled={serverDown}
        onModule={(moduleId) => setScreen({ name: 'services', moduleId })}
        onCheckin={() => setScreen({ name: 'checkin' })}
      />
    );
  } else if (screen.name === 'services') {
    body = (
      <ServiceListScreen
        t={t}
        lang={lang}
        hall={hall}
        moduleId={screen.moduleId}
        queues={conn.queues}
        disabled={serverDown}
        onService={(serviceId) => setScreen({ name: 'service', serviceId })}
      />
    );
  } else if (screen.name === 'service' && service) {
    body = (
      <ServiceScreen
        t={t}
        lang={lang}
        service={service}
        queue={conn.queues.get(service.id)}
        busy={busy}
        disabled={disabled}
        notice={notice}
        onTake={() => void issue(service.id)}
        onCheckin={() => setScreen({ name: 'keypad', serviceId: service.id })}
        onDismissNotice={() => setNotice(null)}
      />
    );
  } else if (screen.name === 'keypad' && service) {
    body = (
      <>
        <KeypadScreen t={t} lang={lang} service={service} busy={busy !== null} disabled={serverDown} onSubmit={(code) => void issue(service.id, code)} />
        {notice && <NoticeCard t={t} lang={lang} notice={notice} service={service} onDismiss={() => setNotice(null)} />}
      </>
    );
  } else if (screen.name === 'checkin') {
    body = (
      <>
        <KeypadScreen
          t={t}
          lang={lang}
          busy={busy !== null}
          disabled={serverDown}
          onSubmit={(code) => void checkInCode(code)}
          onScan={() => setScreen({ name: 'scan' })}
          greeting={<IdCardGreeting t={t} bridge={settings.idCardReader ? settings.bridge : null} />}
        />
        {notice && <NoticeCard t={t} lang={lang} notice={notice} service={null} onDismiss={() => setNotice(null)} />}
      </>
    );
  } else if (screen.name === 'scan') {
    body = (
      <>
        <ScanScreen t={t} busy={busy !== null} onCode={(text) => void onScanned(text)} />
        {notice && <NoticeCard t={t} lang={lang} notice={notice} service={null} onDismiss={() => { setNotice(null); setScreen({ name: 'checkin' }); }} />}
      </>
    );
  } else if (screen.name === 'arrived') {
    body = <ArrivedScreen t={t} number={screen.number} onDone={reset} />;
  } else if (screen.name === 'ticket' && service) {
    body = <TicketScreen t={t} lang={lang} ticket={screen.ticket} service={service} live={conn.ticketEstimates.get(screen.ticket.id)} print={screen.print} onDone={reset} />;
  }

  return (
    <div
      ref={rootRef}
      className={`kiosk${serverDown ? ' kiosk-offline' : conn.outdated ? ' kiosk-outdated' : ''}${large ? ' kiosk-large' : ''}`}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
      data-screen={screen.name}
      data-lang={lang}
      data-large={large ? 'on' : 'off'}
    >
      <TopBar
        t={t}
        hallName={hallName}
        onHome={atStart || screen.name === 'ticket' || screen.name === 'arrived' ? null : goHome}
        onBack={screen.name === 'modules' || screen.name === 'ticket' || screen.name === 'arrived' ? null : back}
        onSwitchLang={switchLang}
        large={large}
        onToggleLarge={() => setLarge((l) => !l)}
      />
      {body}
      {conn.outdated && !serverDown && <OutdatedBanner t={t} />}
      {serverDown && <OfflineBanner t={t} />}
    </div>
  );
}
