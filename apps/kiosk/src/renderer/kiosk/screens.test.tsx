// Layout of the kiosk screens, rendered to markup: what a visitor sees in each state.
import { renderToStaticMarkup } from 'react-dom/server';
import type { HallConfig, Service } from '@hallq/shared';
import { translator } from '../i18n';
import { KeypadScreen } from './keypad-screen';
import { NoticeCard } from './kiosk-notice';
import { ModuleScreen } from './module-screen';
import { ServiceListScreen } from './service-list-screen';
import { ServiceScreen } from './service-screen';
import { TicketScreen } from './ticket-screen';
import type { IssuedTicket } from './take-ticket';

const service: Service = {
  id: 'svc-reg',
  code: 'BIZ-01',
  prefix: 'A',
  name: { zh: '企业设立登记', en: 'Company registration' },
  moduleId: 'mod-biz',
  guide: { zh: '先预审后受理', en: 'Pre-review, then acceptance' },
  documents: [
    { zh: '公司章程', en: 'Articles of association' },
    { zh: '住所使用证明', en: 'Proof of premises' },
  ],
  stages: [{ name: { zh: '受理', en: 'Acceptance' }, officersOnly: true }],
  dailyQuota: null,
  openingHours: [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }],
  waitTargetSeconds: null,
  expectedServiceSeconds: 600,
  active: true,
  closedOn: null,
};
const hall = {
  id: 'demo',
  name: { zh: '东湖高新区政务服务中心', en: 'East Lake Service Hall' },
  timezone: 'Asia/Shanghai',
  modules: [
    { id: 'mod-biz', name: { zh: '商事登记', en: 'Business registration' } },
    { id: 'mod-empty', name: { zh: '空模块', en: 'Empty' } },
  ],
  services: [service, { ...service, id: 'svc-off', name: { zh: '停用事项', en: 'Inactive' }, active: false }],
  windows: [],
} as unknown as HallConfig;
const queues = new Map([['svc-reg', { serviceId: 'svc-reg', waiting: 3, longestWaitSeconds: 300, estimatedWaitSeconds: 900 }]]);
const ticket = {
  id: 't1',
  publicId: 'pub1',
  number: 'A007',
  serviceId: 'svc-reg',
  peopleAhead: 3,
  estimatedWaitSeconds: 900,
  statusUrl: 'http://hall.example/t/pub1',
  issuedAt: '2025-11-25T01:30:00.000Z',
} as IssuedTicket;
const zh = translator('zh');
const en = translator('en');
const noop = () => undefined;
const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('start and service list screens', () => {
  it('show only modules that have active services, with their queues, and the check-in button', () => {
    const html = renderToStaticMarkup(<ModuleScreen t={zh} lang="zh" hall={hall} queues={queues} disabled={false} onModule={noop} onCheckin={noop} />);
    expect(html).toContain('商事登记');
    expect(html).not.toContain('空模块');
    expect(html).toContain('等候 3 人');
    expect(html).toContain('预约签到');
  });

  it('service tiles carry "等候 N 人 · 约 M 分钟" and are all disabled while offline', () => {
    const html = renderToStaticMarkup(<ServiceListScreen t={zh} lang="zh" hall={hall} moduleId="mod-biz" queues={queues} disabled onService={noop} />);
    expect(html).toContain('企业设立登记');
    expect(html).toContain('等候 3 人 · 约 15 分钟');
    expect(html).not.toContain('停用事项');
    expect(count(html, 'disabled=""')).toBe(count(html, '<button'));
  });

  it('service tiles show the range of a ticket taken now when there is one', () => {
    const ranged = new Map([...queues].map(([id, q]) => [id, { ...q, estimatedWaitRange: { lowSeconds: 600, highSeconds: 1500 } }]));
    const html = renderToStaticMarkup(<ServiceListScreen t={zh} lang="zh" hall={hall} moduleId="mod-biz" queues={ranged} disabled={false} onService={noop} />);
    expect(html).toContain('等候 3 人 · 约 10–25 分钟');
  });
});

describe('service screen', () => {
  const render = (props: Partial<Parameters<typeof ServiceScreen>[0]> = {}) =>
    renderToStaticMarkup(
      <ServiceScreen t={zh} lang="zh" service={service} queue={queues.get('svc-reg')} busy={null} disabled={false} notice={null} onTake={noop} onCheckin={noop} onDismissNotice={noop} {...props} />,
    );

  it('lists every required document under "请确认已带齐以下材料" above the take-ticket button', () => {
    const html = render();
    expect(html).toContain('请确认已带齐以下材料');
    expect(html.indexOf('公司章程')).toBeLessThan(html.indexOf('材料已带齐，取号'));
    expect(html).toContain('住所使用证明');
    expect(html).toContain('先预审后受理');
  });

  it('in English, says it all in English', () => {
    const html = renderToStaticMarkup(
      <ServiceScreen t={en} lang="en" service={service} queue={undefined} busy={null} disabled={false} notice={null} onTake={noop} onCheckin={noop} onDismissNotice={noop} />,
    );
    expect(html).toContain('Please make sure you have brought these documents');
    expect(html).toContain('Articles of association');
    expect(html).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('while retrying shows that it is retrying instead of a second button to tap', () => {
    const html = render({ busy: 'retrying' });
    expect(html).toContain('网络不稳定，正在重试…');
    expect(html).not.toContain('data-testid="take-ticket"');
  });

  it('a closed service or reached quota explains why and gives the hours', () => {
    const quota = render({ notice: { kind: 'closed', code: 'quota_reached', reason: null } });
    expect(quota).toContain('该事项今日号源已取完');
    expect(quota).toContain('办理时间：周一至周五 08:30–17:30');
    const closed = render({ notice: { kind: 'closed', code: 'service_closed', reason: '系统维护', hours: null } });
    expect(closed).toContain('该事项今日已停止取号');
    expect(closed).toContain('原因：系统维护');
    expect(closed).toContain('全天办理');
  });
});

describe('ticket screen', () => {
  it('shows number, service, people ahead, estimated wait, a QR of the status URL, and printing', () => {
    const html = renderToStaticMarkup(<TicketScreen t={zh} lang="zh" ticket={ticket} service={service} live={undefined} print="printing" onDone={noop} />);
    expect(html).toContain('A007');
    expect(html).toContain('企业设立登记');
    expect(html).toContain('前面还有 3 人');
    expect(html).toContain('预计等候约 15 分钟');
    expect(html).toContain('data-payload="http://hall.example/t/pub1"');
    expect(html).toContain('正在打印号票…');
  });

  it('follows the live estimate once it arrives', () => {
    const html = renderToStaticMarkup(
      <TicketScreen t={zh} lang="zh" ticket={ticket} service={service} live={{ peopleAhead: 1, estimatedWaitSeconds: 200 }} print={{ printed: true }} onDone={noop} />,
    );
    expect(html).toContain('前面还有 1 人');
    expect(html).toContain('预计等候约 4 分钟');
    expect(html).toContain('请取走号票，留意叫号');
  });

  it('shows the range with the estimate, at issue and then live ("预计等候 15–25 分钟" / "About 15–25 min")', () => {
    const ranged = { ...ticket, estimatedWaitSeconds: 1200, estimatedWaitRange: { lowSeconds: 910, highSeconds: 1490 } };
    expect(renderToStaticMarkup(<TicketScreen t={zh} lang="zh" ticket={ranged} service={service} live={undefined} print="printing" onDone={noop} />)).toContain('预计等候 15–25 分钟');
    expect(renderToStaticMarkup(<TicketScreen t={en} lang="en" ticket={ranged} service={service} live={undefined} print="printing" onDone={noop} />)).toContain('About 15–25 min');
    const live = { peopleAhead: 1, estimatedWaitSeconds: 400, estimatedWaitRange: { lowSeconds: 250, highSeconds: 700 } };
    expect(renderToStaticMarkup(<TicketScreen t={zh} lang="zh" ticket={ranged} service={service} live={live} print="printing" onDone={noop} />)).toContain('预计等候 4–12 分钟');
  });

  it.each([
    ['paper_out', '打印机缺纸，请用手机扫码保存号码'],
    ['cover_open', '打印机盖未关好，请用手机扫码保存号码'],
    ['offline', '打印机未连接，请用手机扫码保存号码'],
    ['error', '打印机故障，请用手机扫码保存号码'],
  ] as const)('printer %s: keeps the ticket on screen, says so, and makes the QR big', (state, message) => {
    const html = renderToStaticMarkup(<TicketScreen t={zh} lang="zh" ticket={ticket} service={service} live={undefined} print={{ printed: false, state, reason: 'x' }} onDone={noop} />);
    expect(html).toContain('A007');
    expect(html).toContain(message);
    expect(html).toContain('width="420"');
    expect(html).not.toContain('请取走号票');
  });
});

describe('check-in keypad', () => {
  const t = translator('zh');
  it('shows the ID card greeting inside the main region, under the title, and check-in beside scanning', () => {
    const html = renderToStaticMarkup(
      <KeypadScreen t={t} lang="zh" busy={false} disabled={false} onSubmit={() => undefined} onScan={() => undefined} greeting={<p className="id-card-greeting">张*，您好！</p>} />,
    );
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(main.indexOf('请输入预约码')).toBeLessThan(main.indexOf('id-card-greeting'));
    expect(main.indexOf('id-card-greeting')).toBeLessThan(main.indexOf('code-display'));
    const actions = main.slice(main.indexOf('keypad-actions'));
    expect(actions).toContain('data-testid="checkin-submit"');
    expect(actions).toContain('data-testid="checkin-scan"');
  });

  it('a refused code is a modal alert whose one button, to go back, has focus', () => {
    const html = renderToStaticMarkup(<NoticeCard t={t} lang="zh" notice={{ kind: 'appointment_invalid', code: 'appointment_used' }} service={null} onDismiss={() => undefined} />);
    expect(html).toContain('role="alertdialog"');
    expect(html).toContain('aria-modal="true"');
    expect(html).toContain('此预约已签到');
    expect(html.match(/<button/g)).toHaveLength(1);
  });
});
