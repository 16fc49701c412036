import path from 'node:path';
import { configPath, loadConfig, parseConfig, publicConfig } from './config';

const good = { serverUrl: 'http://10.0.0.2:3000/', deviceToken: 'kiosk-token-123456', printer: 'tcp://10.0.0.5:9100' };

describe('kiosk config file', () => {
  it('accepts a valid file and fills the defaults (zh, 60 s idle, 80 mm, display 0)', () => {
    const r = parseConfig('/etc/kiosk.json', JSON.stringify(good));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toEqual({ ...good, serverUrl: 'http://10.0.0.2:3000', paperWidthMm: 80, printerStatusCheck: 'dle-eot', language: 'zh', idleSeconds: 60, display: 0 });
  });

  it('names the file and says it is missing when it does not exist', () => {
    const r = loadConfig('/nowhere/kiosk.json', () => {
      throw Object.assign(new Error('nope'), { code: 'ENOENT' });
    });
    expect(r).toEqual({ ok: false, path: '/nowhere/kiosk.json', problem: 'the config file does not exist' });
  });

  it('reports a file that is not JSON', () => {
    const r = parseConfig('/k.json', '{ serverUrl: ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(/not valid JSON/);
  });

  it.each([
    [{ ...good, serverUrl: 'ftp://x' }, 'serverUrl'],
    [{ ...good, deviceToken: 'x' }, 'deviceToken'],
    [{ ...good, printer: 'lpt1' }, 'printer'],
    [{ ...good, paperWidthMm: 76 }, 'paperWidthMm'],
    [{ ...good, language: 'fr' }, 'language'],
    [{ ...good, idleSeconds: 0 }, 'idleSeconds'],
    [{ ...good, severUrl: 'typo' }, 'severUrl'],
    [{ deviceToken: good.deviceToken }, 'serverUrl'],
    // The page and the API live at the server's root: anything after the address would send
    // every request (the page, the printer reports) somewhere else.
    [{ ...good, serverUrl: 'http://10.0.0.2:3000/?hall=1' }, 'serverUrl'],
    [{ ...good, serverUrl: 'http://10.0.0.2:3000/#kiosk' }, 'serverUrl'],
    [{ ...good, serverUrl: 'http://10.0.0.2:3000?' }, 'serverUrl'],
    [{ ...good, serverUrl: 'http://10.0.0.2:3000/hallq' }, 'serverUrl'],
    [{ ...good, serverUrl: 'http://admin:secret@10.0.0.2:3000' }, 'serverUrl'],
  ])('rejects %j naming the field %s', (config, field) => {
    const r = parseConfig('/k.json', JSON.stringify(config));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain(field);
  });

  it('works without a printer (the server prints) and accepts every printer URL kind', () => {
    expect(parseConfig('/k.json', JSON.stringify({ serverUrl: good.serverUrl, deviceToken: good.deviceToken })).ok).toBe(true);
    for (const printer of ['tcp://127.0.0.1:9100', 'file:///dev/usb/lp0', 'serial:///dev/ttyS0?baud=19200', 'usb://04b8:0202']) {
      expect(parseConfig('/k.json', JSON.stringify({ ...good, printer })).ok).toBe(true);
    }
  });

  it('takes the path from HALLQ_KIOSK_CONFIG, else kiosk.json in the user-data folder', () => {
    expect(configPath({ HALLQ_KIOSK_CONFIG: '/opt/hallq/kiosk.json' }, '/home/k/.config/HallQ')).toBe('/opt/hallq/kiosk.json');
    expect(configPath({}, '/home/k/.config/HallQ')).toBe(path.join('/home/k/.config/HallQ', 'kiosk.json'));
  });

  it('never hands the device token to the page', () => {
    const r = parseConfig('/k.json', JSON.stringify(good));
    if (!r.ok) throw new Error(r.problem);
    const pub = publicConfig(r.config);
    expect(JSON.stringify(pub)).not.toContain(good.deviceToken);
    expect(pub).toEqual({ serverUrl: 'http://10.0.0.2:3000', language: 'zh', idleSeconds: 60, hasPrinter: true, paperWidthMm: 80, hasIdCardReader: false });
  });
});
