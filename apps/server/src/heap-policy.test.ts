import { heapFlagGiven } from './heap-policy';

test('the heap policy applies unless the operator gave a heap flag of their own', () => {
  expect(heapFlagGiven([], undefined)).toBe(false);
  expect(heapFlagGiven(['--enable-source-maps'], '--trace-warnings')).toBe(false);
  expect(heapFlagGiven(['--max-old-space-size=512'], undefined)).toBe(true);
  expect(heapFlagGiven([], '--max_old_space_size=512')).toBe(true);
  expect(heapFlagGiven([], '--heap-growing-percent=50')).toBe(true);
  expect(heapFlagGiven(['--optimize-for-size'], '')).toBe(true);
});
