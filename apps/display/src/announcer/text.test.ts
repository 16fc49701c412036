import {
  DEFAULT_TEMPLATE_ZH,
  announcementText,
  announcementTextEn,
  displayText,
  readNumberEn,
  readNumberZh,
  readWindowZh,
} from './text';

describe('ticket numbers are read letter by letter and digit by digit', () => {
  test.each([
    ['A007', 'A零零七号'],
    ['B010', 'B零一零号'],
    ['C123', 'C一二三号'],
    ['A1000', 'A一零零零号'],
    ['a001', 'A零零一号'],
    ['D999', 'D九九九号'],
  ])('%s -> %s', (n, spoken) => expect(readNumberZh(n)).toBe(spoken));
});

describe('window numbers are read as Chinese numerals', () => {
  test.each([
    [1, '一'],
    [5, '五'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [35, '三十五'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [999, '九百九十九'],
  ])('%i -> %s', (n, spoken) => expect(readWindowZh(n)).toBe(spoken));
});

describe('the hall template', () => {
  test('default template says the number once with a single 号', () => {
    expect(announcementText(DEFAULT_TEMPLATE_ZH, 'A007', 5)).toBe('请A零零七号到五号窗口办理');
  });
  test('two-digit windows', () => {
    expect(announcementText(DEFAULT_TEMPLATE_ZH, 'B012', 12)).toBe('请B零一二号到十二号窗口办理');
  });
  test('a custom template without 号 after the number still gets one', () => {
    expect(announcementText('{number}，请到{window}号窗口', 'C003', 3)).toBe('C零零三号，请到三号窗口');
  });
  test('an empty template falls back to the default', () => {
    expect(announcementText('  ', 'A001', 1)).toBe('请A零零一号到一号窗口办理');
  });
  test('the screen shows digits, not the spoken reading', () => {
    expect(displayText(DEFAULT_TEMPLATE_ZH, 'A007', 5)).toBe('请A007号到5号窗口办理');
  });
});

describe('English', () => {
  test('number characters are separated so a voice spells them', () => {
    expect(readNumberEn('A007')).toBe('A 0 0 7');
  });
  test('default English template', () => {
    expect(announcementTextEn('', 'A007', 5)).toBe('Number A 0 0 7, please go to window 5');
  });
  test("the hall's English template", () => {
    expect(announcementTextEn('Ticket {number} to counter {window}', 'B120', 11)).toBe('Ticket B 1 2 0 to counter 11');
  });
});
