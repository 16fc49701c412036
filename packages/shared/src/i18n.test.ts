import { fillPlaceholders, langOfSearch } from './i18n';

describe('message helpers', () => {
  it('fills placeholders and leaves an unknown one visible', () => {
    expect(fillPlaceholders('请{number}号到{window}号窗口', { number: 'A007', window: 5 })).toBe('请A007号到5号窗口');
    expect(fillPlaceholders('{missing} left', {})).toBe('{missing} left');
  });

  it('pages speak Chinese unless the address asks for English', () => {
    expect(langOfSearch('?lang=en')).toBe('en');
    expect(langOfSearch('?lang=zh-CN')).toBe('zh');
    expect(langOfSearch('?x=1')).toBeNull();
    expect(langOfSearch('?lang=fr')).toBeNull();
    expect(langOfSearch('?a=1&lang=en#x')).toBe('en');
    expect(langOfSearch('?slang=en')).toBeNull();
  });
});
