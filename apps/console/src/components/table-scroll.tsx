// A table's own scroll container: on a narrow screen (a phone) a wide table scrolls sideways inside
// it instead of widening the page. It is a labelled region that takes focus, so keyboard users can
// scroll it too (axe: scrollable-region-focusable).
import type { ReactNode } from 'react';

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
