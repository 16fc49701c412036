// Shapes the server sends: hall config, queue snapshot, public ticket status.
import type { TicketTemplateSettings } from './ticket-slip';
import type { HallWindow, LocalizedText, Module, Notice, OpeningHours, RoutingPolicy, Service, Ticket, TicketStatus, StaffRole } from './domain';

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
  ticketTemplate?: TicketTemplateSettings;
  followUpWorkingDays?: number;
  routing?: RoutingPolicy;
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
