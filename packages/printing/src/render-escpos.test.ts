import iconv from 'iconv-lite';
import { decodeJob, decodeQr } from './decode';
import { renderTicket } from './render-escpos';
import { sampleTicket } from './sample-ticket';

describe.each([58, 80] as const)('ESC/POS job on %i mm paper', (paperWidthMm) => {
  const ticket = sampleTicket({ serviceName: { zh: '社保卡补换', en: 'Social security card' } });
  const job = renderTicket(ticket, { paperWidthMm });
  const decoded = decodeJob(job);

  it('starts with ESC @ and enters Chinese mode', () => {
    expect([...job.subarray(0, 4)]).toEqual([0x1b, 0x40, 0x1c, 0x26]);
  });

  it('carries Chinese as GB18030 text, not as a picture', () => {
    expect(job.includes(iconv.encode('社保卡补换', 'gb18030'))).toBe(true);
    expect(job.includes(iconv.encode('市民中心政务服务大厅', 'gb18030'))).toBe(true);
    expect(job.includes(Buffer.from('社保卡补换', 'utf8'))).toBe(false);
    expect(decoded.text).toContain('社保卡补换');
    expect(decoded.text).toContain('前面还有 3 人');
    expect(decoded.rasterImages).toHaveLength(1);
  });

  it('prints the wait range as GB2312-safe text (ASCII hyphen, no en dash)', () => {
    const ranged = decodeJob(renderTicket(sampleTicket({ estimatedWaitSeconds: 1200, estimatedWaitRange: { lowSeconds: 910, highSeconds: 1490 } }), { paperWidthMm }));
    expect(ranged.text).toContain('预计等候 15-25 分钟');
    expect(ranged.text).toContain('about 15-25 min');
    expect(ranged.text).not.toContain('\u2013');
  });

  it('prints the number large with GS !', () => {
    const index = job.indexOf(Buffer.from('A007\n'));
    expect([...job.subarray(index - 3, index)]).toEqual([0x1d, 0x21, 0x33]);
  });

  it('prints the QR as a GS v 0 raster that reads back as the exact status URL', () => {
    expect(job.includes(Buffer.from(ticket.statusUrl))).toBe(false);
    const [image] = decoded.rasterImages;
    expect(image?.width).toBe(paperWidthMm === 58 ? 384 : 576);
    expect(decodeQr(image!)).toBe(ticket.statusUrl);
    expect(decoded.commands).not.toContain('GS ( k');
  });

  it('ends with a cut', () => {
    expect(decoded.cut).toBe(true);
    expect([...job.subarray(-3)]).toEqual([0x1d, 0x56, 0x01]);
  });
});

describe('ESC/POS job safety', () => {
  it('cannot be made to emit commands through hall-configured text', () => {
    const job = renderTicket(sampleTicket({ hallName: '大厅\x1dV\x00' }), { paperWidthMm: 58 });
    expect(decodeJob(job).commands.filter((c) => c === 'GS V')).toHaveLength(1);
  });

  it('decodes the QR for a long HTTPS URL too', () => {
    const statusUrl = 'https://zwfw.example.gov.cn:8443/t/q8Zk3vS0cXw2LrT9mB4nYAq8Zk3vS0cXw2LrT9mB4nYA';
    const { rasterImages } = decodeJob(renderTicket(sampleTicket({ statusUrl }), { paperWidthMm: 58 }));
    expect(decodeQr(rasterImages[0]!)).toBe(statusUrl);
  });
});
