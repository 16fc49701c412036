import { buildLayout } from './layout';
import type { TicketLayout } from './layout';
import { isDark } from './qr';
import type { RenderOptions, TicketPrintData } from './types';

// Dot metrics of the printer's standard font, so the preview wraps and scales like the slip.
const FONT_DOTS = 24;
const LINE_GAP = 6;
const MARGIN = 8;

/** Characters XML 1.0 cannot hold (controls but tab and line breaks, U+FFFE, U+FFFF, lone surrogates): left out. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An SVG picture of a laid-out ticket, one unit per printer dot. */
export function layoutToSvg(layout: TicketLayout): string {
  const width = layout.widthDots;
  const body: string[] = [];
  let y = MARGIN;
  for (const block of layout.blocks) {
    switch (block.kind) {
      case 'text': {
        const x = block.align === 'center' ? width / 2 : 0;
        const anchor = block.align === 'center' ? 'middle' : 'start';
        const baseline = y + FONT_DOTS * block.scaleY * 0.85;
        body.push(
          `<text transform="translate(${x} ${baseline.toFixed(1)}) scale(${block.scaleX} ${block.scaleY})" text-anchor="${anchor}"` +
            `${block.bold ? ' font-weight="bold"' : ''}>${escapeXml(block.text)}</text>`,
        );
        y += FONT_DOTS * block.scaleY + LINE_GAP;
        break;
      }
      case 'rule':
        y += FONT_DOTS / 2;
        body.push(`<line x1="0" y1="${y}" x2="${width}" y2="${y}" stroke="#000" stroke-dasharray="6 4"/>`);
        y += FONT_DOTS / 2 + LINE_GAP;
        break;
      case 'qr': {
        const { qr, moduleDots } = block;
        const left = Math.floor((width - qr.size * moduleDots) / 2);
        const top = y + block.quietModules * moduleDots;
        const rects: string[] = [];
        for (let row = 0; row < qr.size; row++) {
          // One rect per horizontal run of dark modules keeps the preview small.
          for (let col = 0; col < qr.size; col++) {
            if (!isDark(qr, col, row)) continue;
            let end = col;
            while (end + 1 < qr.size && isDark(qr, end + 1, row)) end++;
            rects.push(`<rect x="${left + col * moduleDots}" y="${top + row * moduleDots}" width="${(end - col + 1) * moduleDots}" height="${moduleDots}"/>`);
            col = end;
          }
        }
        body.push(`<g class="qr" data-url="${escapeXml(block.url)}" fill="#000">${rects.join('')}</g>`);
        y += (qr.size + 2 * block.quietModules) * moduleDots + LINE_GAP;
        break;
      }
      case 'feed':
        y += block.lines * (FONT_DOTS + LINE_GAP);
        break;
      case 'cut':
        body.push(`<line class="cut" x1="0" y1="${y}" x2="${width}" y2="${y}" stroke="#999" stroke-dasharray="2 6"/>`);
        y += MARGIN;
        break;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" ` +
    `font-family="'Noto Sans Mono CJK SC','Noto Sans CJK SC','Microsoft YaHei',monospace" font-size="${FONT_DOTS}">` +
    `<rect width="${width}" height="${y}" fill="#fff"/>${body.join('')}</svg>`
  );
}

/** Preview of exactly what `renderTicket` prints, for the admin's template editor. */
export function renderTicketSvg(ticket: TicketPrintData, opts: RenderOptions): string {
  return layoutToSvg(buildLayout(ticket, opts));
}
