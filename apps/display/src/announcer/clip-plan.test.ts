import { existsSync } from 'node:fs';
import path from 'node:path';
import { CLIP_CATALOGUE, planClipsEn, planClipsZh } from './clip-plan';
import { announcementText, announcementTextEn, DEFAULT_TEMPLATE_ZH } from './text';

test('the default template is fully covered by shipped clips', () => {
  const plan = planClipsZh(announcementText(DEFAULT_TEMPLATE_ZH, 'A007', 12));
  expect(plan.unknown).toEqual([]);
  expect(plan.clips).toEqual([
    'zh-qing.wav',
    'letter-a.wav',
    'zh-ling.wav',
    'zh-ling.wav',
    'zh-qi.wav',
    'zh-hao.wav',
    'zh-dao.wav',
    'zh-shi.wav',
    'zh-er.wav',
    'zh-hao.wav',
    'zh-chuangkou.wav',
    'zh-banli.wav',
  ]);
});

test('words without a clip are reported, not guessed', () => {
  const plan = planClipsZh('请A001号到一号服务台');
  expect(plan.unknown).toEqual(['服', '务', '台']);
});

test('English: letters and digits spelled, window as a number word', () => {
  const plan = planClipsEn(announcementTextEn('', 'B010', 12));
  expect(plan.unknown).toEqual([]);
  expect(plan.clips).toEqual(['en-number.wav', 'letter-b.wav', 'en-0.wav', 'en-1.wav', 'en-0.wav', 'en-please-go-to-window.wav', 'en-12.wav']);
  expect(planClipsEn('window 45').clips).toEqual(['en-window.wav', 'en-40.wav', 'en-5.wav']);
});

test('every catalogued clip is shipped in public/clips (run scripts/make-clips.sh)', () => {
  const dir = path.join(__dirname, '../../public/clips');
  const files = [CLIP_CATALOGUE.chime.file, ...[CLIP_CATALOGUE.zh, CLIP_CATALOGUE.en, CLIP_CATALOGUE.letters].flatMap((g) => Object.values(g).map((e) => e.file))];
  expect(files.filter((f) => !existsSync(path.join(dir, f)))).toEqual([]);
});
