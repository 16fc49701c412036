// The one bridge between the kiosk page and the Electron main process. Types only: the
// sandboxed preload may require nothing but 'electron', so nothing here may exist at run time.

export type KioskPrinterState = 'ready' | 'offline' | 'paper_out' | 'cover_open' | 'error';
export type KioskPrinterFault = Exclude<KioskPrinterState, 'ready'>;

/** What a printed ticket shows (the @hallq/printing TicketPrintData shape): no personal data. */
export interface KioskTicketPrintData {
  hallName: string;
  number: string;
  serviceName: { zh: string; en?: string };
  peopleAhead: number | null;
  estimatedWaitSeconds: number | null;
  issuedAtLocal: string;
  statusUrl: string;
  notice?: string;
  lang?: 'zh' | 'en';
}

export type KioskPrintResult = { printed: true } | { printed: false; state: KioskPrinterFault; reason: string };

export interface KioskPrinterStatus {
  state: KioskPrinterState;
  reason: string;
}

/** The config as the page sees it: never the device token. */
export interface KioskPublicConfig {
  serverUrl: string;
  language: 'zh' | 'en';
  idleSeconds: number;
  hasPrinter: boolean;
  paperWidthMm: 58 | 80;
}

export interface KioskBridge {
  print(data: KioskTicketPrintData): Promise<KioskPrintResult>;
  printerStatus(): Promise<KioskPrinterStatus>;
  getConfig(): Promise<KioskPublicConfig>;
}

/** IPC channel names; main and preload each spell them as literals checked against this type. */
export type KioskChannel = 'hallq-kiosk:print' | 'hallq-kiosk:printer-status' | 'hallq-kiosk:get-config';
