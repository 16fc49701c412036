// The public hall page's answer (GET /public/halls/:hallId): what a visitor at home needs to decide
// whether and when to come. Nothing about staff or devices. Typed once for the server and the page.
import type { LocalizedText, Module, OpeningHours } from '../domain';
import type { ServiceClosedReason } from '../views';
import type { WaitRange } from '../domain';

export interface PublicHallService {
  id: string;
  code: string;
  name: LocalizedText;
  moduleId: string;
  guide: LocalizedText;
  documents: LocalizedText[];
  acceptingTickets: boolean;
  closedReason?: ServiceClosedReason;
  waiting: number;
  estimatedWaitSeconds: number | null;
  /** Where the call of a ticket taken now most likely falls; null when there is no range. */
  estimatedWaitRange?: WaitRange | null;
  bookable: boolean;
  /** Open to the remote queue now, with places left today. */
  remote: boolean;
  openingHours: OpeningHours;
}

export interface PublicHall {
  id: string;
  name: LocalizedText;
  timezone: string;
  arrivalCodeRequired: boolean;
  openingHours: OpeningHours;
  /** Today's local date and whether the hall is open now. */
  today: string;
  openNow: boolean;
  holidays: string[];
  notices: LocalizedText[];
  services: PublicHallService[];
  modules: Module[];
}
