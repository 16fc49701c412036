// The kiosk facing a server that speaks a newer realtime protocol: it says so in the visitor's
// language, keeps issuing tickets, and leaves the red "paused" banner to a server that is down.
import { renderToStaticMarkup } from 'react-dom/server';
import type { HallConfig, Lang } from '@hallq/shared';
import { KioskApp, type KioskSettings } from './kiosk-app';
import type { HallConnection } from './use-hall-connection';

// The connection needs a running hall server; the screen is what is under test here.
let connection: Partial<HallConnection> = {};
jest.mock('./use-hall-connection', () => ({ useHallConnection: () => connection }));

const hall = {
  id: 'demo',
  name: { zh: '东湖高新区政务服务中心', en: 'East Lake Service Hall' },
  timezone: 'Asia/Shanghai',
  modules: [{ id: 'mod-biz', name: { zh: '商事登记', en: 'Business registration' } }],
  services: [{ id: 'svc-reg', moduleId: 'mod-biz', name: { zh: '企业设立登记', en: 'Company registration' }, active: true }],
  windows: [],
} as unknown as HallConfig;

function render(lang: Lang, state: { outdated: boolean; serverDown: boolean }): string {
  connection = { phase: 'ready', hall, queues: new Map(), ticketEstimates: new Map(), markServerDown: () => undefined, ...state };
  const settings: KioskSettings = { homeLang: 'zh', initialLang: lang, idleSeconds: 60, bridge: null, localPrinter: false };
  return renderToStaticMarkup(<KioskApp settings={settings} />);
}

describe('a kiosk older than its server', () => {
  it('says in Chinese that it needs an update, and still takes tickets', () => {
    const html = render('zh', { outdated: true, serverDown: false });
    expect(html).toContain('data-testid="outdated-banner"');
    expect(html).toContain('服务器版本较新，本取号机需要更新，请联系管理员');
    expect(html).not.toContain('data-testid="offline-banner"');
    expect(html).toMatch(/data-testid="module-mod-biz"(?![^>]*disabled)/);
  });

  it('says it in English when the visitor chose English', () => {
    const html = render('en', { outdated: true, serverDown: false });
    expect(html).toContain('The server is newer than this kiosk; it needs an update, please contact the administrator');
  });

  it('shows nothing of the kind while the versions agree', () => {
    expect(render('zh', { outdated: false, serverDown: false })).not.toContain('outdated-banner');
  });

  it('a server that cannot be reached pauses ticketing, whatever its version', () => {
    const html = render('zh', { outdated: true, serverDown: true });
    expect(html).toContain('data-testid="offline-banner"');
    expect(html).not.toContain('outdated-banner');
  });
});
