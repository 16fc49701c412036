import { cmd, rasterImage, textLine } from './escpos';
import { buildLayout } from './layout';
import type { TicketLayout } from './layout';
import { qrRaster } from './qr';
import type { RenderOptions, TicketPrintData } from './types';

/** ESC/POS bytes for a laid-out ticket. */
export function layoutToEscPos(layout: TicketLayout): Buffer {
  const parts: Buffer[] = [Buffer.from([...cmd.initialize(), ...cmd.chineseMode()])];
  const push = (bytes: number[]): void => void parts.push(Buffer.from(bytes));
  for (const block of layout.blocks) {
    switch (block.kind) {
      case 'text':
        push([...cmd.align(block.align), ...cmd.bold(block.bold), ...cmd.size(block.scaleX, block.scaleY)]);
        parts.push(textLine(block.text));
        break;
      case 'rule':
        push([...cmd.align('left'), ...cmd.bold(false), ...cmd.size(1, 1)]);
        parts.push(textLine('-'.repeat(layout.columns)));
        break;
      case 'qr':
        push(cmd.align('left'));
        parts.push(rasterImage(qrRaster(block.qr, block.moduleDots, layout.widthDots, block.quietModules)));
        break;
      case 'feed':
        push(cmd.feed(block.lines));
        break;
      case 'cut':
        push(cmd.cut());
        break;
    }
  }
  return Buffer.concat(parts);
}

/** The print job for one ticket: initialise, GB18030 text, the status URL as a raster QR, cut. */
export function renderTicket(ticket: TicketPrintData, opts: RenderOptions): Buffer {
  return layoutToEscPos(buildLayout(ticket, opts));
}
