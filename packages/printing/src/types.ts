import type { TicketSlipData, TicketSlipTemplate } from '@hallq/shared';

/** What a ticket shows: the shared slip, which `ticketSlip` fills in once for every printer. */
export type TicketPrintData = TicketSlipData;

/** Per-hall ticket template (hall configuration). */
export type TicketTemplate = TicketSlipTemplate;

export type PaperWidthMm = 58 | 80;

export interface RenderOptions {
  paperWidthMm: PaperWidthMm;
  template?: TicketTemplate;
}

export type PrinterState = 'ready' | 'offline' | 'paper_out' | 'cover_open' | 'error';
export type PrinterFault = Exclude<PrinterState, 'ready'>;

export const PRINTER_STATES: readonly PrinterState[] = ['ready', 'offline', 'paper_out', 'cover_open', 'error'];
