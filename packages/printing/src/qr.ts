import { matrix } from 'qr-image';

/** A QR code as modules (true = dark), without quiet zone. */
export interface QrMatrix {
  size: number;
  /** Row-major, `size * size` entries, 1 = dark. */
  modules: Uint8Array;
}

export function qrMatrix(text: string): QrMatrix {
  // M tolerates a scuffed or creased slip and keeps a status URL at version 3-5.
  const rows = matrix(text, 'M');
  const size = rows.length;
  const modules = new Uint8Array(size * size);
  rows.forEach((row, y) => row.forEach((value, x) => (modules[y * size + x] = value ? 1 : 0)));
  return { size, modules };
}

export function isDark(qr: QrMatrix, x: number, y: number): boolean {
  return qr.modules[y * qr.size + x] === 1;
}

/** 1-bit raster, rows of `widthDots`, bits MSB first, 1 = black (the GS v 0 layout). */
export interface Raster {
  width: number;
  height: number;
  bits: Uint8Array;
}

export function rasterBytesPerRow(width: number): number {
  return Math.ceil(width / 8);
}

export function rasterGet(raster: Raster, x: number, y: number): boolean {
  const byte = raster.bits[y * rasterBytesPerRow(raster.width) + (x >> 3)] ?? 0;
  return (byte & (0x80 >> (x & 7))) !== 0;
}

/** Draws the QR centred on a raster as wide as the paper, with a quiet zone above and below,
 * so the printer's justification setting cannot move it. */
export function qrRaster(qr: QrMatrix, moduleDots: number, widthDots: number, quietModules: number): Raster {
  const qrDots = qr.size * moduleDots;
  const left = Math.floor((widthDots - qrDots) / 2);
  const top = quietModules * moduleDots;
  const height = qrDots + 2 * top;
  const bytesPerRow = rasterBytesPerRow(widthDots);
  const bits = new Uint8Array(bytesPerRow * height);
  for (let y = 0; y < qrDots; y++) {
    for (let x = 0; x < qrDots; x++) {
      if (!isDark(qr, Math.floor(x / moduleDots), Math.floor(y / moduleDots))) continue;
      const px = left + x;
      const index = (top + y) * bytesPerRow + (px >> 3);
      bits[index] = (bits[index] ?? 0) | (0x80 >> (px & 7));
    }
  }
  return { width: widthDots, height, bits };
}
