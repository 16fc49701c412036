import { en } from './en';
import { fill, langFromSearch } from './index';
import { zh } from './zh';

describe('message catalogues', () => {
  it('English has every Chinese message, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as Array<keyof typeof zh>) {
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(zh[key])]);
      expect(en[key].trim()).not.toBe('');
    }
  });

  it('the states a visitor must understand are worded as the hall asked', () => {
    expect(zh.offlineTitle).toBe('暂停取号，请咨询工作人员');
    expect(en.offlineTitle).toBe('Ticketing paused, please ask staff');
    expect(fill(zh.printerFaultMessage, { fault: zh.fault_paper_out })).toBe('打印机缺纸，请用手机扫码保存号码');
    expect(fill(en.printerFaultMessage, { fault: en.fault_paper_out })).toBe('Printer out of paper — scan the code to keep your number');
    expect(zh.checklistTitle).toBe('请确认已带齐以下材料');
    expect(fill(zh.calledBig, { n: 5 })).toBe('请到 5 号窗口');
  });

  it('opens in Chinese whatever the browser says; ?lang=en switches', () => {
    expect(langFromSearch('')).toBe('zh');
    expect(langFromSearch('?lang=en')).toBe('en');
    expect(langFromSearch('?lang=fr')).toBe('zh');
  });
});
