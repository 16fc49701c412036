// The counter's shortcuts: function keys anywhere, keypad keys unless the user is typing in a
// field. A key pressed while the previous action is still on its way (its event may already be
// on screen, before the server's answer) is kept and carried out as soon as that action ends;
// that holds for every action, pause and resume included (the last key pressed wins).
import { useEffect, useRef } from 'react';
import { actionForKey, type CounterAction } from '../../lib/shortcuts';

export function useCounterKeys(perform: (a: CounterAction) => void, busy: boolean, dialogOpen: boolean): void {
  const queued = useRef<CounterAction | null>(null);
  const handler = useRef<(a: CounterAction) => void>(() => undefined);
  handler.current = (a) => {
    if (busy) queued.current = a;
    else perform(a);
  };
  useEffect(() => {
    if (busy || !queued.current) return;
    const a = queued.current;
    queued.current = null;
    perform(a);
  });

  // One listener for the page's life, reading the latest state through the refs.
  const open = useRef(false);
  open.current = dialogOpen;
  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      if (open.current || e.defaultPrevented) return;
      const action = actionForKey(e);
      if (!action) return;
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if (typing && e.code.startsWith('Numpad')) return;
      e.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, []);
}
