// Erlang C (M/M/c): Poisson arrivals, exponential service, c identical agents, one FIFO queue.
// The first cut of a staffing plan (server planner, simulate --plan) and the yardstick the
// simulator is validated against. Rates are per the same time unit (e.g. per hour); waits come
// back in that unit. The one implementation: scripts/src/simulate/erlang.ts re-exports these.

/** Probability that an arriving customer has to wait (all c agents busy). 1 when overloaded. */
export function erlangC(agents: number, arrivalRate: number, serviceRate: number): number {
  if (arrivalRate <= 0) return 0;
  const a = arrivalRate / serviceRate; // offered load in erlangs
  if (agents <= a) return 1;
  // Erlang B by the stable recurrence, then C from B.
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (a * b) / (k + a * b);
  const rho = a / agents;
  return b / (1 - rho + rho * b);
}

/** P(wait <= t): 1 - C * exp(-(c*mu - lambda) * t). 0 when overloaded. */
export function erlangCWaitProbability(agents: number, arrivalRate: number, serviceRate: number, t: number): number {
  if (arrivalRate <= 0) return 1;
  if (agents * serviceRate <= arrivalRate) return 0;
  return 1 - erlangC(agents, arrivalRate, serviceRate) * Math.exp(-(agents * serviceRate - arrivalRate) * t);
}

/** Mean wait in queue: C / (c*mu - lambda). Infinity when overloaded. */
export function erlangCMeanWait(agents: number, arrivalRate: number, serviceRate: number): number {
  if (arrivalRate <= 0) return 0;
  if (agents * serviceRate <= arrivalRate) return Infinity;
  return erlangC(agents, arrivalRate, serviceRate) / (agents * serviceRate - arrivalRate);
}

/** The fewest agents so that P(wait <= t) >= goal (at least one when anyone arrives). */
export function erlangCAgentsFor(arrivalRate: number, serviceRate: number, t: number, goal: number, maxAgents = 1000): number {
  if (arrivalRate <= 0) return 0;
  let c = Math.max(1, Math.floor(arrivalRate / serviceRate) + 1);
  while (c < maxAgents && erlangCWaitProbability(c, arrivalRate, serviceRate, t) < goal) c++;
  return c;
}
