// Reads ESC/POS jobs back, for tests, the e2e suite and the fake printer. It understands the
// commands this package emits and the common ones around them; anything else is reported.
import iconv from 'iconv-lite';
import type jsQRType from 'jsqr';
import { DLE, EOT, ESC, FS, GS, LF } from './escpos';
import { rasterGet } from './qr';
import type { Raster } from './qr';

export type EscPosToken =
  | { kind: 'text'; bytes: Buffer }
  | { kind: 'newline' }
  | { kind: 'command'; name: string }
  | { kind: 'raster'; image: Raster }
  | { kind: 'cut' }
  | { kind: 'status-request'; n: number }
  | { kind: 'unknown'; byte: number; next: number | undefined };

/** Total length of fixed-length commands, keyed by prefix byte then command byte. */
const FIXED: Record<number, Record<number, number>> = {
  [ESC]: { 0x40: 2, 0x61: 3, 0x45: 3, 0x64: 3, 0x21: 3, 0x2d: 3, 0x74: 3, 0x32: 2, 0x33: 3, 0x4a: 3, 0x4d: 3, 0x47: 3, 0x52: 3, 0x70: 5, 0x7b: 3, 0x56: 3 },
  [GS]: { 0x21: 3, 0x42: 3, 0x48: 3, 0x68: 3, 0x77: 3, 0x4c: 4, 0x57: 4 },
  [FS]: { 0x26: 2, 0x2e: 2, 0x21: 3, 0x43: 3, 0x53: 4 },
};
const PREFIX_NAMES: Record<number, string> = { [ESC]: 'ESC', [GS]: 'GS', [FS]: 'FS' };

/** The token starting at `offset`, or null when the buffer ends inside it. */
export function nextToken(bytes: Uint8Array, offset: number): { token: EscPosToken; end: number } | null {
  const at = (i: number): number | undefined => bytes[offset + i];
  const first = at(0);
  if (first === undefined) return null;
  if (first >= 0x20) {
    let end = offset;
    while (end < bytes.length && (bytes[end] ?? 0) >= 0x20) end++;
    return { token: { kind: 'text', bytes: Buffer.from(bytes.subarray(offset, end)) }, end };
  }
  if (first === LF) return { token: { kind: 'newline' }, end: offset + 1 };
  if (first === 0x0d) return { token: { kind: 'command', name: 'CR' }, end: offset + 1 };
  const second = at(1);
  if (first === DLE || first === ESC || first === GS || first === FS) {
    if (second === undefined) return null;
  }
  if (first === DLE && second === EOT) {
    const n = at(2);
    return n === undefined ? null : { token: { kind: 'status-request', n }, end: offset + 3 };
  }
  if (first === GS && second === 0x56) {
    const m = at(2);
    if (m === undefined) return null;
    const length = m === 0 || m === 1 || m === 0x30 || m === 0x31 ? 3 : 4;
    return offset + length > bytes.length ? null : { token: { kind: 'cut' }, end: offset + length };
  }
  if (first === GS && second === 0x76 && at(2) === 0x30) {
    if (offset + 8 > bytes.length) return null;
    const bytesPerRow = (at(4) ?? 0) + (at(5) ?? 0) * 256;
    const height = (at(6) ?? 0) + (at(7) ?? 0) * 256;
    const end = offset + 8 + bytesPerRow * height;
    if (end > bytes.length) return null;
    const bits = Uint8Array.from(bytes.subarray(offset + 8, end));
    return { token: { kind: 'raster', image: { width: bytesPerRow * 8, height, bits } }, end };
  }
  if (first === GS && second === 0x28) {
    // GS ( x pL pH data: length-prefixed (e.g. the native QR command this package avoids).
    if (offset + 5 > bytes.length) return null;
    const end = offset + 5 + (at(3) ?? 0) + (at(4) ?? 0) * 256;
    return end > bytes.length ? null : { token: { kind: 'command', name: `GS ( ${String.fromCharCode(at(2) ?? 0)}` }, end };
  }
  const length = second === undefined ? undefined : FIXED[first]?.[second];
  if (length !== undefined && second !== undefined) {
    if (offset + length > bytes.length) return null;
    return { token: { kind: 'command', name: `${PREFIX_NAMES[first] ?? ''} ${String.fromCharCode(second)}` }, end: offset + length };
  }
  return { token: { kind: 'unknown', byte: first, next: second }, end: offset + 1 };
}

export interface DecodedJob {
  /** Printable text decoded from GB18030, commands stripped, one `\n` per line feed. */
  text: string;
  rasterImages: Raster[];
  /** The job ends with a cut: nothing is printed after the last cut command. */
  cut: boolean;
  /** Names of the formatting commands in order, e.g. `ESC @`, `FS &`, `GS !`. */
  commands: string[];
}

export function decodeJob(bytes: Uint8Array): DecodedJob {
  const textParts: Buffer[] = [];
  const rasterImages: Raster[] = [];
  const commands: string[] = [];
  let cut = false;
  for (let offset = 0; offset < bytes.length; ) {
    const next = nextToken(bytes, offset);
    if (!next) throw new Error(`decodeJob: job ends inside a command at byte ${offset}`);
    const { token } = next;
    switch (token.kind) {
      case 'text':
        textParts.push(token.bytes);
        cut = false;
        break;
      case 'newline':
        textParts.push(Buffer.from([LF]));
        break;
      case 'raster':
        rasterImages.push(token.image);
        cut = false;
        break;
      case 'cut':
        cut = true;
        commands.push('GS V');
        break;
      case 'command':
        commands.push(token.name);
        break;
      case 'status-request':
        commands.push(`DLE EOT ${token.n}`);
        break;
      case 'unknown':
        throw new Error(`decodeJob: unknown command 0x${token.byte.toString(16)} 0x${(token.next ?? 0).toString(16)} at byte ${offset}`);
    }
    offset = next.end;
  }
  return { text: iconv.decode(Buffer.concat(textParts), 'gb18030'), rasterImages, cut, commands };
}

/** RGBA pixels of a raster (black on white) with a white margin, as QR readers expect. */
export function rasterToRgba(raster: Raster, margin = 16): { data: Uint8ClampedArray; width: number; height: number } {
  const width = raster.width + 2 * margin;
  const height = raster.height + 2 * margin;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < raster.height; y++) {
    for (let x = 0; x < raster.width; x++) {
      if (!rasterGet(raster, x, y)) continue;
      const index = ((y + margin) * width + x + margin) * 4;
      data[index] = data[index + 1] = data[index + 2] = 0;
    }
  }
  return { data, width, height };
}

/** Reads the QR code in a raster image; null when there is none. Needs the `jsqr` package
 * (a dev dependency: only tests and demos decode QR codes). */
export function decodeQr(raster: Raster): string | null {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('jsqr') as { default?: typeof jsQRType } & typeof jsQRType;
  const jsQR = mod.default ?? mod;
  const { data, width, height } = rasterToRgba(raster);
  return jsQR(data, width, height)?.data ?? null;
}
