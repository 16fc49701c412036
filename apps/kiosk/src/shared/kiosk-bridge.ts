// The one bridge between the kiosk page and the Electron main process. Types only: the
// sandboxed preload may require nothing but 'electron', so nothing here may exist at run time
// (type imports are erased).
import type { PrinterFault, PrinterState, PrintResult, TicketPrintData, TicketTemplate } from '@hallq/printing';

export type KioskPrinterState = PrinterState;
export type KioskPrinterFault = PrinterFault;

/** What a printed ticket shows: the printing package's own shape, with no personal data, and the
 * hall's ticket template (header, English lines, estimate), as the shared `ticketSlip` makes them. */
export type KioskTicketPrintData = TicketPrintData & { template?: TicketTemplate };

export type KioskPrintResult = PrintResult;

export interface KioskPrinterStatus {
  state: KioskPrinterState;
  reason: string;
  /** Ready, but the paper is near its end. */
  warning?: 'paper_near_end';
}

/** The config as the page sees it: never the device token. */
export interface KioskPublicConfig {
  serverUrl: string;
  language: 'zh' | 'en';
  idleSeconds: number;
  hasPrinter: boolean;
  paperWidthMm: 58 | 80;
  /** An ID card reader is configured (its name pre-fills a booking check-in on screen). */
  hasIdCardReader?: boolean;
}

export interface KioskBridge {
  print(data: KioskTicketPrintData): Promise<KioskPrintResult>;
  printerStatus(): Promise<KioskPrinterStatus>;
  getConfig(): Promise<KioskPublicConfig>;
  /** The name on the ID card on the reader now (nothing else from the card), or null. */
  readIdCard(): Promise<{ name: string } | null>;
}

/** IPC channel names; main and preload each spell them as literals checked against this type. */
export type KioskChannel = 'hallq-kiosk:print' | 'hallq-kiosk:printer-status' | 'hallq-kiosk:get-config' | 'hallq-kiosk:read-id-card';
