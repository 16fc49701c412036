/** What a ticket shows. Deliberately has no name, phone or ID-number field: a slip left on the
 * floor of the hall must not identify anyone. */
export interface TicketPrintData {
  hallName: string;
  /** Ticket number as issued, e.g. `A007`. */
  number: string;
  serviceName: { zh: string; en?: string };
  peopleAhead: number | null;
  estimatedWaitSeconds: number | null;
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

/** Per-hall ticket template (hall configuration). */
export interface TicketTemplate {
  /** Extra line printed above the hall name, e.g. a welcome. */
  header?: string;
  notice?: string;
  /** Print English lines as well as Chinese (default true). */
  showEnglish?: boolean;
  /** Print the estimated wait (default true). */
  showEstimate?: boolean;
}

export type PaperWidthMm = 58 | 80;

export interface RenderOptions {
  paperWidthMm: PaperWidthMm;
  template?: TicketTemplate;
}

export type PrinterState = 'ready' | 'offline' | 'paper_out' | 'cover_open' | 'error';
export type PrinterFault = Exclude<PrinterState, 'ready'>;

export const PRINTER_STATES: readonly PrinterState[] = ['ready', 'offline', 'paper_out', 'cover_open', 'error'];
