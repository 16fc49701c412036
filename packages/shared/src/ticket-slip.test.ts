import { hallPageUrl, ticketSlip } from './ticket-slip';

describe('the printed ticket slip', () => {
  const hall = { id: 'demo', name: { zh: '政务服务大厅', en: 'Service Hall' }, timezone: 'Asia/Shanghai' };
  const ticket = { number: 'A001', serviceId: 's', issuedAt: '2026-01-05T02:00:00Z', peopleAhead: 0, estimatedWaitSeconds: 0, statusUrl: 'http://10.0.0.2:3000/t/abc' };

  test('the footer names the hall\'s public page beside the status page (PUBLIC_URL may have a path)', () => {
    expect(ticketSlip({ hall, service: undefined, ticket, lang: 'zh' }).data.hallUrl).toBe('http://10.0.0.2:3000/h/demo');
    expect(hallPageUrl('https://gov.example/hallq/t/xyz', 'hall 2')).toBe('https://gov.example/hallq/h/hall%202');
    expect(hallPageUrl('https://gov.example/elsewhere', 'demo')).toBeUndefined();
  });
});
