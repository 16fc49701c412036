import { formatDocuments, formatHours, hallOpenAt, parseDocuments, parseHours } from './hours';

describe('opening hours as typed by an admin', () => {
  it('parses day ranges and lists, and an empty text as around the clock', () => {
    expect(parseHours('1-5 08:30 17:30\n6,7 09:00 12:00')).toEqual({
      ok: true,
      hours: [
        { days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' },
        { days: [6, 7], open: '09:00', close: '12:00' },
      ],
    });
    expect(parseHours('  ')).toEqual({ ok: true, hours: null });
  });
  it('names the first bad line', () => {
    expect(parseHours('1-5 08:30 17:30\n8 09:00 10:00')).toEqual({ ok: false, line: 2 });
    expect(parseHours('1-5 17:30 08:30')).toEqual({ ok: false, line: 1 });
  });
  it('round-trips', () => {
    const text = '1-5 08:30 17:30\n6-7 09:00 12:00\n1,3 18:00 20:00';
    const parsed = parseHours(text);
    expect(parsed.ok && formatHours(parsed.hours)).toBe(text);
  });
  it('reads document lines "中文 | English"', () => {
    expect(parseDocuments('公司章程 | Articles\n营业执照')).toEqual([
      { zh: '公司章程', en: 'Articles' },
      { zh: '营业执照', en: '营业执照' },
    ]);
    expect(formatDocuments([{ zh: '公司章程', en: 'Articles' }])).toBe('公司章程 | Articles');
  });
});

describe('hallOpenAt (devices away matter only while the hall is open)', () => {
  const weekdays = [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' }];
  // 2025-03-03 is a Monday; Asia/Shanghai is UTC+8.
  const local = (iso: string) => Date.parse(`${iso}+08:00`);
  it('is open within a period in the hall timezone, closed outside it, on weekends and holidays', () => {
    expect(hallOpenAt(weekdays, [], local('2025-03-03T09:00:00'), 'Asia/Shanghai')).toBe(true);
    expect(hallOpenAt(weekdays, [], local('2025-03-03T08:59:00'), 'Asia/Shanghai')).toBe(false);
    expect(hallOpenAt(weekdays, [], local('2025-03-03T17:00:00'), 'Asia/Shanghai')).toBe(false);
    expect(hallOpenAt(weekdays, [], local('2025-03-08T10:00:00'), 'Asia/Shanghai')).toBe(false);
    expect(hallOpenAt(weekdays, ['2025-03-03'], local('2025-03-03T10:00:00'), 'Asia/Shanghai')).toBe(false);
  });
  it('null hours: open around the clock', () => {
    expect(hallOpenAt(null, [], local('2025-03-08T03:00:00'), 'Asia/Shanghai')).toBe(true);
  });
});
