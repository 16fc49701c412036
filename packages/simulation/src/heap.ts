// A binary min-heap ordered by (time, sequence): events at the same time run in the order they
// were scheduled, so a simulation is deterministic.
export interface HeapItem {
  time: number;
  seq: number;
}

export class EventHeap<T extends HeapItem> {
  private readonly list: T[] = [];

  get size(): number {
    return this.list.length;
  }

  push(item: T): void {
    const a = this.list;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }

  /** Every item, in no particular order (do not write). */
  items(): readonly T[] {
    return this.list;
  }

  pop(): T | undefined {
    const a = this.list;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: HeapItem, b: HeapItem): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
