import { cmd } from './escpos';
import { STATUS_REQUESTS, describeStatus, isStatusReply } from './status';
import type { PrinterWarning, StatusReplies } from './status';
import type { PrinterTransport } from './transports/transport';
import type { PrinterFault } from './types';

/**
 * What the printer said once it had taken a whole job: `ready` (the ticket counts as printed), a
 * fault (paper ran out, the cover was opened, an error: the ticket may be missing or partly
 * printed), or `unconfirmed`: no usable answer in time.
 */
export type StatusAfterJob =
  | { state: 'ready'; warning?: PrinterWarning }
  | { state: PrinterFault; reason: string }
  | { state: 'unconfirmed'; reason: string };

/**
 * Asks DLE EOT 1, 2 and 4 again after a job, each within `timeoutMs` and all before `until`
 * (Date.now() time: the job's deadline). Never throws. Unlike the read before a job, no answer
 * is not a fault here: every byte was taken, and a printer busy printing can be slow to answer,
 * so a missing, late or malformed reply makes the result `unconfirmed`, never `offline`. A fault
 * in the replies that did come is reported even when a later one is missing.
 */
export async function readStatusAfterJob(transport: PrinterTransport, timeoutMs: number, until: number): Promise<StatusAfterJob> {
  if (!transport.query) return { state: 'ready' };
  const replies: StatusReplies = {};
  let missing: string | null = null;
  for (const { key, n } of STATUS_REQUESTS) {
    const left = until - Date.now();
    if (left <= 0) {
      missing = 'no time was left to read it';
      break;
    }
    try {
      const reply = (await transport.query(Uint8Array.from(cmd.statusRequest(n)), 1, Math.min(timeoutMs, left)))[0];
      if (reply === undefined || !isStatusReply(reply)) {
        missing = 'its answer was not a status reply';
        break;
      }
      replies[key] = reply;
    } catch (error) {
      missing = error instanceof Error ? error.message : String(error);
      break;
    }
  }
  const status = describeStatus(replies);
  if (status.state !== 'ready' && Object.keys(replies).length > 0) return { state: status.state, reason: status.reason };
  if (missing !== null) return { state: 'unconfirmed', reason: `the printer did not confirm the ticket: ${missing}` };
  return status.warning ? { state: 'ready', warning: status.warning } : { state: 'ready' };
}
