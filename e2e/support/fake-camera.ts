// A fake camera for Chromium: a Y4M video whose every frame shows one QR code, played by
// `--use-fake-device-for-media-stream --use-file-for-fake-video-capture=<file>`.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';

const W = 640;
const H = 480;

/** Writes a Y4M (4:2:0) file of a few identical frames showing `text` as a QR code; returns its path. */
export function qrVideo(text: string, name = 'qr'): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 4;
  const scale = Math.floor(Math.min(W, H) / (size + 2 * quiet));
  const left = Math.floor((W - scale * size) / 2);
  const top = Math.floor((H - scale * size) / 2);
  const y = Buffer.alloc(W * H, 235); // white
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (!qr.modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++) y.fill(16, (top + r * scale + dy) * W + left + c * scale, (top + r * scale + dy) * W + left + (c + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frames: Buffer[] = [Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`)];
  for (let i = 0; i < 5; i++) frames.push(Buffer.from('FRAME\n'), y, chroma);
  const file = path.join(tmpdir(), `hallq-${name}-${process.pid}-${Date.now()}.y4m`);
  writeFileSync(file, Buffer.concat(frames));
  return file;
}

export const fakeCameraArgs = (file: string): string[] => [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  `--use-file-for-fake-video-capture=${file}`,
];
