// What is said for one call (pure): the hall's template in full, or the short catch-up form
// "A零零七，五号窗口" read a little faster. A template the clips cannot say (saved before the
// server refused such templates) is read with the default template instead of leaving gaps.
import type { AnnounceMode } from './backlog-estimate';
import { planClipsEn, planClipsZh } from './clip-plan';
import { announcementText, announcementTextEn, DEFAULT_TEMPLATE_EN, DEFAULT_TEMPLATE_ZH, readNumberZh, readWindowZh } from './text';
import type { Utterance } from './voice';

export interface AnnouncerSettings {
  template: string;
  templateEn: string;
  repeat: number;
  english: boolean;
  /** Hall's catch-up lag (seconds). */
  maxLagSeconds: number;
}

/** Speed of the short catch-up form, and of the same form while a backlog is building. */
export const BRIEF_RATE = 1.2;
export const RUSH_RATE = 1.4;

export interface ComposeLog {
  warn(message: string, detail: string): void;
}

export function briefTextZh(ticketNumber: string, windowNumber: number): string {
  // "A零零七，五号窗口": the number without its 号, which the window already carries.
  return `${readNumberZh(ticketNumber).replace(/号$/, '')}，${readWindowZh(windowNumber)}号窗口`;
}

export function composeUtterances(
  call: { number: string; windowNumber: number },
  s: AnnouncerSettings,
  mode: AnnounceMode = 'full',
  log: ComposeLog = console,
): Utterance[] {
  const short = mode === 'brief' || mode === 'rush';
  const rate = mode === 'rush' ? RUSH_RATE : mode === 'brief' ? BRIEF_RATE : 1;
  let text = short ? briefTextZh(call.number, call.windowNumber) : announcementText(s.template, call.number, call.windowNumber);
  let zh = planClipsZh(text);
  if (zh.unknown.length) {
    log.warn('[announcer] no recorded voice for, reading the default template:', zh.unknown.join(''));
    text = announcementText(DEFAULT_TEMPLATE_ZH, call.number, call.windowNumber);
    zh = planClipsZh(text);
  }
  const out: Utterance[] = [{ lang: 'zh', text, clips: zh.clips, rate }];
  // While catching up the short form is Chinese only (the screen shows every call in both).
  if (s.english && !short) {
    let textEn = announcementTextEn(s.templateEn, call.number, call.windowNumber);
    let en = planClipsEn(textEn);
    if (en.unknown.length) {
      log.warn('[announcer] no recorded voice for, reading the default English template:', en.unknown.join(' '));
      textEn = announcementTextEn(DEFAULT_TEMPLATE_EN, call.number, call.windowNumber);
      en = planClipsEn(textEn);
    }
    out.push({ lang: 'en', text: textEn, clips: en.clips, rate });
  }
  return out;
}
