// The few ESC/POS commands a ticket needs, as bytes (Epson ESC/POS reference).
import iconv from 'iconv-lite';
import { rasterBytesPerRow } from './qr';
import type { Raster } from './qr';

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

export const cmd = {
  /** ESC @: reset modes, clear the print buffer. */
  initialize: (): number[] => [ESC, 0x40],
  /** FS &: Chinese character mode; text below is GB18030 (GBK on older firmware). */
  chineseMode: (): number[] => [FS, 0x26],
  /** ESC a n: 0 left, 1 centre. */
  align: (align: 'left' | 'center'): number[] => [ESC, 0x61, align === 'center' ? 1 : 0],
  /** ESC E n: emphasised. */
  bold: (on: boolean): number[] => [ESC, 0x45, on ? 1 : 0],
  /** GS ! n: character size, width and height multipliers 1..8. */
  size: (scaleX: number, scaleY: number): number[] => [GS, 0x21, (((scaleX - 1) & 7) << 4) | ((scaleY - 1) & 7)],
  /** ESC d n: print and feed n lines. */
  feed: (lines: number): number[] => [ESC, 0x64, lines & 0xff],
  /** GS V 1: partial cut (leaves a hinge so the slip does not fall). */
  cut: (): number[] => [GS, 0x56, 0x01],
  /** DLE EOT n: real-time status request, n = 1..4. */
  statusRequest: (n: 1 | 2 | 3 | 4): number[] => [DLE, EOT, n],
};

/** GB18030 text followed by a line feed. */
export function textLine(text: string): Buffer {
  return Buffer.concat([iconv.encode(text, 'gb18030'), Buffer.from([LF])]);
}

/** GS v 0: raster bit image, normal density. */
export function rasterImage(raster: Raster): Buffer {
  const bytesPerRow = rasterBytesPerRow(raster.width);
  const header = [GS, 0x76, 0x30, 0x00, bytesPerRow & 0xff, bytesPerRow >> 8, raster.height & 0xff, raster.height >> 8];
  return Buffer.concat([Buffer.from(header), Buffer.from(raster.bits)]);
}
