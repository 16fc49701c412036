// All repositories over one database handle.
import { AppointmentRepo } from './appointment-repo';
import type { Db } from './db';
import { DemoHistoryRepo } from './demo-history-repo';
import { DeviceRepo } from './device-repo';
import { FollowUpRepo } from './follow-up-repo';
import { HallRepo } from './hall-repo';
import { HistoryRepo } from './history-repo';
import { LogRepo } from './log-repo';
import { PushRepo } from './push-repo';
import { ServiceRepo } from './service-repo';
import { StaffRepo } from './staff-repo';
import { TicketPathRepo } from './ticket-path-repo';
import { TicketRepo } from './ticket-repo';
import { WindowRepo } from './window-repo';

export interface Repos {
  halls: HallRepo;
  services: ServiceRepo;
  windows: WindowRepo;
  staff: StaffRepo;
  devices: DeviceRepo;
  tickets: TicketRepo;
  ticketPath: TicketPathRepo;
  log: LogRepo;
  appointments: AppointmentRepo;
  followUps: FollowUpRepo;
  /** Web Push subscriptions of visitors' phones. */
  push: PushRepo;
  /** Reads for statistics, reports and planning. */
  history: HistoryRepo;
  demoHistory: DemoHistoryRepo;
}

export function createRepos(db: Db): Repos {
  return {
    halls: new HallRepo(db),
    services: new ServiceRepo(db),
    windows: new WindowRepo(db),
    staff: new StaffRepo(db),
    devices: new DeviceRepo(db),
    tickets: new TicketRepo(db),
    ticketPath: new TicketPathRepo(db),
    log: new LogRepo(db),
    appointments: new AppointmentRepo(db),
    followUps: new FollowUpRepo(db),
    push: new PushRepo(db),
    history: new HistoryRepo(db),
    demoHistory: new DemoHistoryRepo(db),
  };
}
