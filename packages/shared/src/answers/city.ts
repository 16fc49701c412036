// The city hub's "which hall now" answer (GET /hub/halls): one hall's live figures against its
// target. Typed once for the hub, its city dashboard and the citizens' page.
import type { WaitRange } from '../domain';
export interface ServiceNow {
  id: string;
  name: { zh?: string; en?: string };
  waiting: number;
  estimatedWaitSeconds: number | null;
  /** Where a newcomer's call most likely falls, as the hall last sent it; absent or null when the
   * hall sent none (older halls send none): pages then show the single figure. */
  estimatedWaitRange?: WaitRange | null;
}

export interface HallNow {
  id: string;
  name: string;
  district: string | null;
  location: { lat: number; lng: number } | null;
  online: boolean;
  lastEventAt: string | null;
  lastContactAt: string | null;
  ackSeq: number;
  waiting: number;
  waitTargetSeconds: number;
  /** The hall's own public page (remote queue), when the hall told the hub where it is reached. */
  publicPageUrl: string | null;
  services: ServiceNow[];
}
