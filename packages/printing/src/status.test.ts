import fc from 'fast-check';
import { describeStatus, parseStatus } from './status';
import type { StatusReplies } from './status';
import { PRINTER_STATES } from './types';

// 0x12: only the fixed bits set, i.e. "all clear" for every DLE EOT n.
const OK = 0x12;
const ready: StatusReplies = { printer: OK, offline: OK, error: OK, paper: OK };

describe('parseStatus (DLE EOT)', () => {
  it('is ready when every reply has only its fixed bits', () => {
    expect(parseStatus(ready)).toBe('ready');
    expect(parseStatus({ printer: OK, offline: OK, paper: OK })).toBe('ready');
  });

  it('reads offline from n=1 bit 3', () => {
    expect(parseStatus({ ...ready, printer: OK | 0x08 })).toBe('offline');
  });

  it('reads cover open from n=2 bit 2, even when the paper sensor also complains', () => {
    expect(parseStatus({ ...ready, printer: 0x1a, offline: OK | 0x04 })).toBe('cover_open');
    expect(parseStatus({ ...ready, offline: OK | 0x04, paper: OK | 0x60 })).toBe('cover_open');
  });

  it('reads paper out from n=2 bit 5 or n=4 bits 5 and 6', () => {
    expect(parseStatus({ ...ready, offline: OK | 0x20 })).toBe('paper_out');
    expect(parseStatus({ ...ready, paper: OK | 0x60 })).toBe('paper_out');
    expect(parseStatus({ ...ready, paper: OK | 0x20 })).toBe('paper_out');
  });

  it('treats paper near end as still ready, with the paper_near_end warning', () => {
    expect(describeStatus({ ...ready, paper: OK | 0x0c })).toEqual({ state: 'ready', reason: 'ready (paper near end)', warning: 'paper_near_end' });
  });

  it('reads errors from n=2 bit 6 and from n=3', () => {
    expect(parseStatus({ ...ready, offline: OK | 0x40 })).toBe('error');
    expect(describeStatus({ ...ready, error: OK | 0x08 })).toEqual({ state: 'error', reason: 'autocutter error' });
    expect(parseStatus({ ...ready, error: OK | 0x20 })).toBe('error');
  });

  it('is offline when the printer gave no reply at all', () => {
    expect(parseStatus({})).toBe('offline');
  });

  it('maps a reply with wrong fixed bits to error and says why', () => {
    for (const bad of [0x00, 0xff, 0x13, 0x92, 0x02, 0x10]) {
      const report = describeStatus({ ...ready, paper: bad });
      expect(report.state).toBe('error');
      expect(report.reason).toMatch(/malformed DLE EOT 4/);
    }
  });

  it('maps values that are not bytes to error', () => {
    expect(parseStatus({ printer: 256 })).toBe('error');
    expect(parseStatus({ printer: -1 })).toBe('error');
    expect(parseStatus({ printer: 1.5 })).toBe('error');
    expect(parseStatus({ printer: Number.NaN })).toBe('error');
    expect(parseStatus({ printer: '18' } as unknown as StatusReplies)).toBe('error');
  });

  it('never throws and always answers a valid state, whatever the bytes', () => {
    const reply = fc.option(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer(), fc.double()), { nil: undefined });
    fc.assert(
      fc.property(fc.record({ printer: reply, offline: reply, error: reply, paper: reply }), (replies) => {
        const report = describeStatus(replies);
        expect(PRINTER_STATES).toContain(report.state);
        expect(report.reason.length).toBeGreaterThan(0);
      }),
    );
  });

  it('is ready only when no fault bit is set in a well-formed reply', () => {
    const wellFormed = fc.integer({ min: 0, max: 255 }).map((b) => (b & ~0x93) | 0x12);
    fc.assert(
      fc.property(wellFormed, wellFormed, wellFormed, wellFormed, (printer, offline, error, paper) => {
        const faulty = (printer & 0x08) | (offline & 0x6c) | (error & 0x6c) | (paper & 0x60);
        expect(parseStatus({ printer, offline, error, paper }) === 'ready').toBe(faulty === 0);
      }),
    );
  });
});
