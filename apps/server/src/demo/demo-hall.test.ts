import {
  canServe, DEFAULT_ROUTING_POLICY, DeviceBody, HallPatch, LocalizedTextSchema, NoticeBody, ServiceBody, StaffBody, WindowBody,
  type LocalizedText, type RoutingContext,
} from '@hallq/shared';
import { DEMO_HALL, DEMO_NOTICES, demoHall } from './demo-hall';

const { hall, services, windows, staff, modules, organisations, devices } = demoHall;
const staffType = (role: string): 'officer' | 'helper' | null => (role === 'officer' || role === 'helper' ? role : null);
const isLocalizedText = (v: unknown): v is LocalizedText =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).sort().join() === 'en,zh';

/** Every {zh, en} anywhere in the demo data, with where it is. */
function localizedTexts(value: unknown, path = '$'): Array<[string, LocalizedText]> {
  if (isLocalizedText(value)) return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => localizedTexts(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => localizedTexts(v, `${path}.${k}`));
  return [];
}

const unique = <T>(values: T[]): boolean => new Set(values).size === values.length;

describe('demo hall', () => {
  test('is the seed\'s hall: id demo, Asia/Shanghai, 40-minute target, open around the clock, no quotas', () => {
    expect(DEMO_HALL).toBe(demoHall);
    expect(hall).toMatchObject({
      id: 'demo',
      name: { zh: '东湖高新区政务服务大厅', en: 'East Lake Hi-tech Zone Government Service Hall' },
      timezone: 'Asia/Shanghai',
      waitTargetSeconds: 2400,
      openingHours: null,
      announcementTemplate: '请{number}号到{window}号窗口办理',
      announcementTemplateEn: 'Number {number}, please go to window {window}',
    });
    for (const s of services) expect([s.code, s.dailyQuota ?? null, s.openingHours ?? null]).toEqual([s.code, null, null]);
    const { id: _id, ...settings } = hall;
    expect(HallPatch.safeParse(settings).error).toBeUndefined();
  });

  test('has the four approval modules plus consultation, with all 18 services of PRODUCT.md', () => {
    expect(modules.map((m) => m.name.zh)).toEqual(['商事登记', '企业投资项目', '建设项目', '单一事项', '综合咨询']);
    const namesByModule = modules.map((m) => services.filter((s) => s.moduleId === m.id).map((s) => s.name.zh));
    expect(namesByModule).toEqual([
      ['企业设立登记', '企业变更登记', '企业注销登记', '个体工商户登记', '营业执照补领'],
      ['企业投资项目备案', '企业投资项目核准', '节能审查'],
      ['建设工程规划许可证核发', '建筑工程施工许可证核发', '施工图审查备案', '竣工验收备案'],
      ['食品经营许可', '公共场所卫生许可', '人力资源服务许可', '道路运输经营许可'],
      ['政策咨询', '帮办代办'],
    ]);
    expect(services).toHaveLength(18);
    expect(services.find((s) => s.name.zh === '企业设立登记')?.documents.map((d) => d.zh)).toEqual([
      '公司登记（备案）申请书',
      '公司章程',
      '股东的主体资格证明或自然人身份证件复印件',
      '法定代表人、董事、监事和经理的任职文件',
      '住所使用证明',
    ]);
  });

  test('services of one module share its ticket letter, and no two modules share one', () => {
    const letters = modules.map((m) => [...new Set(services.filter((s) => s.moduleId === m.id).map((s) => s.prefix))]);
    expect(letters).toEqual([['A'], ['B'], ['C'], ['D'], ['E']]);
  });

  test('every service is valid configuration with a guide and 3-6 documents in both languages', () => {
    for (const s of services) {
      const { id: _id, ...body } = s;
      expect([s.code, ServiceBody.safeParse(body).error]).toEqual([s.code, undefined]);
      expect([s.code, s.documents.length >= 3 && s.documents.length <= 6]).toEqual([s.code, true]);
      expect([s.code, s.expectedServiceSeconds >= 300 && s.expectedServiceSeconds <= 1800]).toEqual([s.code, true]);
    }
    expect(unique(services.map((s) => s.id))).toBe(true);
    expect(unique(services.map((s) => s.code))).toBe(true);
    expect(services.every((s) => modules.some((m) => m.id === s.moduleId))).toBe(true);
  });

  test('approval services are pre-reviewed by anyone, then accepted by officers only; consultation is one stage open to helpers', () => {
    for (const s of services) {
      const expected = s.moduleId === 'mod-consult' ? [false] : [false, true];
      expect([s.code, s.stages.map((st) => st.officersOnly)]).toEqual([s.code, expected]);
    }
  });

  test('every {zh, en} text in the data is non-empty in both languages', () => {
    const texts = localizedTexts({ ...demoHall, notices: DEMO_NOTICES });
    expect(texts.length).toBeGreaterThan(18 * 5);
    for (const [path, text] of texts) expect([path, LocalizedTextSchema.safeParse(text).success]).toEqual([path, true]);
  });

  test('12 windows numbered 1..12, valid, each with a primary and a secondary tier of known services', () => {
    expect(windows.map((w) => w.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(unique(windows.map((w) => w.id))).toBe(true);
    for (const w of windows) {
      const { id: _id, ...body } = w;
      expect([w.number, WindowBody.safeParse(body).error]).toEqual([w.number, undefined]);
      expect([w.number, w.skills.some((k) => k.tier === 1) && w.skills.some((k) => k.tier === 2)]).toEqual([w.number, true]);
      expect([w.number, w.skills.every((k) => services.some((s) => s.id === k.serviceId))]).toEqual([w.number, true]);
      expect([w.number, unique(w.skills.map((k) => k.serviceId))]).toEqual([w.number, true]);
    }
  });

  test('every stage of every service is servable by some window whose allowed staff may serve it', () => {
    const ctx: RoutingContext = {
      services: new Map(services.map((s) => [s.id, { id: s.id, waitTargetSeconds: 2400, stages: s.stages }])),
      policy: DEFAULT_ROUTING_POLICY,
    };
    for (const s of services) {
      s.stages.forEach((_stage, stage) => {
        const ticket = { id: 't', serviceId: s.id, stage, queuedAt: 0, priority: false, appointmentAt: null };
        const servedAt = windows.filter((w) =>
          staff.some((p) => {
            const type = staffType(p.role);
            return type !== null && p.windowNumbers.includes(w.number) && canServe({ id: w.id, skills: w.skills, staffType: type }, ticket, ctx);
          }),
        );
        expect([s.code, stage, servedAt.length > 0]).toEqual([s.code, stage, true]);
      });
    }
  });

  test('every helper has pre-review work (a two-stage service) at the windows they may use', () => {
    const helpers = staff.filter((p) => p.role === 'helper');
    expect(helpers.length).toBeGreaterThan(0);
    for (const p of helpers) {
      const skills = windows.filter((w) => p.windowNumbers.includes(w.number)).flatMap((w) => w.skills);
      const preReviews = skills.filter((k) => services.find((s) => s.id === k.serviceId)!.stages.length > 1);
      expect([p.username, preReviews.length > 0]).toEqual([p.username, true]);
    }
  });

  test('demo accounts: admin, super, w01..w12 (officers of the government, helpers of the contractor)', () => {
    expect(staff.map((p) => p.username)).toEqual(['admin', 'super', ...Array.from({ length: 12 }, (_, i) => `w${String(i + 1).padStart(2, '0')}`)]);
    expect(unique(staff.map((p) => p.id))).toBe(true);
    expect(staff.find((p) => p.username === 'admin')?.role).toBe('admin');
    expect(staff.find((p) => p.username === 'super')?.role).toBe('supervisor');
    expect([...new Set(staff.map((p) => p.role))].sort()).toEqual(['admin', 'helper', 'officer', 'supervisor']);
    const kindOf = (orgId: string) => organisations.find((o) => o.id === orgId)?.kind;
    expect(organisations.map((o) => o.kind).sort()).toEqual(['contractor', 'government']);
    for (const p of staff) {
      expect([p.username, kindOf(p.organisationId)]).toEqual([p.username, p.role === 'helper' ? 'contractor' : 'government']);
      expect([p.username, p.password ?? 'demo']).toEqual([p.username, 'demo']);
      // The seeder writes 'demo' directly; through the API a password needs 8 characters.
      const { id: _id, password: _pw, ...body } = p;
      expect([p.username, StaffBody.safeParse({ ...body, password: 'long-enough' }).error]).toEqual([p.username, undefined]);
    }
  });

  test('wNN may sign in at window NN and a neighbour in the same zone', () => {
    for (const p of staff.filter((x) => /^w\d\d$/.test(x.username))) {
      const n = Number(p.username.slice(1));
      const zone = windows.find((w) => w.number === n)!.zone;
      expect([p.username, p.windowNumbers.includes(n), p.windowNumbers.length >= 2]).toEqual([p.username, true, true]);
      for (const m of p.windowNumbers) {
        expect([p.username, m, windows.find((w) => w.number === m)?.zone]).toEqual([p.username, m, zone]);
        expect([p.username, m, Math.abs(m - n) <= 1]).toEqual([p.username, m, true]);
      }
    }
  });

  test('one kiosk, one hall display and a rating pad at window 1, all valid devices', () => {
    expect(devices.map((d) => d.kind).sort()).toEqual(['display', 'kiosk', 'rating-pad']);
    expect(devices.find((d) => d.kind === 'kiosk')?.printer ?? null).toBeNull();
    expect(devices.find((d) => d.kind === 'rating-pad')?.windowNumber).toBe(1);
    expect(unique(devices.map((d) => d.id))).toBe(true);
    for (const d of devices) {
      const body = Object.fromEntries(Object.entries({ kind: d.kind, name: d.name, windowNumber: d.windowNumber, printer: d.printer, paperWidthMm: d.paperWidthMm })
        .filter(([, v]) => v !== null && v !== undefined));
      expect([d.id, DeviceBody.safeParse(body).error]).toEqual([d.id, undefined]);
    }
  });

  test('notices are valid and include the peak-hours advice', () => {
    expect(DEMO_NOTICES.length).toBeGreaterThanOrEqual(1);
    expect(unique(DEMO_NOTICES.map((n) => n.id))).toBe(true);
    for (const n of DEMO_NOTICES) expect([n.id, NoticeBody.safeParse({ text: n.text, active: n.active }).error]).toEqual([n.id, undefined]);
    expect(DEMO_NOTICES.some((n) => n.text.zh.includes('错峰'))).toBe(true);
  });
});
