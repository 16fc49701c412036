import { formatWindowList, parseWindowList } from './window-list';

test('a typed list of windows reads ranges, commas (also Chinese ones) and spaces, each window once', () => {
  expect(parseWindowList('1-4, 7 9，3')).toEqual([1, 2, 3, 4, 7, 9]);
  expect(parseWindowList('  ')).toEqual([]);
  expect(formatWindowList([7, 1, 2, 3, 4, 9])).toBe('1-4, 7, 9');
});

test('anything that is not a list of window numbers is refused', () => {
  for (const bad of ['a', '0', '4-2', '1-', '1-9999', '1.5']) expect(parseWindowList(bad)).toBeNull();
});
