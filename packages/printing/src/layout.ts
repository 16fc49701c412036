import { qrMatrix } from './qr';
import type { QrMatrix } from './qr';
import { displayWidth, sanitizeText, wrapText } from './text-width';
import type { PaperWidthMm, RenderOptions, TicketPrintData } from './types';
import { waitShown, type WaitRange } from '@hallq/shared';

export type Align = 'left' | 'center';

/** One printed line of text, already wrapped to the paper at its size. */
export interface TextBlock {
  kind: 'text';
  text: string;
  align: Align;
  /** Character width and height multipliers (GS !), 1..8. */
  scaleX: number;
  scaleY: number;
  bold: boolean;
}

export type LayoutBlock =
  | TextBlock
  | { kind: 'rule' }
  | { kind: 'qr'; url: string; qr: QrMatrix; moduleDots: number; quietModules: number }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

/** The one description of a ticket that both the ESC/POS and the SVG renderers draw. */
export interface TicketLayout {
  paperWidthMm: PaperWidthMm;
  /** Columns of the standard 12x24 font (a CJK glyph takes two). */
  columns: number;
  widthDots: number;
  blocks: LayoutBlock[];
}

export const PAPER: Record<PaperWidthMm, { columns: number; widthDots: number }> = {
  58: { columns: 32, widthDots: 384 },
  80: { columns: 48, widthDots: 576 },
};

export const DEFAULT_NOTICE = '请留意叫号，过号请重新取号';
const NUMBER_MAX_SCALE = 4;

export class TicketDataError extends Error {
  override name = 'TicketDataError';
}

function absoluteStatusUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TicketDataError(`statusUrl must be an absolute URL, got "${url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TicketDataError(`statusUrl must be http(s), got "${url}"`);
  }
  return parsed.href;
}


function waitingLine(peopleAhead: number): [string, string] {
  const n = Math.max(0, Math.floor(peopleAhead));
  if (n === 0) return ['前面无人等候', 'No one waiting ahead'];
  return [`前面还有 ${n} 人`, `${n} waiting ahead`];
}

/**
 * The wait as the kiosk screen and the phone show it (`waitShown`): the range when there is one,
 * else the single figure. An ASCII hyphen, not an en dash: the en dash is outside GB2312 (older
 * printer fonts lack it) and prints two columns wide in Chinese mode.
 */
export function estimateLine(seconds: number, range?: WaitRange | null): [string, string] | null {
  const shown = waitShown(seconds, range);
  switch (shown.kind) {
    case 'range':
      return [`预计等候 ${shown.lowMinutes}-${shown.highMinutes} 分钟`, `about ${shown.lowMinutes}-${shown.highMinutes} min`];
    case 'within':
      return [`预计等候 ${shown.highMinutes} 分钟内`, `within ${shown.highMinutes} min`];
    case 'under-minute':
      return ['预计等候不到 1 分钟', 'under a minute'];
    case 'about':
      return [`预计等候约 ${shown.minutes} 分钟`, `about ${shown.minutes} min`];
    case 'unknown':
      return null;
  }
}

export function buildLayout(data: TicketPrintData, opts: RenderOptions): TicketLayout {
  const paper = PAPER[opts.paperWidthMm];
  if (!paper) throw new TicketDataError(`paperWidthMm must be 58 or 80, got ${String(opts.paperWidthMm)}`);
  const template = opts.template ?? {};
  const english = template.showEnglish !== false;
  const englishFirst = data.lang === 'en';
  const blocks: LayoutBlock[] = [];

  const text = (value: string, style: Partial<Omit<TextBlock, 'kind' | 'text'>> = {}): void => {
    const scaleX = style.scaleX ?? 1;
    for (const line of wrapText(value, Math.floor(paper.columns / scaleX))) {
      blocks.push({ kind: 'text', text: line, align: style.align ?? 'center', scaleX, scaleY: style.scaleY ?? 1, bold: style.bold ?? false });
    }
  };

  // "中文 / English" on one line when it fits; otherwise each language on its own line(s).
  const bilingual = (zh: string, en: string, style: Partial<Omit<TextBlock, 'kind' | 'text'>> = {}): void => {
    if (!english) return text(zh, style);
    const [first, second] = englishFirst ? [en, zh] : [zh, en];
    const joined = `${first} / ${second}`;
    if (displayWidth(joined) <= paper.columns) return text(joined, style);
    text(first, style);
    text(second, style);
  };

  if (template.header) text(template.header);
  text(data.hallName, { bold: true, scaleY: 2 });
  blocks.push({ kind: 'rule' });

  const number = sanitizeText(data.number);
  if (!number) throw new TicketDataError('ticket number is empty');
  let scale = NUMBER_MAX_SCALE;
  while (scale > 2 && displayWidth(number) * scale > paper.columns) scale--;
  text(number, { bold: true, scaleX: scale, scaleY: scale });

  text(data.serviceName.zh, { bold: true, scaleY: 2 });
  if (english && data.serviceName.en) text(data.serviceName.en);
  blocks.push({ kind: 'rule' });

  if (data.peopleAhead !== null) {
    const [zh, en] = waitingLine(data.peopleAhead);
    bilingual(zh, en, { align: 'left' });
  }
  if (template.showEstimate !== false && data.estimatedWaitSeconds !== null) {
    const line = estimateLine(data.estimatedWaitSeconds, data.estimatedWaitRange);
    if (line) bilingual(line[0], line[1], { align: 'left' });
  }
  const issuedAt = sanitizeText(data.issuedAtLocal);
  const issuedLabel = english ? (englishFirst ? 'Issued / 取号时间' : '取号时间 / Issued') : '取号时间';
  if (displayWidth(`${issuedLabel}: ${issuedAt}`) <= paper.columns) text(`${issuedLabel}: ${issuedAt}`, { align: 'left' });
  else {
    text(`${issuedLabel}:`, { align: 'left' });
    text(issuedAt, { align: 'left' });
  }

  const url = absoluteStatusUrl(data.statusUrl);
  const qr = qrMatrix(url);
  const quietModules = 2;
  // About 60% of the paper width: big enough for a phone at arm's length, leaving margins.
  const moduleDots = Math.max(2, Math.min(8, Math.floor((paper.widthDots * 0.6) / qr.size)));
  blocks.push({ kind: 'qr', url, qr, moduleDots, quietModules });
  bilingual('扫码查看排队进度', 'Scan to follow your place in line');

  blocks.push({ kind: 'rule' });
  text(data.notice ?? template.notice ?? DEFAULT_NOTICE);
  if (data.hallUrl) {
    // The hall's own page: next time, check the wait or book from home (少跑路).
    bilingual('下次可先在网上查看等候、预约', 'Next time: check waits or book online');
    text(sanitizeText(absoluteStatusUrl(data.hallUrl)));
  }
  blocks.push({ kind: 'feed', lines: 4 }, { kind: 'cut' });
  return { paperWidthMm: opts.paperWidthMm, columns: paper.columns, widthDots: paper.widthDots, blocks };
}
