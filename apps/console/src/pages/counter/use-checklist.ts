// The document checklist ticks of the ticket being served; a new ticket starts with none.
import { useState } from 'react';

export function useChecklist(ticketId: string | null): { ticked: Set<number>; toggle(i: number): void } {
  const [ticks, setTicks] = useState<{ ticketId: string | null; done: Set<number> }>({ ticketId: null, done: new Set() });
  const ticked = ticks.ticketId === ticketId ? ticks.done : new Set<number>();
  const toggle = (i: number) => {
    const done = new Set(ticked);
    if (done.has(i)) done.delete(i);
    else done.add(i);
    setTicks({ ticketId, done });
  };
  return { ticked, toggle };
}
