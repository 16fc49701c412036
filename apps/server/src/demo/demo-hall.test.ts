import { canServe, DEFAULT_ROUTING_POLICY, ServiceBody, type RoutingContext } from '@hallq/shared';
import { demoHall } from './demo-hall';

describe('demo hall', () => {
  const { services, windows, staff, modules } = demoHall;

  test('has the seed hall\'s four approval modules plus consultation, with all 18 services', () => {
    expect(modules.map((m) => m.name.zh)).toEqual(['商事登记', '企业投资项目', '建设项目', '单一事项', '综合咨询']);
    expect(services).toHaveLength(18);
    expect(services.find((s) => s.name.zh === '企业设立登记')?.documents.map((d) => d.zh)).toEqual([
      '公司登记（备案）申请书',
      '公司章程',
      '股东的主体资格证明或自然人身份证件复印件',
      '法定代表人、董事、监事和经理的任职文件',
      '住所使用证明',
    ]);
  });

  test('every service is valid configuration with guides and documents in both languages', () => {
    for (const s of services) {
      const { id: _id, ...body } = s;
      expect(ServiceBody.safeParse(body).success).toBe(true);
      expect(s.documents.length).toBeGreaterThanOrEqual(3);
      for (const text of [s.name, s.guide, ...s.documents]) {
        expect(text.zh.length).toBeGreaterThan(0);
        expect(text.en.length).toBeGreaterThan(0);
      }
    }
    expect(new Set(services.map((s) => s.code)).size).toBe(services.length);
  });

  test('12 windows with unique numbers, tiered multi-skills, and every stage servable by someone allowed', () => {
    expect(windows.map((w) => w.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(windows.every((w) => w.skills.some((k) => k.tier === 1) && w.skills.some((k) => k.tier === 2))).toBe(true);
    const ctx: RoutingContext = {
      services: new Map(services.map((s) => [s.id, { id: s.id, waitTargetSeconds: 2400, stages: s.stages }])),
      policy: DEFAULT_ROUTING_POLICY,
    };
    for (const s of services) {
      s.stages.forEach((_stage, stage) => {
        const ticket = { id: 't', serviceId: s.id, stage, queuedAt: 0, priority: false, appointmentAt: null };
        const servedBy = windows.filter((w) =>
          staff.some(
            (p) => p.windowNumbers.includes(w.number) && canServe({ id: w.id, skills: w.skills, staffType: p.role === 'helper' ? 'helper' : 'officer' }, ticket, ctx),
          ),
        );
        expect(servedBy.length).toBeGreaterThan(0);
      });
    }
  });

  test('demo accounts: admin, super, w01..w12 (officers and contractor helpers), wNN allowed at window NN', () => {
    expect(staff.map((p) => p.username)).toEqual(['admin', 'super', ...Array.from({ length: 12 }, (_, i) => `w${String(i + 1).padStart(2, '0')}`)]);
    for (const p of staff.filter((x) => /^w\d\d$/.test(x.username))) expect(p.windowNumbers).toContain(Number(p.username.slice(1)));
    const roles = new Set(staff.map((p) => p.role));
    expect([...roles].sort()).toEqual(['admin', 'helper', 'officer', 'supervisor']);
    const helpers = staff.filter((p) => p.role === 'helper');
    expect(helpers.every((p) => p.organisationId === 'org-contractor')).toBe(true);
  });
});
