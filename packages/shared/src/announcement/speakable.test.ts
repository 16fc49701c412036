import { unspeakableEn, unspeakableZh } from './speakable';

describe('a template is speakable only with words the clip voice has', () => {
  test('the default templates need no missing word', () => {
    expect(unspeakableZh('请{number}号到{window}号窗口办理')).toEqual([]);
    expect(unspeakableZh('请{number}号前往{window}号柜台')).toEqual([]);
    expect(unspeakableEn('Number {number}, please go to window {window}')).toEqual([]);
  });

  test('words outside the vocabulary are named, each once, in order', () => {
    expect(unspeakableZh('请{number}号顾客到{window}号窗口办理业务，谢谢顾客')).toEqual(['顾客', '业务', '谢谢顾客']);
    expect(unspeakableEn('Ticket {number}, please proceed to counter {window}. Ticket')).toEqual(['ticket', 'proceed']);
  });

  test('placeholders, punctuation, digits and letters are always speakable', () => {
    expect(unspeakableZh('{number}，{window}号窗口。A1')).toEqual([]);
    expect(unspeakableEn('{number} - window {window}')).toEqual([]);
  });
});
