import fc from 'fast-check';
import { displayWidth, sanitizeText, wrapText } from './text-width';

describe('display width', () => {
  it('counts CJK and full-width punctuation as two columns, ASCII as one', () => {
    expect(displayWidth('A007')).toBe(4);
    expect(displayWidth('不动产登记')).toBe(10);
    expect(displayWidth('前面还有 3 人')).toBe(13);
    expect(displayWidth('（）：，')).toBe(8);
  });
});

describe('wrapText', () => {
  it('keeps a line that fits as it is', () => {
    expect(wrapText('前面还有 3 人', 32)).toEqual(['前面还有 3 人']);
  });

  it('breaks Chinese between characters by width, not by character count', () => {
    expect(wrapText('一二三四五六七八九十', 8)).toEqual(['一二三四', '五六七八', '九十']);
  });

  it('breaks English at spaces', () => {
    expect(wrapText('Real estate registration', 12)).toEqual(['Real estate', 'registration']);
  });

  it('never starts a line with closing punctuation', () => {
    const lines = wrapText('请留意叫号，过号请重新取号', 10);
    expect(lines).toEqual(['请留意叫', '号，过号请', '重新取号']);
  });

  it('hard-breaks a word longer than the line', () => {
    expect(wrapText('https://example.org/t/abcdefgh', 10)).toEqual(['https://ex', 'ample.org/', 't/abcdefgh']);
  });

  it('strips control characters so text cannot inject printer commands', () => {
    expect(sanitizeText('大厅\x1b@\x1dV1名称')).toBe('大厅 @ V1名称');
  });

  it('never exceeds the width and loses no visible character', () => {
    const char = fc.constantFrom(...'ab c不动产，。（）Z9 '.split(''));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 80 }).map((a) => a.join('')), fc.integer({ min: 2, max: 48 }), (text, columns) => {
        const lines = wrapText(text, columns);
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      }),
    );
  });
});
