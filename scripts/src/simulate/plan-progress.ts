// A line on stderr at most every few seconds while a staffing plan is searched: the planner
// simulates every candidate assignment, and a large hall's plan can take minutes. Nothing is
// printed for a plan that is done sooner; stdout (the report or the JSON) is never touched.

export function planProgress(
  write: (line: string) => void = (line) => void process.stderr.write(line),
  everyMs = 5000,
  now: () => number = Date.now,
): (evaluations: number, headcount: number) => void {
  const start = now();
  let last = start;
  return (evaluations, headcount) => {
    const t = now();
    if (t - last < everyMs) return;
    last = t;
    write(`planning the staffing: ${evaluations} assignments simulated in ${Math.round((t - start) / 1000)} s (now trying ${headcount} windows)\n`);
  };
}
