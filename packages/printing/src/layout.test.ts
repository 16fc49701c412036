import { DEFAULT_NOTICE, TicketDataError, buildLayout } from './layout';
import type { TextBlock } from './layout';
import { sampleTicket } from './sample-ticket';
import { displayWidth } from './text-width';

const texts = (blocks: ReturnType<typeof buildLayout>['blocks']): TextBlock[] =>
  blocks.filter((b): b is TextBlock => b.kind === 'text');
const lines = (layout: ReturnType<typeof buildLayout>): string[] => texts(layout.blocks).map((b) => b.text);

const longService = { zh: '不动产登记（二手房转移登记、抵押登记及预告登记申请）', en: 'Real estate registration: resale transfer and mortgage' };

describe.each([
  [58, 32, 384],
  [80, 48, 576],
] as const)('layout on %i mm paper', (paperWidthMm, columns, widthDots) => {
  const layout = buildLayout(sampleTicket({ serviceName: longService }), { paperWidthMm });

  it(`uses ${columns} columns and ${widthDots} dots`, () => {
    expect(layout.columns).toBe(columns);
    expect(layout.widthDots).toBe(widthDots);
  });

  it('fits every line on the paper at its character width', () => {
    for (const block of texts(layout.blocks)) {
      expect(displayWidth(block.text) * block.scaleX).toBeLessThanOrEqual(columns);
    }
  });

  it('prints the ticket number alone on its line, at least four times normal size', () => {
    const number = texts(layout.blocks).find((b) => b.text === 'A007');
    expect(number).toMatchObject({ scaleX: 4, scaleY: 4, bold: true, align: 'center' });
  });

  it('wraps a long service name without losing any of it', () => {
    expect(displayWidth(longService.zh)).toBeGreaterThan(columns);
    expect(lines(layout).join('')).toContain(longService.zh);
    expect(lines(layout).filter((l) => longService.zh.includes(l)).length).toBeGreaterThan(1);
  });

  it('fits the QR code on the paper and ends with a feed and a cut', () => {
    const qr = layout.blocks.find((b) => b.kind === 'qr');
    if (qr?.kind !== 'qr') throw new Error('no QR block');
    expect(qr.qr.size * qr.moduleDots).toBeLessThanOrEqual(widthDots);
    expect(qr.moduleDots).toBeGreaterThanOrEqual(3);
    expect(layout.blocks.slice(-2).map((b) => b.kind)).toEqual(['feed', 'cut']);
  });
});

describe('ticket content', () => {
  it('shows people ahead and the estimated wait in Chinese and English', () => {
    const text = lines(buildLayout(sampleTicket(), { paperWidthMm: 80 })).join('\n');
    expect(text).toContain('前面还有 3 人 / 3 waiting ahead');
    expect(text).toContain('预计等候约 12 分钟');
    expect(text).toContain('2025-11-25 09:30');
    expect(text).toContain(DEFAULT_NOTICE);
  });

  it('prints the wait range, in both languages, when the ticket has one', () => {
    const slip = sampleTicket({ estimatedWaitSeconds: 1200, estimatedWaitRange: { lowSeconds: 910, highSeconds: 1490 } });
    expect(lines(buildLayout(slip, { paperWidthMm: 80 }))).toContain('预计等候 15-25 分钟 / about 15-25 min');
    expect(lines(buildLayout({ ...slip, lang: 'en' }, { paperWidthMm: 80 }))).toContain('about 15-25 min / 预计等候 15-25 分钟');
    // 58 mm: each language on its own line when both do not fit.
    const narrow = lines(buildLayout(slip, { paperWidthMm: 58 })).join('\n');
    expect(narrow).toContain('预计等候 15-25 分钟');
    expect(narrow).toContain('about 15-25 min');
  });

  it('never prints a silly range: "within N min" from below a minute, "under a minute" within one, the single figure without a range', () => {
    const text = (estimatedWaitSeconds: number, estimatedWaitRange: { lowSeconds: number; highSeconds: number } | null): string =>
      lines(buildLayout(sampleTicket({ estimatedWaitSeconds, estimatedWaitRange }), { paperWidthMm: 80 })).join('\n');
    expect(text(120, { lowSeconds: 10, highSeconds: 290 })).toContain('预计等候 5 分钟内 / within 5 min');
    expect(text(20, { lowSeconds: 0, highSeconds: 50 })).toContain('预计等候不到 1 分钟 / under a minute');
    expect(text(20, { lowSeconds: 0, highSeconds: 50 })).not.toMatch(/0-0|0-1/);
    expect(text(720, null)).toContain('预计等候约 12 分钟 / about 12 min');
  });

  it('puts English first for a visitor who chose English', () => {
    const text = lines(buildLayout(sampleTicket({ lang: 'en' }), { paperWidthMm: 80 })).join('\n');
    expect(text).toContain('3 waiting ahead / 前面还有 3 人');
  });

  it('leaves out English, the estimate and unknown figures when told to', () => {
    const layout = buildLayout(sampleTicket({ peopleAhead: null }), {
      paperWidthMm: 58,
      template: { showEnglish: false, showEstimate: false },
    });
    const text = lines(layout).join('\n');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
    expect(text).not.toContain('前面');
    expect(text).not.toContain('预计');
  });

  it('says nobody is ahead rather than "0 waiting"', () => {
    expect(lines(buildLayout(sampleTicket({ peopleAhead: 0 }), { paperWidthMm: 80 }))).toContain('前面无人等候 / No one waiting ahead');
  });

  it('takes the hall header and notice from the template; a ticket notice overrides it', () => {
    const template = { header: '欢迎光临', notice: '请保管好您的号票' };
    expect(lines(buildLayout(sampleTicket(), { paperWidthMm: 58, template }))).toEqual(expect.arrayContaining(['欢迎光临', '请保管好您的号票']));
    const own = lines(buildLayout(sampleTicket({ notice: '今日 16:30 停止取号' }), { paperWidthMm: 58, template }));
    expect(own).toContain('今日 16:30 停止取号');
    expect(own).not.toContain('请保管好您的号票');
  });

  it('ignores personal fields even if a caller passes them', () => {
    const withPersonalData = { ...sampleTicket(), name: '张三', phone: '13800138000', idNumber: '110101199003074514' };
    const text = lines(buildLayout(withPersonalData, { paperWidthMm: 80 })).join('\n');
    for (const secret of ['张三', '13800138000', '110101199003074514']) expect(text).not.toContain(secret);
  });

  it('refuses a status URL that is not absolute, so the QR always works from a phone', () => {
    expect(() => buildLayout(sampleTicket({ statusUrl: '/t/abc' }), { paperWidthMm: 58 })).toThrow(TicketDataError);
    expect(() => buildLayout(sampleTicket({ statusUrl: 'javascript:alert(1)' }), { paperWidthMm: 58 })).toThrow(TicketDataError);
  });

  it('shrinks a very long ticket number so it still fits on 58 mm', () => {
    const layout = buildLayout(sampleTicket({ number: 'VIP123456' }), { paperWidthMm: 58 });
    const number = texts(layout.blocks).find((b) => b.text === 'VIP123456');
    expect(number?.scaleX).toBe(3);
  });
});
