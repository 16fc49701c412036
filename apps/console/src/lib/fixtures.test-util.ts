// Small hall fixtures for the unit tests.
import type { HallConfig, PublicTicket, Service, WindowView } from '@hallq/shared';

export function service(id: string, over: Partial<Service> = {}): Service {
  return {
    id, code: id, prefix: id.slice(0, 1).toUpperCase(), name: { zh: id, en: id }, moduleId: 'm', guide: { zh: '', en: '' },
    documents: [], stages: [{ name: { zh: '预审', en: 'Pre-review' }, officersOnly: false }, { name: { zh: '受理', en: 'Acceptance' }, officersOnly: true }],
    dailyQuota: null, openingHours: null, waitTargetSeconds: null, expectedServiceSeconds: 300, active: true, closedOn: null, ...over,
  };
}

export function config(services: Service[], waitTargetSeconds = 600): HallConfig {
  return { id: 'h', name: { zh: '大厅', en: 'Hall' }, timezone: 'Asia/Shanghai', waitTargetSeconds, announcementTemplate: '', announcementTemplateEn: '', announcementRepeat: 1, modules: [], services, windows: [] };
}

export function ticket(id: string, serviceId: string, issuedAt: string, over: Partial<PublicTicket> = {}): PublicTicket {
  return {
    id, number: id.toUpperCase(), serviceId, stage: 0, status: 'waiting', priority: false, appointmentCode: null, appointmentAt: null, lang: 'zh',
    issuedAt, serviceDate: issuedAt.slice(0, 10), calledAt: null, startedAt: null, finishedAt: null, windowId: null, windowNumber: null, staffId: null,
    peopleAhead: null, estimatedWaitSeconds: null, ...over,
  };
}

export function windowView(id: string, number: number, over: Partial<WindowView> = {}): WindowView {
  return { id, number, zone: '', state: 'open', staffId: null, pauseReason: null, skills: [], current: null, ...over };
}
