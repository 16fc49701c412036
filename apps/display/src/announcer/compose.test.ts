import { CLIP_WORDS_EN, CLIP_WORDS_ZH, unspeakableEn, unspeakableZh } from '@hallq/shared';
import { CLIP_CATALOGUE } from './clip-plan';
import { composeUtterances, type AnnouncerSettings } from './compose';
import { DEFAULT_TEMPLATE_EN, DEFAULT_TEMPLATE_ZH } from './text';

const base: AnnouncerSettings = { template: DEFAULT_TEMPLATE_ZH, templateEn: DEFAULT_TEMPLATE_EN, repeat: 2, english: true, maxLagSeconds: 15 };

test('the words the server accepts in a template are exactly the words the shipped clips say', () => {
  expect([...CLIP_WORDS_ZH].sort()).toEqual(Object.keys(CLIP_CATALOGUE.zh).sort());
  expect([...CLIP_WORDS_EN].sort()).toEqual(Object.keys(CLIP_CATALOGUE.en).filter((k) => !/^\d+$/.test(k)).sort());
});

test('every word of a template the server accepts has a clip: nothing is skipped silently', () => {
  for (const template of [DEFAULT_TEMPLATE_ZH, '请{number}号前往{window}号柜台', '{number}号，请到{window}号窗口']) {
    expect(unspeakableZh(template)).toEqual([]);
    const [zh] = composeUtterances({ number: 'B1024', windowNumber: 47 }, { ...base, template, english: false });
    expect(zh!.clips.length).toBeGreaterThan(5);
  }
  expect(unspeakableEn(DEFAULT_TEMPLATE_EN)).toEqual([]);
});

test('a stored template the clips cannot say is read with the default template (and logged), never with gaps', () => {
  const warnings: string[] = [];
  const [zh, en] = composeUtterances({ number: 'A007', windowNumber: 5 }, { ...base, template: '请{number}号顾客到{window}号窗口', templateEn: 'Ticket {number} to window {window}' }, 'full', {
    warn: (m, d) => warnings.push(`${m} ${d}`),
  });
  expect(zh!.text).toBe('请A零零七号到五号窗口办理');
  expect(en!.text).toBe('Number A 0 0 7, please go to window 5');
  expect(warnings).toHaveLength(2);
  expect(warnings[0]).toContain('顾客');
});

test('the short catch-up form names the ticket and the window, faster, in Chinese only', () => {
  const out = composeUtterances({ number: 'A007', windowNumber: 12 }, base, 'brief');
  expect(out).toHaveLength(1);
  expect(out[0]).toMatchObject({ lang: 'zh', text: 'A零零七，十二号窗口' });
  expect(out[0]!.rate).toBeGreaterThan(1);
  expect(composeUtterances({ number: 'A007', windowNumber: 12 }, base, 'rush')[0]!.rate).toBeGreaterThan(out[0]!.rate!);
});
