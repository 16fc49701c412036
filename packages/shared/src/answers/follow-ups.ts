// The 好差评 follow-up of a bad rating as the API answers it (GET /halls/:hallId/follow-ups,
// POST /follow-ups/:id/steps), defined once for the server and the console.

export const FOLLOW_UP_STATUSES = ['open', 'assigned', 'called_back', 'rectified', 'reviewed', 'closed'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_ACTIONS = ['assign', 'call_back', 'rectify', 'review', 'close'] as const;
export type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number];

export interface FollowUpStep {
  action: string;
  at: string;
  actorId: string | null;
  assigneeId: string | null;
  note: string | null;
}

export interface FollowUpView {
  id: string;
  ticketId: string;
  ticketNumber: string;
  serviceId: string;
  windowNumber: number | null;
  staffId: string | null;
  serviceDate: string;
  level: number;
  reason: string;
  createdAt: string;
  /** Last local date (hall timezone) to close it on. */
  deadline: string;
  status: FollowUpStatus;
  assigneeId: string | null;
  closedAt: string | null;
  /** Closed after a reviewed rectification; null while open. */
  rectified: boolean | null;
  overdue: boolean;
  steps: FollowUpStep[];
}

export interface FollowUpSummary {
  total: number;
  active: number;
  overdue: number;
  closed: number;
  rectified: number;
}

/** The answer of GET /halls/:hallId/follow-ups. */
export interface FollowUpList {
  followUps: FollowUpView[];
  summary: FollowUpSummary;
}
