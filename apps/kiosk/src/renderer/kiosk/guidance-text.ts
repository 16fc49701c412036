// What large mode says on each screen: one short sentence telling the visitor what to do next.
import type { MessageKey, Translate } from '../i18n';

const BY_SCREEN: Record<string, MessageKey> = {
  modules: 'sayModules',
  services: 'sayServices',
  service: 'sayService',
  keypad: 'sayKeypad',
  checkin: 'sayKeypad',
  scan: 'sayScan',
  ticket: 'sayTicket',
  arrived: 'sayArrived',
};

export function guidanceFor(screen: string, t: Translate, problem: boolean): string {
  if (problem) return t('sayProblem');
  return t(BY_SCREEN[screen] ?? 'sayModules');
}
