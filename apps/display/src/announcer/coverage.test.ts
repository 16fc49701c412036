import { coversWindow } from './coverage';

const windows = [
  { number: 1, zone: 'A' },
  { number: 2, zone: 'A' },
  { number: 7, zone: 'B' },
];

test('a display with no zone and no list announces every window (the hall display)', () => {
  expect([1, 2, 7, 99].every((n) => coversWindow(null, windows, n))).toBe(true);
  expect(coversWindow({ announceZone: null, announceWindows: [] }, windows, 7)).toBe(true);
});

test('a zone display announces its zone; a list adds windows; nothing else', () => {
  const zoneA = { announceZone: 'A', announceWindows: null };
  expect([1, 2, 7].map((n) => coversWindow(zoneA, windows, n))).toEqual([true, true, false]);
  const zoneAPlus7 = { announceZone: 'A', announceWindows: [7] };
  expect([1, 7, 8].map((n) => coversWindow(zoneAPlus7, windows, n))).toEqual([true, true, false]);
  expect([1, 7].map((n) => coversWindow({ announceWindows: [7] }, windows, n))).toEqual([false, true]);
});
