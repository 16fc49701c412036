import { renderToStaticMarkup } from 'react-dom/server';
import { translator } from '../i18n';
import type { PublicTicketStatus } from '@hallq/shared';
import { NextStep } from './next-step';
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

  it('shows the wait range while waiting ("预计等候 15–25 分钟" / "About 15–25 min"), the single figure without one', () => {
    const waiting: PublicTicketStatus = {
      number: 'A007', serviceId: 'svc-reg', serviceName: { zh: '企业设立登记', en: 'Company registration' }, status: 'waiting',
      issuedAt: '2025-11-25T01:30:00.000Z', peopleAhead: 3, estimatedWaitSeconds: 1200, estimatedWaitRange: { lowSeconds: 910, highSeconds: 1490 },
      windowNumber: null, calledAt: null, canCancel: true, canRate: false, rating: null, hallName: { zh: '大厅', en: 'Hall' }, heldUntil: null,
      recalledAt: null, noShowRule: 'requeue_once', canRequeue: false, requeued: false, transferredFrom: null, stage: 0, stageName: null, hallId: 'demo',
    };
    const render = (lang: 'zh' | 'en', ticket: PublicTicketStatus): string =>
      renderToStaticMarkup(<NextStep t={translator(lang)} lang={lang} ticket={ticket} now={0} busy={false} onRequeue={() => undefined} />);
    expect(render('zh', waiting)).toContain('预计等候 15–25 分钟');
    expect(render('en', waiting)).toContain('About 15–25 min');
    expect(render('zh', { ...waiting, estimatedWaitRange: null })).toContain('预计等候约 20 分钟');
    expect(render('en', { ...waiting, estimatedWaitSeconds: 20, estimatedWaitRange: { lowSeconds: 0, highSeconds: 45 } })).toContain('Under a minute');
  });

  it('reads the ticket from the address /t/:publicId', () => {
    expect(publicIdFromPath('/t/AbC-_123')).toBe('AbC-_123');
    expect(publicIdFromPath('/t/AbC/')).toBe('AbC');
    expect(publicIdFromPath('/kiosk')).toBe('');
  });
});
