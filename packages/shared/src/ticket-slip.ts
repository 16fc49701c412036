// What a printed ticket shows, decided once for every printer: the server's print endpoint, the
// admin's preview and the Electron kiosk's own printer all call `ticketSlip`, and the printing
// package lays the result out (ESC/POS or SVG), so the kiosk prints exactly what the preview shows.
import type { Lang, LocalizedText, TicketTemplateSettings } from './domain';

/** Hall settings for the printed ticket (besides its notice). */

/** The printing package's `TicketPrintData`, structurally (shared does not depend on printing). */
export interface TicketSlipData {
  hallName: string;
  number: string;
  serviceName: { zh: string; en?: string };
  peopleAhead: number | null;
  estimatedWaitSeconds: number | null;
  issuedAtLocal: string;
  statusUrl: string;
  notice?: string;
  lang?: 'zh' | 'en';
  /** The hall's public page (`PUBLIC_URL` + `/h/<hallId>`), printed in the footer. */
  hallUrl?: string;
}

/** The printing package's `TicketTemplate`, structurally. */
export interface TicketSlipTemplate {
  header?: string;
  showEnglish?: boolean;
  showEstimate?: boolean;
}

export interface TicketSlip {
  data: TicketSlipData;
  template: TicketSlipTemplate;
}

export interface TicketSlipInput {
  hall: { id: string; name: LocalizedText; timezone: string; ticketNotice?: LocalizedText; ticketTemplate?: TicketTemplateSettings };
  service: { id: string; name: LocalizedText } | undefined;
  ticket: { number: string; serviceId: string; issuedAt: string; peopleAhead: number | null; estimatedWaitSeconds: number | null; statusUrl: string };
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
      issuedAtLocal: slipLocalTime(ticket.issuedAt, hall.timezone),
      statusUrl: ticket.statusUrl,
      ...(notice ? { notice } : {}),
      lang,
      ...(hallUrl ? { hallUrl } : {}),
    },
    template,
  };
}
