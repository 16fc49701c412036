import { planProgress } from './plan-progress';

test('says how far the plan got at most once per period, on its own clock', () => {
  let t = 1_000;
  const lines: string[] = [];
  const told = planProgress((l) => lines.push(l), 5000, () => t);
  told(1, 12);
  t += 4_999;
  told(2, 12);
  expect(lines).toEqual([]);
  t += 1;
  told(3, 13);
  t += 100;
  told(4, 13);
  t += 5_000;
  told(5, 14);
  expect(lines).toEqual(['planning the staffing: 3 assignments simulated in 5 s (now trying 13 windows)\n', 'planning the staffing: 5 assignments simulated in 10 s (now trying 14 windows)\n']);
});
