import type { TicketPrintData } from './types';

/** A realistic ticket for the admin's template preview, the demo and tests. */
export function sampleTicket(overrides: Partial<TicketPrintData> = {}): TicketPrintData {
  return {
    hallName: '市民中心政务服务大厅',
    number: 'A007',
    serviceName: { zh: '不动产登记', en: 'Real estate registration' },
    peopleAhead: 3,
    estimatedWaitSeconds: 720,
    issuedAtLocal: '2025-11-25 09:30',
    statusUrl: 'http://192.168.1.10:3000/t/q8Zk3vS0cXw2LrT9mB4nYA',
    ...overrides,
  };
}
