// Counter shortcuts. Both the function keys and a USB numeric keypad work: keypads send
// `event.code` NumpadAdd / NumpadMultiply / NumpadEnter whatever the keyboard layout.
export type CounterAction =
  | 'call-next'
  | 'recall'
  | 'start'
  | 'complete'
  | 'no-show'
  | 'transfer'
  | 'pause-resume';

export interface KeyLike {
  key: string;
  code: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

const BY_CODE: Record<string, CounterAction> = {
  F1: 'call-next',
  NumpadAdd: 'call-next',
  F2: 'recall',
  NumpadMultiply: 'recall',
  F3: 'start',
  NumpadEnter: 'start',
  F4: 'complete',
  F6: 'no-show',
  F7: 'transfer',
  F8: 'pause-resume',
};

/** The action a key press asks for, or null. Modified keys (Ctrl+F4 etc.) are left to the browser. */
export function actionForKey(e: KeyLike): CounterAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  return BY_CODE[e.code] ?? BY_CODE[e.key] ?? null;
}

/** Keys shown on screen for each action (first one is the main key). */
export const SHORTCUT_LABELS: Record<CounterAction, string[]> = {
  'call-next': ['F1', 'Num +'],
  recall: ['F2', 'Num *'],
  start: ['F3', 'Num Enter'],
  complete: ['F4'],
  'no-show': ['F6'],
  transfer: ['F7'],
  'pause-resume': ['F8'],
};

/** In the "documents accepted first time?" step: Y / N (or keypad 1 / 0). */
export function yesNoForKey(e: KeyLike): boolean | null {
  const k = e.key.toLowerCase();
  if (k === 'y' || e.code === 'Numpad1') return true;
  if (k === 'n' || e.code === 'Numpad0') return false;
  return null;
}
