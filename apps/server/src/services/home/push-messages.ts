// What the visitor's phone shows in a push notification, in the ticket's language.
import type { Lang } from '@hallq/shared';

export type PushKind = 'ahead' | 'called' | 'passed_over' | 'expired';

const TEXT: Record<Lang, Record<PushKind, (v: { number: string; n: number; window: number | null }) => string>> = {
  zh: {
    ahead: (v) => `${v.number}：前面还有 ${v.n} 人，请回到窗口附近等候`,
    called: (v) => `${v.number}：请到 ${v.window ?? ''} 号窗口办理`,
    passed_over: (v) => `${v.number}：已轮到您，请尽快到场确认`,
    expired: (v) => `${v.number}：未按时到场，号码已失效`,
  },
  en: {
    ahead: (v) => `${v.number}: ${v.n} ahead of you, please come close to the windows`,
    called: (v) => `${v.number}: please go to window ${v.window ?? ''}`,
    passed_over: (v) => `${v.number}: your turn has come, please arrive and confirm`,
    expired: (v) => `${v.number}: you did not arrive in time, this number has expired`,
  },
};

export interface PushPayload {
  kind: PushKind;
  title: string;
  body: string;
  /** The page to open when the notification is tapped. */
  url: string;
  number: string;
  peopleAhead?: number;
  windowNumber?: number | null;
}

export function pushPayload(kind: PushKind, lang: Lang, v: { number: string; n?: number; window?: number | null; url: string; hallName: string }): PushPayload {
  return {
    kind,
    title: v.hallName,
    body: TEXT[lang][kind]({ number: v.number, n: v.n ?? 0, window: v.window ?? null }),
    url: v.url,
    number: v.number,
    ...(kind === 'ahead' ? { peopleAhead: v.n ?? 0 } : {}),
    ...(kind === 'called' ? { windowNumber: v.window ?? null } : {}),
  };
}
