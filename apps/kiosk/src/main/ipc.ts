// The main side of the one bridge the page has (see src/preload). Input from the page is checked
// here, once, and only the kiosk page served by the configured hall server may call.
import { z } from 'zod';
import type { IpcMainInvokeEvent } from 'electron';
import type { KioskChannel, KioskPublicConfig } from '../shared/kiosk-bridge';
import type { PrinterService } from './printer-service';

export const TicketPrintDataSchema = z.strictObject({
  hallName: z.string().max(200),
  number: z.string().min(1).max(16),
  serviceName: z.strictObject({ zh: z.string().max(200), en: z.string().max(200).optional() }),
  peopleAhead: z.number().int().min(0).nullable(),
  estimatedWaitSeconds: z.number().min(0).nullable(),
  estimatedWaitRange: z.strictObject({ lowSeconds: z.number().min(0), highSeconds: z.number().min(0) }).nullable().optional(),
  issuedAtLocal: z.string().max(40),
  statusUrl: z.string().url().max(2000),
  notice: z.string().max(500).optional(),
  lang: z.enum(['zh', 'en']).optional(),
  hallUrl: z.string().url().max(2000).optional(),
  template: z
    .strictObject({ header: z.string().max(200).optional(), showEnglish: z.boolean().optional(), showEstimate: z.boolean().optional() })
    .optional(),
});

export interface IpcMainLike {
  handle(channel: KioskChannel, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

/** The page may call only when it comes from the hall server the config names. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, serverUrl: string): boolean {
  const url = event.senderFrame?.url;
  if (!url) return false;
  try {
    return new URL(url).origin === new URL(serverUrl).origin;
  } catch {
    return false;
  }
}

export function registerKioskIpc(
  ipcMain: IpcMainLike,
  printer: PrinterService,
  config: KioskPublicConfig,
  readIdCard: () => Promise<{ name: string } | null> = async () => null,
): void {
  const guard = (event: IpcMainInvokeEvent): void => {
    if (!isTrustedSender(event, config.serverUrl)) throw new Error('kiosk bridge: caller is not the hall server page');
  };
  ipcMain.handle('hallq-kiosk:print', async (event, data) => {
    guard(event);
    const parsed = TicketPrintDataSchema.safeParse(data);
    if (!parsed.success) return { printed: false, state: 'error', reason: `bad ticket data: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
    return printer.print(parsed.data);
  });
  ipcMain.handle('hallq-kiosk:printer-status', async (event) => {
    guard(event);
    return printer.status();
  });
  ipcMain.handle('hallq-kiosk:get-config', (event) => {
    guard(event);
    return config;
  });
  // Only the holder's name crosses to the page; a reader that fails reads as "no card".
  ipcMain.handle('hallq-kiosk:read-id-card', async (event) => {
    guard(event);
    try {
      const card = await readIdCard();
      return card ? { name: card.name } : null;
    } catch {
      return null;
    }
  });
}
