import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Shows a list that may be taller than its panel one page at a time, turning by itself: pages
 * break between items (never through one), items past the page are hidden, not cut, and a
 * "1/3" mark says there is more. A list that fits stays still. Items sharing a `data-group`
 * (a heading and its lines) stay on one page when they fit on one.
 */
export function AutoPager({ children, seconds, className, testId }: { children: ReactNode; seconds: number; className?: string; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const track = useRef<HTMLDivElement>(null);
  const [starts, setStarts] = useState<number[]>([0]);
  const [page, setPage] = useState(0);

  // Page breaks from the items' positions, again whenever the panel or its content changes size.
  useEffect(() => {
    const el = box.current;
    const list = track.current;
    if (!el || !list) return;
    const measure = () => {
      const height = el.clientHeight;
      const items = Array.from(list.children) as HTMLElement[];
      const next = [0];
      items.forEach((item, i) => {
        const top = item.offsetTop;
        const pageStart = next[next.length - 1]!;
        if (top + item.offsetHeight - pageStart > height + 1 && top > pageStart) {
          // Lines of one group (data-group: a module and its services) move to the next page
          // together, unless the group alone is taller than a page.
          const group = item.dataset.group;
          let first = i;
          while (group !== undefined && first > 0 && items[first - 1]!.dataset.group === group && items[first - 1]!.offsetTop > pageStart) first--;
          const groupTop = items[first]!.offsetTop;
          const fits = top + item.offsetHeight - groupTop <= height + 1;
          next.push(fits ? groupTop : top);
        }
      });
      setStarts((prev) => (prev.length === next.length && prev.every((v, i) => v === next[i]) ? prev : next));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    ro.observe(list);
    const mo = new MutationObserver(measure);
    mo.observe(list, { childList: true, subtree: true, characterData: true });
    return () => {
      ro.disconnect();
      mo.disconnect();
    };
  }, []);

  useEffect(() => {
    if (starts.length < 2) {
      setPage(0);
      return;
    }
    const t = setInterval(() => setPage((p) => (p + 1) % starts.length), seconds * 1000);
    return () => clearInterval(t);
  }, [starts.length, seconds]);

  const current = Math.min(page, starts.length - 1);
  const top = starts[current] ?? 0;
  const end = starts[current + 1] ?? Number.POSITIVE_INFINITY;

  // Items outside this page are hidden so nothing shows half cut at the panel's edge.
  useEffect(() => {
    const el = box.current;
    const list = track.current;
    if (!el || !list) return;
    list.style.transform = top ? `translateY(${-top}px)` : '';
    for (const item of Array.from(list.children) as HTMLElement[]) {
      const at = item.offsetTop;
      item.style.visibility = at >= top && at < end && at + item.offsetHeight <= top + el.clientHeight + 1 ? '' : 'hidden';
    }
  });

  return (
    <div className="pager">
      <div ref={box} className="pager-box" data-testid={testId} data-page={current + 1} data-pages={starts.length}>
        <div ref={track} className={`pager-track ${className ?? ''}`}>
          {children}
        </div>
      </div>
      {starts.length > 1 && (
        <div className="pager-mark" aria-hidden="true">
          {current + 1}/{starts.length}
        </div>
      )}
    </div>
  );
}
