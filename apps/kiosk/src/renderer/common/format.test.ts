import { translator } from '../i18n';
import { maskName, formatLocalTime, formatOpeningHours, peopleAheadText, waitLine, waitMinutes, waitText } from './format';

const zh = translator('zh');
const en = translator('en');

describe('how waits and hours read', () => {
  it('rounds waits up to whole minutes, never promising less than it is', () => {
    expect(waitMinutes(0)).toBe(0);
    expect(waitMinutes(61)).toBe(2);
    expect(waitMinutes(600)).toBe(10);
  });

  it('says "等候 N 人 · 约 M 分钟", "无需等候", or that the wait is not known', () => {
    expect(waitLine(zh, 3, 600)).toBe('等候 3 人 · 约 10 分钟');
    expect(waitLine(en, 3, 600)).toBe('3 waiting · about 10 min');
    expect(waitLine(zh, 0, 0)).toBe('无需等候');
    expect(waitLine(zh, 2, null)).toBe('等候 2 人 · 暂无法估算');
    expect(waitLine(zh, 1, 20)).toBe('等候 1 人 · 不到 1 分钟');
    expect(waitLine(en, 1, 20)).toBe('1 waiting · under a minute');
  });

  it('a service tile shows the range: "等候 N 人 · 约 15–25 分钟", "within N min" from below a minute', () => {
    const range = { lowSeconds: 910, highSeconds: 1490 };
    expect(waitLine(zh, 3, 1200, range)).toBe('等候 3 人 · 约 15–25 分钟');
    expect(waitLine(en, 3, 1200, range)).toBe('3 waiting · about 15–25 min');
    expect(waitLine(zh, 1, 120, { lowSeconds: 30, highSeconds: 300 })).toBe('等候 1 人 · 5 分钟内');
    expect(waitLine(en, 1, 120, { lowSeconds: 30, highSeconds: 300 })).toBe('1 waiting · within 5 min');
    expect(waitLine(zh, 1, 30, { lowSeconds: 0, highSeconds: 50 })).toBe('等候 1 人 · 不到 1 分钟');
    expect(waitLine(zh, 0, 0, null)).toBe('无需等候');
    expect(waitLine(zh, 2, null, range)).toBe('等候 2 人 · 暂无法估算');
  });

  it('a ticket\'s wait reads "预计等候 15–25 分钟" / "About 15–25 min", the single figure without a range', () => {
    const range = { lowSeconds: 910, highSeconds: 1490 };
    expect(waitText(zh, 1200, range)).toBe('预计等候 15–25 分钟');
    expect(waitText(en, 1200, range)).toBe('About 15–25 min');
    expect(waitText(zh, 1200, null)).toBe('预计等候约 20 分钟');
    expect(waitText(en, 1200)).toBe('Estimated wait about 20 min');
    expect(waitText(zh, 600, { lowSeconds: 600, highSeconds: 600 })).toBe('预计等候 10–11 分钟');
    expect(waitText(zh, 90, { lowSeconds: 20, highSeconds: 400 })).toBe('预计等候 7 分钟内');
    expect(waitText(en, 90, { lowSeconds: 20, highSeconds: 400 })).toBe('Within 7 min');
    expect(waitText(zh, 0, null)).toBe('预计等候不到 1 分钟');
    expect(waitText(en, 40, { lowSeconds: 0, highSeconds: 60 })).toBe('Under a minute');
    expect(waitText(zh, null, range)).toBe('暂时无法估算等候时间');
  });

  it('writes opening hours the way a hall posts them', () => {
    const weekdays = [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }];
    expect(formatOpeningHours(zh, weekdays)).toBe('周一至周五 08:30–17:30');
    expect(formatOpeningHours(en, weekdays)).toBe('Mon–Fri 08:30–17:30');
    expect(formatOpeningHours(zh, [{ days: [6], open: '09:00', close: '12:00' }])).toBe('周六 09:00–12:00');
    expect(formatOpeningHours(zh, [{ days: [1, 3], open: '09:00', close: '12:00' }])).toBe('周一、周三 09:00–12:00');
    expect(formatOpeningHours(zh, null)).toBe('全天办理');
  });

  it('prints the issue time in the hall timezone', () => {
    expect(formatLocalTime('2025-11-25T01:30:00.000Z', 'Asia/Shanghai')).toBe('2025-11-25 09:30');
  });
});

describe('people ahead', () => {
  test('English plurals: no one, 1 person, 2 people; Chinese has one form', () => {
    expect(peopleAheadText(en, 0)).toBe('No one ahead of you: watch for your number');
    expect(peopleAheadText(en, 1)).toBe('1 person ahead of you');
    expect(peopleAheadText(en, 2)).toBe('2 people ahead of you');
    expect(peopleAheadText(zh, 1)).toBe('前面还有 1 人');
  });
});

test('a name read off an ID card is shown masked', () => {
  expect(maskName('张三丰')).toBe('张**');
  expect(maskName('李')).toBe('李');
});
