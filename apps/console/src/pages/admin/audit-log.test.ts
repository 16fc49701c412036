// The audit log reads like a log: times in the hall's timezone, details as words, filters and
// paging as query parameters the server declares, and words (zh and en) for every action it logs.
import { en, zh } from '../../i18n/admin';
import { AUDIT_ACTIONS, auditQuery, detailText, hallTime } from './audit-log';

describe('audit log page', () => {
  it("shows times in the hall's timezone, not the browser's", () => {
    expect(hallTime('2026-01-05T02:00:00.000Z', 'Asia/Shanghai')).toBe('2026-01-05 10:00:00');
    expect(hallTime('2026-01-05T02:00:00.000Z', 'Europe/Berlin')).toBe('2026-01-05 03:00:00');
  });
  it('shows details as key: value pairs, leaving out empty ones', () => {
    expect(detailText({ number: 'A007', reason: '老人优先', note: null })).toBe('number: A007; reason: 老人优先');
    expect(detailText(null)).toBe('');
  });
  it('asks the server with its declared filters and pages with before', () => {
    expect(auditQuery({ actorId: 's1', action: 'auth.sign_in', from: '2026-01-05', to: '' }, 42)).toBe(
      'limit=100&actorId=s1&action=auth.sign_in&from=2026-01-05&before=42',
    );
    expect(auditQuery({ actorId: '', action: '', from: '', to: '' }, null)).toBe('limit=100');
  });
  it('has words in both languages for every action it names', () => {
    for (const a of AUDIT_ACTIONS) {
      const key = `audit.action.${a}` as keyof typeof zh;
      expect([a, Boolean(zh[key]), Boolean(en[key])]).toEqual([a, true, true]);
    }
  });
});
