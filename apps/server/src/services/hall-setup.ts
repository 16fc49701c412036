// Creating a hall and its first admin: used by the demo seed and by the first start outside demo.
import { DEFAULT_ANNOUNCEMENT_TEMPLATE, DEFAULT_ANNOUNCEMENT_TEMPLATE_EN, DEFAULT_ROUTING_POLICY, HALL_VISITOR_DEFAULTS, type Hall, type StaffRole } from '@hallq/shared';
import type { Repos } from '../storage/repos';
import { hashPassword } from './auth-service';

export function defaultHall(id: string, name: Hall['name']): Hall {
  return {
    id,
    name,
    timezone: 'Asia/Shanghai',
    waitTargetSeconds: 2400,
    openingHours: null,
    holidays: [],
    announcementTemplate: DEFAULT_ANNOUNCEMENT_TEMPLATE,
    announcementTemplateEn: DEFAULT_ANNOUNCEMENT_TEMPLATE_EN,
    announcementRepeat: 2,
    announcementMaxLagSeconds: 15,
    ticketNotice: { zh: '请留意叫号，过号需重新取号', en: 'Please listen for your number' },
    followUpWorkingDays: 15,
    routing: { ...DEFAULT_ROUTING_POLICY },
    ...HALL_VISITOR_DEFAULTS,
  };
}

export function createStaff(
  repos: Repos,
  hallId: string,
  s: { id: string; username: string; name: string; role: StaffRole; organisationId: string; windowNumbers: number[]; password: string },
  /** A hash of `s.password` made by the caller (the demo seeder uses its own cost). */
  passwordHash?: string,
): void {
  repos.staff.put({
    id: s.id,
    hallId,
    username: s.username,
    name: s.name,
    role: s.role,
    organisationId: s.organisationId,
    windowNumbers: s.windowNumbers,
    active: true,
    passwordHash: passwordHash ?? hashPassword(s.password),
  });
}

/** First start outside demo mode: one hall and one admin with ADMIN_PASSWORD. */
export function bootstrapHall(repos: Repos, adminPassword: string): void {
  repos.halls.put(defaultHall('main', { zh: '政务服务大厅', en: 'Government Service Hall' }));
  repos.halls.putOrganisation('main', { id: 'gov', name: { zh: '政府', en: 'Government' }, kind: 'government' });
  createStaff(repos, 'main', {
    id: 'staff_admin',
    username: 'admin',
    name: 'Administrator',
    role: 'admin',
    organisationId: 'gov',
    windowNumbers: [],
    password: adminPassword,
  });
}
