import { renderToStaticMarkup } from 'react-dom/server';
import { translator } from '../i18n';
import { RatingForm } from './rating-form';
import { publicIdFromPath } from './use-ticket-status';

describe('phone status page', () => {
  it('offers the five 好差评 levels in order, best first', () => {
    const html = renderToStaticMarkup(<RatingForm t={translator('zh')} lang="zh" busy={false} onSubmit={() => undefined} />);
    const levels = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'].map((l) => html.indexOf(`>${l}<`));
    expect(levels.every((i) => i >= 0)).toBe(true);
    expect([...levels].sort((a, b) => a - b)).toEqual(levels);
    expect(html).toMatch(/data-testid="rating-submit"[^>]*disabled/);
  });

  it('reads the ticket from the address /t/:publicId', () => {
    expect(publicIdFromPath('/t/AbC-_123')).toBe('AbC-_123');
    expect(publicIdFromPath('/t/AbC/')).toBe('AbC');
    expect(publicIdFromPath('/kiosk')).toBe('');
  });
});
