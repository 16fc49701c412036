// The demo hall: the seed article's East Lake Hi-tech Zone hall, with its four approval
// modules plus consultation, the services a hall like it offers (guides and required documents in
// both languages), 12 pooled windows with tiered skills (一窗多用), government officers and
// contractor helpers.
//
// Ticket letters: one per module (A business registration, B investment, C construction, D single
// items, E consultation), so the services of a module share one daily sequence (A001, A002, ...
// across all of business registration). Halls number by zone like this: the letter tells the
// visitor which zone to wait in, and the pooled windows of a zone take any of its services.
//
// The kiosk has no printer of its own (printer null): it prints on the hall's default printer,
// HALL_PRINTER in the environment, when there is one.
import { DEFAULT_ANNOUNCEMENT_TEMPLATE, DEFAULT_ANNOUNCEMENT_TEMPLATE_EN, type LocalizedText, type ServiceStage } from '@hallq/shared';
import type { DemoHall, DemoService, DemoStaff, DemoWindow } from './demo-hall-types';

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

/** Pre-review of documents by a helper, then acceptance and decision by an officer (negative list). */
const TWO_STAGES: ServiceStage[] = [
  { name: t('材料预审', 'Document pre-review'), officersOnly: false },
  { name: t('受理审批', 'Acceptance and approval'), officersOnly: true },
];
const ONE_STAGE: ServiceStage[] = [{ name: t('咨询办理', 'Consultation'), officersOnly: false }];

const ID_CARD = t('经办人身份证原件及复印件', "Agent's ID card (original and copy)");
const LICENCE = t('营业执照副本原件及复印件', 'Business licence, duplicate (original and copy)');
const AUTHORISATION = t('授权委托书（委托办理时提供）', 'Letter of authorisation (when acting for the applicant)');

function service(
  id: string,
  code: string,
  prefix: string,
  moduleId: string,
  name: LocalizedText,
  guide: LocalizedText,
  documents: LocalizedText[],
  minutes: number,
  stages: ServiceStage[] = TWO_STAGES,
): DemoService {
  // No quota and no hours of its own: the demo is open around the clock.
  return { id, code, prefix, moduleId, name, guide, documents, stages, expectedServiceSeconds: minutes * 60, dailyQuota: null, openingHours: null };
}

const services: DemoService[] = [
  // 商事登记 business registration (A)
  service('svc-company-setup', 'SS01', 'A', 'mod-business', t('企业设立登记', 'Company registration'),
    t('新设立公司办理营业执照。材料齐全、符合法定形式的，当场受理，一般3个工作日内发照。', 'Register a new company and receive its business licence. Complete applications are accepted on the spot; the licence is usually issued within 3 working days.'),
    [
      t('公司登记（备案）申请书', 'Company registration (filing) application form'),
      t('公司章程', 'Articles of association'),
      t('股东的主体资格证明或自然人身份证件复印件', "Shareholders' certificates of legal status or copies of natural persons' ID"),
      t('法定代表人、董事、监事和经理的任职文件', 'Appointment documents of the legal representative, directors, supervisors and manager'),
      t('住所使用证明', 'Proof of the right to use the registered address'),
    ], 15),
  service('svc-company-change', 'SS02', 'A', 'mod-business', t('企业变更登记', 'Change of company registration'),
    t('变更名称、住所、法定代表人、注册资本、经营范围等登记事项。应自作出变更决议之日起30日内申请，修改章程的同时办理备案。', 'Change the registered name, address, legal representative, registered capital or business scope. Apply within 30 days of the resolution; amended articles are filed at the same time.'),
    [t('公司变更登记申请书', 'Application for change of registration'), t('股东会决议或股东决定', "Shareholders' resolution or decision"), t('修改后的公司章程或章程修正案', 'Amended articles of association'), LICENCE],
    12),
  service('svc-company-close', 'SS03', 'A', 'mod-business', t('企业注销登记', 'Company deregistration'),
    t('企业终止经营后办理注销。符合条件的可申请简易注销，公告期满后办理。', 'Close a company that has ceased business. Eligible companies may use simplified deregistration after the public notice period.'),
    [t('注销登记申请书', 'Deregistration application form'), t('清算报告或全体投资人承诺书', "Liquidation report or all investors' undertaking"), t('清税证明', 'Tax clearance certificate'), LICENCE],
    15),
  service('svc-sole-trader', 'SS04', 'A', 'mod-business', t('个体工商户登记', 'Sole trader registration'),
    t('个体工商户的设立、变更和注销登记。经营者本人办理的，可当场领取执照。', 'Register, change or close a sole trader business. Owners applying in person can usually collect the licence on the spot.'),
    [t('个体工商户登记申请书', 'Sole trader registration form'), t('经营者身份证件', "Owner's ID card"), t('经营场所使用证明', 'Proof of the right to use the business premises')],
    10),
  service('svc-licence-reissue', 'SS05', 'A', 'mod-business', t('营业执照补领', 'Reissue of business licence'),
    t('营业执照遗失或损毁的，在国家企业信用信息公示系统公告后申请补领。补领的执照与原执照效力相同，材料齐全的当场发放。', 'Apply for a replacement licence after announcing the loss in the national enterprise credit information system. The new licence has the same effect as the old one and complete applications get it on the spot.'),
    [t('营业执照补领申请书', 'Application for licence reissue'), t('遗失公告截图或损毁的执照', 'Screenshot of the loss notice, or the damaged licence'), ID_CARD],
    8),
  // 企业投资项目 enterprise investment projects (B)
  service('svc-invest-filing', 'TZ01', 'B', 'mod-investment', t('企业投资项目备案', 'Investment project filing'),
    t('不涉及国家安全等情形的企业投资项目实行备案管理，信息齐全即予备案。备案在投资项目在线审批监管平台填报，窗口可帮助填报并打印备案证明。', 'Enterprise investment projects not subject to approval are filed; complete filings are accepted at once. Filings are made on the online investment project platform; the window helps you fill it in and prints the certificate.'),
    [t('项目备案信息表', 'Project filing information form'), t('企业营业执照复印件', 'Copy of the business licence'), t('项目单位法定代表人身份证明', "Legal representative's ID"), AUTHORISATION],
    20),
  service('svc-invest-approval', 'TZ02', 'B', 'mod-investment', t('企业投资项目核准', 'Investment project approval'),
    t('列入核准目录的项目须核准。受理后20个工作日内作出决定。', 'Projects in the approval catalogue need approval; a decision is made within 20 working days of acceptance.'),
    [t('项目申请报告', 'Project application report'), t('城乡规划行政主管部门出具的选址意见书', 'Site selection opinion from the planning authority'), t('用地预审意见', 'Land use pre-review opinion'), t('企业营业执照复印件', 'Copy of the business licence')],
    25),
  service('svc-energy-review', 'TZ03', 'B', 'mod-investment', t('节能审查', 'Energy conservation review'),
    t('固定资产投资项目开工前须通过节能审查。年综合能源消费量不满1000吨标准煤且年电力消费量不满500万千瓦时的项目，不再单独进行节能审查。', 'Fixed-asset investment projects must pass an energy conservation review before construction starts. Projects using under 1,000 tonnes of standard coal and under 5 million kWh of electricity a year need no separate review.'),
    [t('节能审查申请', 'Energy review application'), t('节能报告', 'Energy conservation report'), t('项目备案或核准文件', 'Project filing or approval document')],
    20),
  // 建设项目 construction projects (C)
  service('svc-planning-permit', 'JS01', 'C', 'mod-construction', t('建设工程规划许可证核发', 'Construction planning permit'),
    t('在规划区内进行建设的，须取得建设工程规划许可证。建设单位凭用地文件和设计方案申请，材料齐全的当场受理。', 'Building within the planning area requires a construction planning permit. Apply with the land use documents and the design scheme; complete applications are accepted on the spot.'),
    [t('建设工程规划许可申请表', 'Planning permit application form'), t('使用土地的有关证明文件', 'Land use documents'), t('建设工程设计方案', 'Construction design scheme'), t('总平面图', 'Site plan')],
    20),
  service('svc-construction-permit', 'JS02', 'C', 'mod-construction', t('建筑工程施工许可证核发', 'Construction works permit'),
    t('建筑工程开工前，建设单位须申请领取施工许可证。工程投资额在30万元以下或建筑面积在300平方米以下的，可以不申请。', 'The developer must obtain a construction works permit before work starts. Works costing under 300,000 yuan or under 300 square metres need no permit.'),
    [t('施工许可申请表', 'Construction permit application form'), t('建设工程规划许可证', 'Construction planning permit'), t('施工合同', 'Construction contract'), t('施工图审查合格书', 'Construction drawing review certificate')],
    20),
  service('svc-drawing-review', 'JS03', 'C', 'mod-construction', t('施工图审查备案', 'Construction drawing review filing'),
    t('施工图经审查机构审查合格后办理备案。施工图未经审查合格的，不得使用。', 'File construction drawings after they have passed the review body. Drawings that have not passed review may not be used.'),
    [t('施工图审查备案表', 'Drawing review filing form'), t('审查合格书', 'Review pass certificate'), t('施工图设计文件', 'Construction drawing design documents')],
    15),
  service('svc-completion-filing', 'JS04', 'C', 'mod-construction', t('竣工验收备案', 'Completion acceptance filing'),
    t('工程竣工验收合格后15日内办理备案。材料齐全的当场备案，出具备案证明。', 'File within 15 days after the completed works pass acceptance. Complete filings are recorded on the spot with a filing certificate.'),
    [t('竣工验收备案表', 'Completion filing form'), t('工程竣工验收报告', 'Completion acceptance report'), t('规划、消防等验收合格文件', 'Planning and fire acceptance certificates'), t('工程质量保修书', 'Quality warranty')],
    20),
  // 单一事项 single items (D)
  service('svc-food-licence', 'DX01', 'D', 'mod-single', t('食品经营许可', 'Food business licence'),
    t('从事食品销售和餐饮服务的，须取得食品经营许可证。仅销售预包装食品的，办理备案即可。', 'Selling food or running catering requires a food business licence. Selling only prepackaged food needs a filing instead.'),
    [t('食品经营许可申请书', 'Food business licence application'), LICENCE, t('经营场所平面图和设备布局图', 'Floor plan and equipment layout'), t('食品安全管理制度', 'Food safety management rules')],
    12),
  service('svc-public-hygiene', 'DX02', 'D', 'mod-single', t('公共场所卫生许可', 'Public place hygiene licence'),
    t('宾馆、美容美发、游泳场所等公共场所开业前须取得卫生许可。实行告知承诺的，申请人书面承诺符合卫生要求后可当场发证。', 'Hotels, salons, swimming pools and similar public places need a hygiene licence before opening. Under the commitment scheme the licence is issued on the spot after a written undertaking.'),
    [t('卫生许可申请表', 'Hygiene licence application'), LICENCE, t('卫生检测报告', 'Hygiene inspection report'), t('从业人员健康证明', "Staff health certificates")],
    12),
  service('svc-hr-licence', 'DX03', 'D', 'mod-single', t('人力资源服务许可', 'Human resources service licence'),
    t('从事职业中介活动的经营性人力资源服务机构须取得许可。受理后20个工作日内作出决定。', 'Agencies providing job placement services need a human resources service licence. A decision is made within 20 working days of acceptance.'),
    [t('人力资源服务许可申请书', 'HR service licence application'), LICENCE, t('专职工作人员的身份证明和学历证明', 'IDs and qualifications of full-time staff'), t('服务场所使用证明', 'Proof of the right to use the premises')],
    12),
  service('svc-road-transport', 'DX04', 'D', 'mod-single', t('道路运输经营许可', 'Road transport operating licence'),
    t('从事道路货物或旅客运输经营的，须取得道路运输经营许可。车辆须检测合格，驾驶人员须取得相应从业资格。', 'Operating road freight or passenger transport requires a road transport licence. Vehicles must have passed inspection and drivers must hold the relevant qualification.'),
    [t('道路运输经营申请表', 'Road transport application form'), t('车辆行驶证', 'Vehicle registration certificates'), t('驾驶人员从业资格证', "Drivers' qualification certificates"), t('安全生产管理制度', 'Safety management rules')],
    15),
  // 综合咨询 consultation (E)
  service('svc-policy-consult', 'ZX01', 'E', 'mod-consult', t('政策咨询', 'Policy consultation'),
    t('咨询办事指南、扶持政策和办理流程；能网上办理的，工作人员指导网上办理。咨询后需办理事项的，号码转到相应窗口，无需重新取号。', 'Ask about service guides, support policies and procedures; staff help you do online what can be done online. If you then need a service, your number is transferred to the right window: no new ticket.'),
    [t('无需材料，可携带相关文件便于咨询', 'Nothing required; bring related papers if you have them'), t('身份证（涉及个人业务时）', 'ID card (for personal matters)'), t('企业相关材料（涉及企业业务时）', 'Company documents (for company matters)')],
    5, ONE_STAGE),
  service('svc-assisted', 'ZX02', 'E', 'mod-consult', t('帮办代办', 'Assisted and proxy handling'),
    t('帮办人员帮助填写表格、预审材料，或代为办理，减少群众跑腿。委托他人办理的，请携带授权委托书。', 'Helpers fill in forms with you, pre-review your documents or handle the matter for you, so you need fewer trips. If someone acts for you, they bring a letter of authorisation.'),
    [ID_CARD, AUTHORISATION, t('所办事项需要的材料', 'The documents the service itself requires')],
    10, ONE_STAGE),
];

const byModule = (moduleId: string): string[] => services.filter((s) => s.moduleId === moduleId).map((s) => s.id);
const skills = (primary: string[], secondary: string[] = []) => [
  ...primary.map((serviceId) => ({ serviceId, tier: 1 })),
  ...secondary.map((serviceId) => ({ serviceId, tier: 2 })),
];
const [BUSINESS, INVEST, CONSTRUCT, SINGLE, CONSULT] = ['mod-business', 'mod-investment', 'mod-construction', 'mod-single', 'mod-consult'].map(byModule) as [
  string[], string[], string[], string[], string[],
];

/** Pooled windows (一窗多用): each zone's own services first, a neighbouring zone's as a second skill. */
const windows: DemoWindow[] = [
  ...[1, 2, 3, 4].map((n) => ({ id: `win-${n}`, number: n, zone: '商事登记', skills: skills(BUSINESS, SINGLE) })),
  ...[5, 6].map((n) => ({ id: `win-${n}`, number: n, zone: '企业投资项目', skills: skills(INVEST, CONSTRUCT) })),
  ...[7, 8].map((n) => ({ id: `win-${n}`, number: n, zone: '建设项目', skills: skills(CONSTRUCT, INVEST) })),
  ...[9, 10].map((n) => ({ id: `win-${n}`, number: n, zone: '单一事项', skills: skills(SINGLE, BUSINESS) })),
  // Consultation and pre-review, staffed by helpers: consultation first, then the services of every
  // module, of which a helper may take only the pre-review stage (acceptance is officers-only).
  ...[11, 12].map((n) => ({ id: `win-${n}`, number: n, zone: '综合咨询', skills: skills(CONSULT, [...BUSINESS, ...INVEST, ...CONSTRUCT, ...SINGLE]) })),
];

/**
 * wNN may sign in at window NN and its neighbours in the same zone. w01-w09 are officers of the
 * zone government; w10-w12 are the contractor's helpers, at the single-items windows (pre-review
 * there) and the consultation/pre-review windows, so every zone keeps an officer for acceptance.
 */
const NAMES = ['张敏', '李强', '王芳', '刘洋', '陈静', '杨帆', '赵磊', '黄婷', '周杰', '吴琳', '徐航', '孙悦'];
const FIRST_HELPER = 10;
const workers: DemoStaff[] = NAMES.map((name, i) => {
  const n = i + 1;
  const helper = n >= FIRST_HELPER;
  const zone = windows.find((w) => w.number === n)!.zone;
  return {
    id: `staff-w${String(n).padStart(2, '0')}`,
    username: `w${String(n).padStart(2, '0')}`,
    name,
    role: helper ? 'helper' : 'officer',
    organisationId: helper ? 'org-contractor' : 'org-gov',
    windowNumbers: windows.filter((w) => w.zone === zone && Math.abs(w.number - n) <= 1).map((w) => w.number),
  };
});

export interface DemoNotice {
  id: string;
  text: LocalizedText;
  active: boolean;
}

/** Notices for the lobby screens and kiosk. */
export const DEMO_NOTICES: DemoNotice[] = [
  {
    id: 'notice-peak',
    text: t('办事高峰期为上午9:30-11:00，建议错峰办理。', 'Peak hours are 9:30-11:00 in the morning; please come at another time if you can.'),
    active: true,
  },
  {
    id: 'notice-online',
    text: t('能网上办理的事项，可通过湖北政务服务网办理，少跑一趟。', 'Many services can be done online at the Hubei government services website, saving you a trip.'),
    active: true,
  },
];

/**
 * The demo hall. `notices` is carried beside the DemoHall fields so a seeder that knows about
 * notices can write them; a DemoHall without it is still a valid value.
 */
export const demoHall: DemoHall = {
  hall: {
    id: 'demo',
    name: t('东湖高新区政务服务大厅', 'East Lake Hi-tech Zone Government Service Hall'),
    timezone: 'Asia/Shanghai',
    waitTargetSeconds: 40 * 60,
    // Open around the clock, so the demo can be tried at any hour.
    openingHours: null,
    holidays: [],
    announcementTemplate: DEFAULT_ANNOUNCEMENT_TEMPLATE,
    announcementTemplateEn: DEFAULT_ANNOUNCEMENT_TEMPLATE_EN,
    ticketNotice: t('请留意叫号，过号请到咨询台重新取号', 'Please listen for your number; if you miss it, ask at the help desk'),
    followUpWorkingDays: 15,
  },
  organisations: [
    { id: 'org-gov', name: t('东湖高新区政务服务局', 'East Lake Hi-tech Zone Government Services Bureau'), kind: 'government' },
    { id: 'org-contractor', name: t('楚天政务服务有限公司', 'Chutian Government Services Co.'), kind: 'contractor' },
  ],
  modules: [
    { id: 'mod-business', name: t('商事登记', 'Business registration') },
    { id: 'mod-investment', name: t('企业投资项目', 'Enterprise investment projects') },
    { id: 'mod-construction', name: t('建设项目', 'Construction projects') },
    { id: 'mod-single', name: t('单一事项', 'Single items') },
    { id: 'mod-consult', name: t('综合咨询', 'Consultation') },
  ],
  services,
  windows,
  staff: [
    { id: 'staff-admin', username: 'admin', name: '系统管理员', role: 'admin', organisationId: 'org-gov', windowNumbers: [] },
    { id: 'staff-super', username: 'super', name: '大厅值班长', role: 'supervisor', organisationId: 'org-gov', windowNumbers: [] },
    ...workers,
  ],
  devices: [
    { id: 'dev-kiosk-1', kind: 'kiosk', name: '大厅取号机 1', printer: null, paperWidthMm: 80 },
    { id: 'dev-display-1', kind: 'display', name: '大厅主屏' },
    { id: 'dev-rating-1', kind: 'rating-pad', name: '1号窗口评价器', windowNumber: 1 },
  ],
  notices: DEMO_NOTICES,
};

/** The same value under the name the task brief uses. */
export const DEMO_HALL: DemoHall = demoHall;
