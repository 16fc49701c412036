// Read models built from the mirror: hall config, queue snapshot, window views.
import { DEFAULT_REMOTE_GRACE_MINUTES } from '@hallq/shared';
import type { HallConfig, QueueSnapshot, WindowView } from '@hallq/shared';
import type { TicketRepo } from '../storage/ticket-repo';
import type { StoredWindow } from '../storage/window-repo';
import { catchUpEstimates, liveEstimate, serviceViews } from './estimates';
import type { HallMirror } from './hall-mirror';
import type { IssuedCount } from './service-availability';
import { toPublicTicket, toWindowView } from './ticket-view';

export function hallConfig(m: HallMirror): HallConfig {
  return {
    id: m.hall.id,
    name: m.hall.name,
    timezone: m.hall.timezone,
    waitTargetSeconds: m.hall.waitTargetSeconds,
    announcementTemplate: m.hall.announcementTemplate,
    announcementTemplateEn: m.hall.announcementTemplateEn,
    announcementRepeat: m.hall.announcementRepeat,
    announcementMaxLagSeconds: m.hall.announcementMaxLagSeconds ?? 15,
    openingHours: m.hall.openingHours,
    holidays: m.hall.holidays,
    ...(m.hall.makeUpWorkdays ? { makeUpWorkdays: m.hall.makeUpWorkdays } : {}),
    ticketNotice: m.hall.ticketNotice,
    ...(m.hall.ticketTemplate ? { ticketTemplate: m.hall.ticketTemplate } : {}),
    followUpWorkingDays: m.hall.followUpWorkingDays,
    routing: m.hall.routing,
    noShowGraceSeconds: m.hall.noShowGraceSeconds,
    noShowRule: m.hall.noShowRule,
    kioskTicketScreenSeconds: m.hall.kioskTicketScreenSeconds,
    remoteGraceMinutes: m.hall.remoteGraceMinutes ?? DEFAULT_REMOTE_GRACE_MINUTES,
    arrivalCodeRequired: m.hall.arrivalCodeRequired ?? true,
    modules: m.modules,
    services: [...m.services.values()].map(({ hallId: _h, learnedServiceSeconds: _l, learnedNoShowShare: _n, ...s }) => s),
    windows: [...m.windows.values()].map((w) => ({
      id: w.id,
      number: w.number,
      zone: w.zone,
      state: w.state,
      skills: w.skills,
      staffId: w.staffId,
      pauseReason: w.pauseReason,
    })),
  };
}

export function windowView(m: HallMirror, w: StoredWindow): WindowView {
  return toWindowView(w, w.currentTicketId ? m.atWindows.get(w.currentTicketId) : undefined);
}

/**
 * The full live state; carries no publicId, so it is safe for every device. The waiting tickets
 * are read from SQLite (the mirror keeps only their routing fields); the mirror holds exactly
 * the committed state, so the two agree.
 */
export function queueSnapshot(m: HallMirror, tickets: Pick<TicketRepo, 'waitingTickets'>, now: number, issuedCount?: IssuedCount): QueueSnapshot {
  if (!m.estimatesFresh) catchUpEstimates(m, now);
  const waiting = tickets.waitingTickets(m.hall.id).map((t) => toPublicTicket(t, liveEstimate(m, t)));
  return {
    seq: m.seq,
    hallId: m.hall.id,
    at: new Date(now).toISOString(),
    waiting,
    windows: [...m.windows.values()].map((w) => windowView(m, w)),
    recentCalls: [...m.recentCalls],
    services: serviceViews(m, now, issuedCount),
    notices: m.notices.filter((n) => n.active),
  };
}
