// A list of window numbers as an admin types it: "1-4, 7 9". Pure.

/** Window numbers in order, each once; [] for an empty text; null when the text is not a list. */
export function parseWindowList(text: string): number[] | null {
  const parts = text.split(/[\s,，、;；]+/).filter(Boolean);
  const out = new Set<number>();
  for (const part of parts) {
    const m = /^(\d{1,4})(?:\s*[-–~]\s*(\d{1,4}))?$/.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from || to - from > 500) return null;
    for (let n = from; n <= to; n++) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

/** The shortest way to write a list back: [1,2,3,4,7] -> "1-4, 7". */
export function formatWindowList(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return runs.join(', ');
}
