// E6: many random forecasts of the same queue give each ticket's wait as a distribution: its
// middle is the estimate shown, its quantiles the range (wait-range.ts).
import type { CandidateIndex } from './candidate-index';
import { forecastCalls } from './estimator';
import type { ForecastDraw, ForecastInput } from './forecast-input';

/**
 * E6: the waits of `ids` in `samples` random forecasts (each with its own index from `index()`),
 * each list sorted; a sample that does not reach a ticket within the horizon counts as Infinity.
 * The median is the estimate to show (it minimises the mean absolute error), other quantiles give
 * the range. Each forecast stops once all of `ids` are called.
 */
export function drawnWaits(
  input: Omit<ForecastInput, 'index' | 'draw' | 'until' | 'probes' | 'focus'> & { index: () => CandidateIndex; focus?: ReadonlySet<string> },
  draw: ForecastDraw,
  samples: number,
  ids: ReadonlyArray<string>,
): Map<string, number[]> {
  const out = new Map<string, number[]>(ids.map((id) => [id, []]));
  const until = new Set(ids);
  for (let k = 0; k < samples; k++) {
    const calls = forecastCalls({ ...input, index: input.index(), draw, until });
    for (const id of ids) out.get(id)!.push(calls.get(id)?.estimatedWaitSeconds ?? Infinity);
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}
