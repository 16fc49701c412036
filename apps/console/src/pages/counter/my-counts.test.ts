import type { HallEvent } from '@hallq/shared';
import { countEvent, zeroCounts } from './my-counts';

const base = { hallId: 'h', at: '2025-03-03T01:00:00Z', actor: { kind: 'staff', id: 's1' } };
const done = (seq: number, staffId: string, firstTimeAccepted: boolean | null) =>
  ({ ...base, seq, type: 'ticket.completed', ticketId: 't', number: 'A1', serviceId: 'a', stage: 0, windowId: 'w1', windowNumber: 1, staffId, firstTimeAccepted }) as HallEvent;

describe('my counts today', () => {
  it('counts my completions and first-time acceptance, not others', () => {
    let c = countEvent(zeroCounts, done(1, 's1', true), 's1', 'w1');
    c = countEvent(c, done(2, 's2', true), 's1', 'w1');
    c = countEvent(c, done(3, 's1', false), 's1', 'w1');
    c = countEvent(c, done(4, 's1', null), 's1', 'w1');
    expect(c).toMatchObject({ done: 3, firstTimeGiven: 2, firstTimeYes: 1, seq: 4 });
  });
  it('never counts the same event twice', () => {
    const c = countEvent(zeroCounts, done(5, 's1', true), 's1', 'w1');
    expect(countEvent(c, done(5, 's1', true), 's1', 'w1')).toBe(c);
  });
  it("counts no-shows and transfers at my window", () => {
    let c = countEvent(zeroCounts, { ...base, seq: 1, type: 'ticket.no_show', ticketId: 't', number: 'A1', serviceId: 'a', windowId: 'w1', windowNumber: 1 } as HallEvent, 's1', 'w1');
    c = countEvent(c, { ...base, seq: 2, type: 'ticket.transferred', ticketId: 't', number: 'A1', fromServiceId: 'a', fromStage: 0, serviceId: 'a', stage: 1, windowId: 'w1' } as HallEvent, 's1', 'w1');
    c = countEvent(c, { ...base, seq: 3, type: 'ticket.no_show', ticketId: 't', number: 'A2', serviceId: 'a', windowId: 'w9', windowNumber: 9 } as HallEvent, 's1', 'w1');
    expect(c).toMatchObject({ noShow: 1, transferred: 1 });
  });
});
