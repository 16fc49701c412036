// Shapes the server sends: hall config, queue snapshot, public ticket status.
import type { NoShowRule, HallWindow, LocalizedText, Module, Notice, OpeningHours, RoutingPolicy, Service, Ticket, TicketStatus, StaffRole } from './domain';

/** A ticket as kiosks and displays see it: never carries `publicId`. */
export type PublicTicket = Omit<Ticket, 'publicId' | 'statusUrl'>;

export interface HallConfig {
  id: string;
  name: LocalizedText;
  timezone: string;
  waitTargetSeconds: number;
  announcementTemplate: string;
  announcementTemplateEn: string;
  announcementRepeat: number;
  openingHours?: OpeningHours;
  holidays?: string[];
  ticketNotice?: LocalizedText;
  followUpWorkingDays?: number;
  routing?: RoutingPolicy;
  noShowGraceSeconds?: number;
  noShowRule?: NoShowRule;
  kioskTicketScreenSeconds?: number;
  remoteGraceMinutes?: number;
  arrivalCodeRequired?: boolean;
  modules: Module[];
  services: Service[];
  windows: HallWindow[];
}

export interface CurrentTicketView {
  ticketId: string;
  number: string;
  serviceId: string;
  stage: number;
  status: 'called' | 'serving';
  calledAt: string;
  startedAt: string | null;
}

export interface WindowView {
  id: string;
  number: number;
  zone: string;
  state: HallWindow['state'];
  staffId: string | null;
  pauseReason: string | null;
  skills: HallWindow['skills'];
  current: CurrentTicketView | null;
}

export interface CallView {
  ticketId: string;
  number: string;
  serviceId: string;
  windowId: string;
  windowNumber: number;
  recall: boolean;
  at: string;
  seq: number;
}

export interface ServiceQueueView {
  serviceId: string;
  waiting: number;
  longestWaitSeconds: number;
  /** Estimated wait of a ticket taken now; null when no open window can serve it. */
  estimatedWaitSeconds: number | null;
}

export interface QueueSnapshot {
  seq: number;
  hallId: string;
  at: string;
  waiting: PublicTicket[];
  windows: WindowView[];
  recentCalls: CallView[];
  services: ServiceQueueView[];
  notices: Notice[];
}

export interface PublicTicketStatus {
  number: string;
  serviceId: string;
  serviceName: LocalizedText;
  status: TicketStatus;
  issuedAt: string;
  peopleAhead: number | null;
  estimatedWaitSeconds: number | null;
  windowNumber: number | null;
  calledAt: string | null;
  canCancel: boolean;
  canRate: boolean;
  rating: number | null;
  hallName: LocalizedText;
  /**
   * While called: until when the window holds the number (the call plus the hall's no-show grace
   * time; a recall may end it sooner). Null otherwise.
   */
  heldUntil: string | null;
  /** The last recall of the current call (the phone alerts again); null when not recalled. */
  recalledAt: string | null;
  /** The hall's rule for a visitor who missed the call. */
  noShowRule: NoShowRule;
  /** A no-show ticket may still go back to the queue (once, at the back): `POST .../requeue`. */
  canRequeue: boolean;
  /** The ticket went back to the queue after a no-show (it has used its one chance). */
  requeued: boolean;
  /** Set when the ticket waits again after a transfer: where it came from. */
  transferredFrom: { serviceId: string; serviceName: LocalizedText; stage: number } | null;
  /** The stage it waits for (0 = first), with its name when the service has stages. */
  stage: number;
  stageName: LocalizedText | null;
  /** Remote queue: whether the holder has arrived, and until when a passed-over ticket is kept. */
  remote?: boolean;
  arrived?: boolean;
  expiresAt?: string | null;
  hallId?: string;
}

export interface LoginResult {
  token: string;
  staff: { id: string; name: string; role: StaffRole };
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
