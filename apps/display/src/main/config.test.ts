import { configPath, parseConfig, screenUrl } from './config';

const valid = {
  serverUrl: 'http://10.0.0.2:3000',
  deviceToken: 'dev-display',
  screens: [
    { page: '/display', monitor: 0 },
    { page: '/display/window/5', monitor: 1 },
    { page: '/rating/5', monitor: 2, token: 'dev-pad' },
  ],
};

test('a valid config gets its defaults', () => {
  const r = parseConfig(JSON.stringify(valid));
  expect(r.ok).toBe(true);
  if (r.ok) expect(r.config).toMatchObject({ kiosk: true, lang: 'zh', announceEnglish: false });
});

test('invalid configs are refused with a message naming the field', () => {
  const bad = (c: unknown) => {
    const r = parseConfig(JSON.stringify(c));
    if (r.ok) throw new Error('accepted');
    return r.error;
  };
  expect(bad({ ...valid, serverUrl: 'not a url' })).toMatch(/serverUrl/);
  expect(bad({ ...valid, screens: [] })).toMatch(/screens/);
  expect(bad({ ...valid, screens: [{ page: '/console', monitor: 0 }] })).toMatch(/screens\.0\.page/);
  // No window 0; window numbers go up to 9999.
  expect(bad({ ...valid, screens: [{ page: '/display/window/0', monitor: 0 }] })).toMatch(/screens\.0\.page: .*1 to 9999/);
  expect(bad({ ...valid, screens: [{ page: '/rating/10000', monitor: 0 }] })).toMatch(/screens\.0\.page/);
  expect(parseConfig(JSON.stringify({ ...valid, screens: [{ page: '/display/window/1024', monitor: 0 }, { page: '/rating/9999' }] })).ok).toBe(true);
  expect(bad({ ...valid, extra: 1 })).toMatch(/extra|Unrecognized/i);
  // The pages load from the server's root: a path would be dropped, a query, fragment or password
  // would reach the wrong page or be refused.
  for (const serverUrl of ['http://10.0.0.2:3000/hallq/', 'http://10.0.0.2:3000/?x=1', 'http://10.0.0.2:3000/#wall', 'http://10.0.0.2:3000?', 'http://u:p@10.0.0.2:3000']) {
    expect(bad({ ...valid, serverUrl })).toMatch(/serverUrl: must be the server's address alone/);
  }
  const r = parseConfig('{ nope');
  expect(r.ok).toBe(false);
});

test('each screen loads the server page paired with its token', () => {
  const r = parseConfig(JSON.stringify({ ...valid, announceEnglish: true }));
  if (!r.ok) throw new Error(r.error);
  const [hall, win, pad] = r.config.screens;
  expect(screenUrl(r.config, hall!)).toBe('http://10.0.0.2:3000/display?pair=dev-display&english=1');
  expect(screenUrl(r.config, win!)).toBe('http://10.0.0.2:3000/display/window/5?pair=dev-display');
  expect(screenUrl(r.config, pad!)).toBe('http://10.0.0.2:3000/rating/5?pair=dev-pad');
});

test('config file location: --config, then env, then the app data folder', () => {
  expect(configPath(['electron', '.', '--config=/etc/hallq/d.json'], {}, '/home/u/.config/HallQ')).toBe('/etc/hallq/d.json');
  expect(configPath([], { HALLQ_DISPLAY_CONFIG: '/x.json' }, '/u')).toBe('/x.json');
  expect(configPath([], {}, '/u')).toBe('/u/display-config.json');
});
