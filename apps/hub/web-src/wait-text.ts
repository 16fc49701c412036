// A wait as the hub's pages show it, the same words and rounding as the phone, the wall display
// and the console (`waitMinutesText` in packages/shared): these pages load as plain ES modules,
// without a bundler, so the rule is written here again and a test holds it equal to the shared one.

export interface WaitRange {
  lowSeconds: number;
  highSeconds: number;
}

/**
 * "15–25 分钟" / "15–25 min" (low rounded down, high up, low < high), "10 分钟内" / "within 10 min"
 * when the range starts below a minute, "不到 1 分钟" / "under a minute"; without a range the
 * single figure, "约 20 分钟" / "about 20 min" (rounded up); null without an estimate.
 */
export function waitText(lang: 'zh' | 'en', estimateSeconds: number | null, range?: WaitRange | null): string | null {
  if (estimateSeconds === null) return null;
  const zh = lang === 'zh';
  const NB = '\u00a0';
  const under = zh ? `不到${NB}1${NB}分钟` : `under a${NB}minute`;
  if (!range) return estimateSeconds < 60 ? under : zh ? `约${NB}${Math.ceil(estimateSeconds / 60)}${NB}分钟` : `about ${Math.ceil(estimateSeconds / 60)}${NB}min`;
  const high = Math.ceil(Math.max(range.highSeconds, estimateSeconds) / 60);
  const low = Math.floor(Math.min(range.lowSeconds, estimateSeconds) / 60);
  if (high <= 1) return under;
  if (low <= 0) return zh ? `${high}${NB}分钟内` : `within ${high}${NB}min`;
  const top = low < high ? high : low + 1;
  return zh ? `${low}–${top}${NB}分钟` : `${low}–${top}${NB}min`;
}
