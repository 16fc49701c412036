import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { durableCommits, goalReachable, oneRowCommits } from './commit-floor';

// The bench's disk floor, counted rather than timed: each commit writes what a call writes.
describe('the durable commit shaped like a call', () => {
  const dir = (): string => mkdtempSync(path.join(tmpdir(), 'hallq-commit-floor-'));

  test('each commit updates two rows and appends two events per call, one sample a commit', () => {
    const one = durableCommits(dir(), 5, { rows: 200, calls: 1 });
    expect(one.samples).toHaveLength(5);
    expect(one.updated).toBe(5 * 2);
    expect(one.inserted).toBe(5 * 2);
    const ten = durableCommits(dir(), 3, { rows: 200, calls: 10 });
    expect(ten.samples).toHaveLength(3);
    expect(ten.updated).toBe(3 * 10 * 2);
    expect(ten.inserted).toBe(3 * 10 * 2);
  });

  test('the one-row figure gives one sample a commit', () => {
    expect(oneRowCommits(dir(), 4)).toHaveLength(4);
  });

  test('the goal is reachable only under the disk\'s own p99', () => {
    expect(goalReachable(1.5, 2)).toBe(true);
    expect(goalReachable(2, 2)).toBe(false);
    expect(goalReachable(4.1, 2)).toBe(false);
    expect(goalReachable(NaN, 2)).toBe(false);
  });
});
