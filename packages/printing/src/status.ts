import type { PrinterState } from './types';

/** Replies to DLE EOT n (one byte each); a missing key means that request was not made or not answered. */
export interface StatusReplies {
  /** n = 1, printer status. */
  printer?: number;
  /** n = 2, offline cause. */
  offline?: number;
  /** n = 3, error cause. */
  error?: number;
  /** n = 4, roll paper sensor. */
  paper?: number;
}

export interface StatusReport {
  state: PrinterState;
  reason: string;
  /** Set when the printer is ready but its paper roll is nearly used up: it still prints. */
  warning?: PrinterWarning;
}

/** A condition that does not stop printing but needs someone soon. */
export type PrinterWarning = 'paper_near_end';

const bit = (value: number, n: number): boolean => (value & (1 << n)) !== 0;
const hex = (value: number): string => `0x${value.toString(16).padStart(2, '0')}`;

const NAMES: Record<keyof StatusReplies, string> = {
  printer: 'DLE EOT 1 (printer status)',
  offline: 'DLE EOT 2 (offline cause)',
  error: 'DLE EOT 3 (error cause)',
  paper: 'DLE EOT 4 (paper sensor)',
};

/** Every DLE EOT reply byte has bit 1 and bit 4 set and bits 0 and 7 clear; anything else is
 * line noise, a different protocol, or bytes left over from another command. */
export function isStatusReply(value: number): boolean {
  return (value & 0x93) === 0x12;
}

function malformed(replies: StatusReplies): string | null {
  for (const key of Object.keys(NAMES) as Array<keyof StatusReplies>) {
    const value: unknown = replies[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0xff) {
      return `malformed ${NAMES[key]} reply: ${String(value)} is not a byte`;
    }
    if (!isStatusReply(value)) {
      return `malformed ${NAMES[key]} reply ${hex(value)}: fixed bits (1 and 4 set, 0 and 7 clear) do not match`;
    }
  }
  return null;
}

/** Interprets DLE EOT replies (Epson ESC/POS). Never throws: a bad reply is an `error` state. */
export function describeStatus(replies: StatusReplies): StatusReport {
  if (typeof replies !== 'object' || replies === null) return { state: 'error', reason: 'no status replies given' };
  const bad = malformed(replies);
  if (bad) return { state: 'error', reason: bad };
  const { printer, offline, error, paper } = replies;
  if (printer === undefined && offline === undefined && error === undefined && paper === undefined) {
    return { state: 'offline', reason: 'printer did not answer the status request' };
  }
  // Cover first: with the cover open the paper sensor often reads "no paper" as well.
  if (offline !== undefined && bit(offline, 2)) return { state: 'cover_open', reason: 'cover is open' };
  if (paper !== undefined && (bit(paper, 5) || bit(paper, 6))) return { state: 'paper_out', reason: 'paper roll end detected' };
  if (offline !== undefined && bit(offline, 5)) return { state: 'paper_out', reason: 'printing stopped: paper end' };
  if (offline !== undefined && bit(offline, 6)) return { state: 'error', reason: 'printer reports an error' };
  if (error !== undefined) {
    if (bit(error, 3)) return { state: 'error', reason: 'autocutter error' };
    if (bit(error, 5)) return { state: 'error', reason: 'unrecoverable error' };
    if (bit(error, 6)) return { state: 'error', reason: 'auto-recoverable error (e.g. head temperature)' };
    if (bit(error, 2)) return { state: 'error', reason: 'recoverable error' };
  }
  if (offline !== undefined && bit(offline, 3)) return { state: 'offline', reason: 'paper is being fed with the feed button' };
  if (printer !== undefined && bit(printer, 3)) return { state: 'offline', reason: 'printer is offline' };
  const nearEnd = paper !== undefined && (bit(paper, 2) || bit(paper, 3));
  return nearEnd ? { state: 'ready', reason: 'ready (paper near end)', warning: 'paper_near_end' } : { state: 'ready', reason: 'ready' };
}

export function parseStatus(replies: StatusReplies): PrinterState {
  return describeStatus(replies).state;
}

/** The DLE EOT request for each reply, in the order `printTicket` asks them. */
export const STATUS_REQUESTS: ReadonlyArray<{ key: keyof StatusReplies; n: 1 | 2 | 3 | 4 }> = [
  { key: 'printer', n: 1 },
  { key: 'offline', n: 2 },
  { key: 'paper', n: 4 },
];
