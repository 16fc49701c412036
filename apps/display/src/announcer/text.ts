// What the hall says when a ticket is called, as text: pure functions, no DOM, no clock.
// Chinese halls read a ticket number letter by letter and digit by digit (A007 -> A零零七号)
// and a window number as a numeral (12 -> 十二号窗口).

import { DEFAULT_ANNOUNCEMENT_TEMPLATE, DEFAULT_ANNOUNCEMENT_TEMPLATE_EN } from '@hallq/shared';

/** The hall's default templates (defined once in @hallq/shared), for a hall that has none. */
export const DEFAULT_TEMPLATE_ZH = DEFAULT_ANNOUNCEMENT_TEMPLATE;
export const DEFAULT_TEMPLATE_EN = DEFAULT_ANNOUNCEMENT_TEMPLATE_EN;

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

const zhDigit = (d: number): string => ZH_DIGITS[d] ?? '';

/** A007 -> "A零零七号": letters stay letters, each digit is read on its own. */
export function readNumberZh(ticketNumber: string): string {
  const spoken = Array.from(ticketNumber.trim().toUpperCase(), (ch) => (/[0-9]/.test(ch) ? zhDigit(Number(ch)) : ch)).join('');
  return `${spoken}号`;
}

/** Window numbers as Chinese numerals: 5 -> 五, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五. */
export function readWindowZh(windowNumber: number): string {
  const n = Math.trunc(windowNumber);
  if (n < 0 || n > 9999 || !Number.isFinite(n)) return String(windowNumber);
  if (n < 10) return zhDigit(n);
  if (n < 20) return `十${n % 10 ? zhDigit(n % 10) : ''}`;
  if (n < 100) return `${zhDigit(Math.floor(n / 10))}十${n % 10 ? zhDigit(n % 10) : ''}`;
  if (n < 1000) {
    const rest = n % 100;
    const head = `${zhDigit(Math.floor(n / 100))}百`;
    if (rest === 0) return head;
    if (rest < 10) return `${head}零${zhDigit(rest)}`;
    // 110 is 一百一十, not 一百十
    return `${head}${rest < 20 ? `一${readWindowZh(rest)}` : readWindowZh(rest)}`;
  }
  // Past 999 a hall would not have that many windows; read digit by digit.
  return Array.from(String(n), (c) => zhDigit(Number(c))).join('');
}

/** A007 -> "A 0 0 7": an English voice then says each character. */
export function readNumberEn(ticketNumber: string): string {
  return Array.from(ticketNumber.trim().toUpperCase()).join(' ');
}

/**
 * The Chinese announcement from the hall's template. `{number}号` and `{window}号` in the
 * template keep a single 号 (the number reading already ends with 号).
 */
export function announcementText(template: string, ticketNumber: string, windowNumber: number): string {
  const tpl = template.trim() || DEFAULT_TEMPLATE_ZH;
  const number = readNumberZh(ticketNumber);
  return tpl
    .replace(/\{number\}号?/g, number)
    .replace(/\{window\}/g, readWindowZh(windowNumber));
}

/** "Number A 0 0 7, please go to window 5". */
export function announcementTextEn(template: string, ticketNumber: string, windowNumber: number): string {
  const tpl = template.trim() || DEFAULT_TEMPLATE_EN;
  return tpl.replace(/\{number\}/g, readNumberEn(ticketNumber)).replace(/\{window\}/g, String(windowNumber));
}

/** What the screen shows in large type (not what is spoken): 请 A007 号到 5 号窗口办理. */
export function displayText(template: string, ticketNumber: string, windowNumber: number): string {
  const tpl = template.trim() || DEFAULT_TEMPLATE_ZH;
  return tpl.replace(/\{number\}/g, ticketNumber).replace(/\{window\}/g, String(windowNumber));
}
