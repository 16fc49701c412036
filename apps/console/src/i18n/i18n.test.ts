import * as common from './common';
import * as counter from './counter';
import * as board from './board';
import * as admin from './admin';
import * as reports from './reports';
import * as planner from './planner';
import { PRINTER_WARNINGS } from '@hallq/shared';
import { initialLang, translate } from './index';

describe('message catalogues', () => {
  it('have an English text for every Chinese key and no empty text', () => {
    for (const cat of [common, counter, board, admin, reports, planner]) {
      expect(Object.keys(cat.en).sort()).toEqual(Object.keys(cat.zh).sort());
      for (const v of [...Object.values(cat.zh), ...Object.values(cat.en)]) expect(v.length).toBeGreaterThan(0);
    }
  });
  it('name every printer warning a device can carry on the board', () => {
    for (const w of PRINTER_WARNINGS) {
      expect(board.zh).toHaveProperty([`board.alert.printer-warning.${w}`]);
      expect(board.en).toHaveProperty([`board.alert.printer-warning.${w}`]);
    }
  });
  it('open in Chinese unless ?lang=en asks for English', () => {
    expect(initialLang('', null)).toBe('zh');
    expect(initialLang('?lang=en', null)).toBe('en');
    expect(initialLang('?lang=zh', 'en')).toBe('zh');
  });
  it('fills parameters', () => {
    expect(translate('zh', 'counter.window', { n: 5 })).toBe('5 号窗口');
    expect(translate('en', 'counter.window', { n: 5 })).toBe('Window 5');
  });
});
