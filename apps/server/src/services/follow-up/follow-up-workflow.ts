// The 好差评 follow-up of a bad rating: assign -> call back -> rectify -> review -> close.
// Each step is recorded with its actor and time. A follow-up whose deadline (a local date, in
// working days of the hall calendar) has passed while it is not closed is overdue.
//
// Allowed steps (anything else is 409 invalid_transition and changes nothing):
//   assign     any status but closed; needs `assignee` (a staff member of the hall); open -> assigned
//   call_back  assigned | called_back -> called_back (a second call is allowed)
//   rectify    assigned | called_back -> rectified
//   review     rectified -> reviewed
//   close      reviewed -> closed, rectified
//              assigned | called_back -> closed, not rectified (e.g. the complaint was explained)
// Every step but assign needs a note (what the visitor said, what was changed, ...).
import { z } from 'zod';
import { FOLLOW_UP_ACTIONS, FOLLOW_UP_STATUSES, type FollowUpAction, type FollowUpList, type FollowUpView } from '@hallq/shared';
import type { Identity } from '../core';
import { AppError, notFound } from '../errors';
import { localTime } from '../clock';
import type { FollowUpRepo, FollowUpRow, FollowUpStatus, StepRow } from '../../storage/follow-up-repo';

export { FOLLOW_UP_ACTIONS, type FollowUpAction, type FollowUpView } from '@hallq/shared';

export const FollowUpStepBody = z
  .strictObject({
    action: z.enum(FOLLOW_UP_ACTIONS),
    note: z.string().trim().min(1).max(1000).optional(),
    assignee: z.string().min(1).max(64).optional(),
  })
  .refine((b) => b.action !== 'assign' || b.assignee !== undefined, { message: 'assign needs an assignee (staff id)', path: ['assignee'] })
  .refine((b) => b.action === 'assign' || b.note !== undefined, { message: 'this step needs a note', path: ['note'] });
export type FollowUpStepBody = z.infer<typeof FollowUpStepBody>;

export const FollowUpListQuery = z.object({
  status: z.enum(['all', 'active', 'overdue', ...FOLLOW_UP_STATUSES] as const).optional(),
});

const NEXT: Record<Exclude<FollowUpAction, 'assign'>, Partial<Record<FollowUpStatus, FollowUpStatus>>> = {
  call_back: { assigned: 'called_back', called_back: 'called_back' },
  rectify: { assigned: 'rectified', called_back: 'rectified' },
  review: { rectified: 'reviewed' },
  close: { reviewed: 'closed', assigned: 'closed', called_back: 'closed' },
};

/** Overdue: not closed and the local date is past the deadline. */
export function isOverdue(f: Pick<FollowUpRow, 'status' | 'deadline'>, now: number, timeZone: string): boolean {
  return f.status !== 'closed' && localTime(now, timeZone).date > f.deadline;
}

export function toView(f: FollowUpRow, steps: StepRow[], now: number, timeZone: string): FollowUpView {
  return {
    id: f.id,
    ticketId: f.ticket_id,
    ticketNumber: f.number,
    serviceId: f.service_id,
    windowNumber: f.window_number,
    staffId: f.staff_id,
    serviceDate: f.service_date,
    level: f.level,
    reason: f.reason,
    createdAt: new Date(f.created_at).toISOString(),
    deadline: f.deadline,
    status: f.status,
    assigneeId: f.assignee_id,
    closedAt: f.closed_at === null ? null : new Date(f.closed_at).toISOString(),
    rectified: f.rectified === null ? null : f.rectified === 1,
    overdue: isOverdue(f, now, timeZone),
    steps: steps.map((s) => ({ action: s.action, at: new Date(s.at).toISOString(), actorId: s.actor_id, assigneeId: s.assignee_id, note: s.note })),
  };
}

export interface StepInput {
  repo: FollowUpRepo;
  identity: Identity;
  now: number;
  timeZone: string;
  /** Is this id a staff member of the hall? */
  isStaff(staffId: string): boolean;
}

/** Records one step; call inside the command's transaction. */
export function addStep(input: StepInput, followUpId: string, body: FollowUpStepBody): FollowUpView {
  const { repo, identity, now } = input;
  const f = repo.get(followUpId);
  if (!f || f.hall_id !== identity.hallId) throw notFound('follow-up');
  const refuse = () =>
    new AppError('invalid_transition', `cannot ${body.action.replace('_', ' ')} a follow-up that is ${f.status.replace('_', ' ')}`, { status: f.status, action: body.action });
  let ok: boolean;
  if (body.action === 'assign') {
    if (f.status === 'closed') throw refuse();
    if (!input.isStaff(body.assignee!)) throw new AppError('validation_failed', 'the assignee is not a staff member of this hall', [{ path: ['assignee'], message: 'unknown staff' }]);
    ok = repo.update(f.id, f.status, { status: f.status === 'open' ? 'assigned' : f.status, assigneeId: body.assignee! });
  } else {
    const next = NEXT[body.action][f.status];
    if (!next) throw refuse();
    const closing = body.action === 'close';
    ok = repo.update(f.id, f.status, closing ? { status: next, closedAt: now, rectified: f.status === 'reviewed' } : { status: next });
  }
  if (!ok) throw refuse();
  const actorId = identity.kind === 'staff' ? identity.staff.id : identity.device.id;
  repo.addStep({ followUpId: f.id, hallId: f.hall_id, action: body.action, at: now, actorId, assigneeId: body.assignee ?? null, note: body.note ?? null });
  const after = repo.get(f.id)!;
  return toView(after, repo.steps([f.id]).get(f.id) ?? [], now, input.timeZone);
}

export function listFollowUps(repo: FollowUpRepo, hallId: string, status: z.infer<typeof FollowUpListQuery>['status'], now: number, timeZone: string): FollowUpList {
  const rows = repo.ofHall(hallId);
  const steps = repo.steps(rows.map((r) => r.id));
  const all = rows.map((r) => toView(r, steps.get(r.id) ?? [], now, timeZone));
  const keep = all.filter((f) =>
    status === undefined || status === 'all' ? true : status === 'active' ? f.status !== 'closed' : status === 'overdue' ? f.overdue : f.status === status,
  );
  return {
    followUps: keep,
    summary: {
      total: all.length,
      active: all.filter((f) => f.status !== 'closed').length,
      overdue: all.filter((f) => f.overdue).length,
      closed: all.filter((f) => f.status === 'closed').length,
      rectified: all.filter((f) => f.rectified === true).length,
    },
  };
}
