// What a printed ticket shows, decided once for every printer: the server's print endpoint, the
// admin's preview and the Electron kiosk's own printer all call `ticketSlip`, and the printing
// package lays the result out (ESC/POS or SVG), so the kiosk prints exactly what the preview shows.
import type { Lang, LocalizedText, TicketTemplateSettings } from './domain';
import type { WaitRange } from './domain';

/** What a ticket shows, for every printer and the preview (the printing package lays it out).
 * Deliberately has no name, phone or ID-number field: a slip left on the floor of the hall must
 * not identify anyone. */
export interface TicketSlipData {
  hallName: string;
  /** Ticket number as issued, e.g. `A007`. */
  number: string;
  serviceName: { zh: string; en?: string };
  peopleAhead: number | null;
  estimatedWaitSeconds: number | null;
  /** Printed as "预计等候 15–25 分钟" when present; the single figure otherwise. */
  estimatedWaitRange?: WaitRange | null;
  /** Issue time already formatted in the hall's timezone, e.g. `2025-11-25 09:30`. */
  issuedAtLocal: string;
  /** Absolute URL of the visitor's status page (`PUBLIC_URL` + `/t/<publicId>`). */
  statusUrl: string;
  /** Overrides the hall template's notice for this ticket. */
  notice?: string;
  /** Language the visitor chose at the kiosk; English lines go first when `en`. */
  lang?: 'zh' | 'en';
  /** The hall's public page (`PUBLIC_URL` + `/h/<hallId>`): services, waits, bookings; printed in the footer. */
  hallUrl?: string;
}

/** The hall's ticket template. */
export interface TicketSlipTemplate {
  /** Extra line printed above the hall name, e.g. a welcome. */
  header?: string;
  notice?: string;
  /** Print English lines as well as Chinese (default true). */
  showEnglish?: boolean;
  /** Print the estimated wait (default true). */
  showEstimate?: boolean;
}

export interface TicketSlip {
  data: TicketSlipData;
  template: TicketSlipTemplate;
}

export interface TicketSlipInput {
  hall: { id: string; name: LocalizedText; timezone: string; ticketNotice?: LocalizedText; ticketTemplate?: TicketTemplateSettings };
  service: { id: string; name: LocalizedText } | undefined;
  ticket: { number: string; serviceId: string; issuedAt: string; peopleAhead: number | null; estimatedWaitSeconds: number | null; estimatedWaitRange?: WaitRange | null; statusUrl: string };
  lang: Lang;
}

/** `2025-11-25 09:30` in the hall's timezone. */
export function slipLocalTime(iso: string, timeZone: string): string {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  for (const p of format.formatToParts(new Date(iso))) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

const pick = (text: LocalizedText | undefined, lang: Lang): string | undefined => {
  const chosen = (lang === 'en' ? text?.en : text?.zh)?.trim();
  return chosen ? chosen : undefined;
};

/** The hall's public page, on the same server as the ticket's status page (`<PUBLIC_URL>/t/<id>`). */
export function hallPageUrl(statusUrl: string, hallId: string): string | undefined {
  const m = /^(.*)\/t\/[^/]+$/.exec(statusUrl);
  return m ? `${m[1]}/h/${encodeURIComponent(hallId)}` : undefined;
}

export function ticketSlip({ hall, service, ticket, lang }: TicketSlipInput): TicketSlip {
  const hallUrl = hallPageUrl(ticket.statusUrl, hall.id);
  const settings = hall.ticketTemplate ?? {};
  const notice = pick(hall.ticketNotice, lang);
  const header = pick(settings.header, lang);
  const template: TicketSlipTemplate = {
    ...(header ? { header } : {}),
    showEnglish: settings.showEnglish !== false,
    showEstimate: settings.showEstimate !== false,
  };
  return {
    data: {
      hallName: hall.name.zh,
      number: ticket.number,
      serviceName: service ? { zh: service.name.zh, en: service.name.en } : { zh: ticket.serviceId },
      peopleAhead: ticket.peopleAhead,
      estimatedWaitSeconds: ticket.estimatedWaitSeconds,
      ...(ticket.estimatedWaitRange ? { estimatedWaitRange: ticket.estimatedWaitRange } : {}),
      issuedAtLocal: slipLocalTime(ticket.issuedAt, hall.timezone),
      statusUrl: ticket.statusUrl,
      ...(notice ? { notice } : {}),
      lang,
      ...(hallUrl ? { hallUrl } : {}),
    },
    template,
  };
}
