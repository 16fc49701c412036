// How the hall server's V8 heap grows. By default V8 lets the old generation grow to up to four
// times what is live after each full collection when collections are cheap, which they are under
// a burst of kiosk requests: with 100,000 tickets waiting (about 40 MB live) the heap grew to
// 240 MB and was kept. A hall box is sized for its memory, not for the last percent of
// throughput, so the server asks V8 to grow the heap by at most HEAP_GROWING_PERCENT over what is
// live: a full collection comes sooner (cheap: most of the heap is young garbage of requests) and
// the resident memory follows what is actually kept. An operator who passes V8 heap flags
// (command line or NODE_OPTIONS) keeps theirs; HEAP_POLICY=0 leaves V8's defaults in place (to
// measure the server without the policy).
import v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 30;

const HEAP_FLAG = /^--(heap[-_]growing[-_]percent|optimize[-_]for[-_]size|max[-_]old[-_]space[-_]size)\b/;

/** True when the process was given a heap flag of its own (then it is left alone). */
export function heapFlagGiven(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((a) => HEAP_FLAG.test(a));
}

/** Applies the hall server's heap policy; answers whether it did (no heap flag was given). */
export function applyHeapPolicy(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS, policy = process.env.HEAP_POLICY): boolean {
  if (policy === '0' || heapFlagGiven(execArgv, nodeOptions)) return false;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
