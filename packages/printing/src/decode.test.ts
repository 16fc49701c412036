import { decodeJob, nextToken } from './decode';

describe('decodeJob', () => {
  it('strips commands and decodes GB18030 text', () => {
    const job = Buffer.from([0x1b, 0x40, 0x1c, 0x26, 0x1d, 0x21, 0x11, 0xc8, 0xcb, 0x41, 0x0a, 0x1d, 0x56, 0x01]);
    expect(decodeJob(job)).toEqual({ text: '人A\n', rasterImages: [], cut: true, commands: ['ESC @', 'FS &', 'GS !', 'GS V'] });
  });

  it('does not count a cut that is followed by more printing', () => {
    expect(decodeJob(Buffer.from([0x1d, 0x56, 0x01, 0x41, 0x0a])).cut).toBe(false);
  });

  it('reads a raster image', () => {
    const job = Buffer.from([0x1d, 0x76, 0x30, 0x00, 0x01, 0x00, 0x02, 0x00, 0x80, 0x01]);
    expect(decodeJob(job).rasterImages).toEqual([{ width: 8, height: 2, bits: Uint8Array.from([0x80, 0x01]) }]);
  });

  it('reports an unknown command instead of guessing', () => {
    expect(() => decodeJob(Buffer.from([0x1b, 0x7e, 0x00]))).toThrow(/unknown command 0x1b 0x7e/);
  });

  it('reports a job cut off inside a command', () => {
    expect(() => decodeJob(Buffer.from([0x1d, 0x76, 0x30, 0x00, 0x01, 0x00, 0x02, 0x00, 0x80]))).toThrow(/ends inside a command/);
  });

  it('knows a status request needs three bytes', () => {
    expect(nextToken(Buffer.from([0x10, 0x04]), 0)).toBeNull();
    expect(nextToken(Buffer.from([0x10, 0x04, 0x02]), 0)).toEqual({ token: { kind: 'status-request', n: 2 }, end: 3 });
  });
});
