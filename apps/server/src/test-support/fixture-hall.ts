// A small hall in the DemoHall shape, used by tests and as the fallback demo when the full demo
// data (demo/demo-hall.ts) is absent: two services share prefix A, one stage is officers-only,
// 16 windows (3 and 4 staffed by helpers), one device of each kind.
import type { DemoHall, DemoStaff } from '../demo/demo-hall-types';

const stage = (zh: string, en: string, officersOnly: boolean) => ({ name: { zh, en }, officersOnly });

export function fixtureHall(id = 'demo'): DemoHall {
  const windows = Array.from({ length: 16 }, (_, i) => {
    const n = i + 1;
    return {
      id: `win-${n}`,
      number: n,
      zone: n <= 8 ? 'A' : 'B',
      skills: [
        { serviceId: 'svc-reg', tier: n <= 8 ? 1 : 2 },
        { serviceId: 'svc-chg', tier: n <= 8 ? 1 : 2 },
        { serviceId: 'svc-food', tier: n <= 8 ? 2 : 1 },
        { serviceId: 'svc-consult', tier: 3 },
      ],
    };
  });
  const workers: DemoStaff[] = windows.map((w) => ({
    id: `staff-w${String(w.number).padStart(2, '0')}`,
    username: `w${String(w.number).padStart(2, '0')}`,
    name: `Window ${w.number}`,
    role: w.number === 3 || w.number === 4 ? 'helper' : 'officer',
    organisationId: w.number === 3 || w.number === 4 ? 'contractor' : 'gov',
    windowNumbers: [w.number],
  }));
  return {
    hall: { id, name: { zh: '测试政务服务大厅', en: 'Test Service Hall' } },
    organisations: [
      { id: 'gov', name: { zh: '区政务服务局', en: 'District Government Services Bureau' }, kind: 'government' },
      { id: 'contractor', name: { zh: '帮办服务公司', en: 'Helper Services Ltd' }, kind: 'contractor' },
    ],
    modules: [
      { id: 'mod-biz', name: { zh: '商事登记', en: 'Business registration' } },
      { id: 'mod-single', name: { zh: '单一事项', en: 'Single items' } },
      { id: 'mod-consult', name: { zh: '综合咨询', en: 'Consultation' } },
    ],
    services: [
      {
        id: 'svc-reg',
        code: 'BIZ-01',
        prefix: 'A',
        name: { zh: '企业设立登记', en: 'Company registration' },
        moduleId: 'mod-biz',
        guide: { zh: '先预审后受理', en: 'Pre-review, then acceptance' },
        documents: [{ zh: '公司章程', en: 'Articles of association' }],
        stages: [stage('预审', 'Pre-review', false), stage('受理', 'Acceptance', true)],
        expectedServiceSeconds: 600,
      },
      {
        id: 'svc-chg',
        code: 'BIZ-02',
        prefix: 'A',
        name: { zh: '企业变更登记', en: 'Company change registration' },
        moduleId: 'mod-biz',
        guide: { zh: '变更登记', en: 'Change registration' },
        documents: [],
        stages: [stage('受理', 'Acceptance', true)],
        expectedServiceSeconds: 480,
      },
      {
        id: 'svc-food',
        code: 'SGL-01',
        prefix: 'D',
        name: { zh: '食品经营许可', en: 'Food business licence' },
        moduleId: 'mod-single',
        guide: { zh: '食品经营许可', en: 'Food business licence' },
        documents: [],
        stages: [stage('办理', 'Service', false)],
        expectedServiceSeconds: 300,
      },
      {
        id: 'svc-consult',
        code: 'CON-01',
        prefix: 'Z',
        name: { zh: '政策咨询', en: 'Policy consultation' },
        moduleId: 'mod-consult',
        guide: { zh: '政策咨询', en: 'Policy consultation' },
        documents: [],
        stages: [stage('咨询', 'Consultation', false)],
        expectedServiceSeconds: 180,
      },
    ],
    windows,
    staff: [
      { id: 'staff-admin', username: 'admin', name: 'Admin', role: 'admin', organisationId: 'gov', windowNumbers: [] },
      { id: 'staff-super', username: 'super', name: 'Supervisor', role: 'supervisor', organisationId: 'gov', windowNumbers: [] },
      ...workers,
    ],
    devices: [
      { id: 'dev-kiosk', kind: 'kiosk', name: 'Kiosk 1' },
      { id: 'dev-display', kind: 'display', name: 'Hall display' },
      { id: 'dev-pad-1', kind: 'rating-pad', name: 'Rating pad 1', windowNumber: 1 },
    ],
  };
}
