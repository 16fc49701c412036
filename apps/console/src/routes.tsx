// The console's pages and the nav. A new page (reports, staffing planner) adds one entry here
// and a folder under src/pages/. Pages drawing charts (recharts) are lazy-loaded, so the counter
// and the board do not download the charting library.
import type { ReactElement } from 'react';
import type { MessageKey } from './i18n';
import type { Capability } from './lib/roles';
import { CounterPage } from './pages/counter/counter-page';
import { BoardPage } from './pages/board/board-page';
import { AdminPage } from './pages/admin/admin-page';
import { LazyReportsPage } from './pages/reports/lazy-reports-page';
import { LazyPlannerPage } from './pages/planner/lazy-planner-page';

export interface PageRoute {
  /** Path under /console, e.g. "/counter"; sub-paths ("/admin/staff") belong to the same page. */
  path: string;
  label: MessageKey;
  capability: Capability;
  render(): ReactElement;
}

export const ROUTES: PageRoute[] = [
  { path: '/counter', label: 'nav.counter', capability: 'counter', render: () => <CounterPage /> },
  { path: '/board', label: 'nav.board', capability: 'board', render: () => <BoardPage /> },
  { path: '/admin', label: 'nav.admin', capability: 'admin', render: () => <AdminPage /> },
  // Reports are for whoever watches the hall: supervisors and administrators (the board capability).
  { path: '/reports', label: 'nav.reports', capability: 'board', render: () => <LazyReportsPage /> },
  // The staffing planner: supervisors and administrators (the board capability), as on the server.
  { path: '/planner', label: 'nav.planner', capability: 'board', render: () => <LazyPlannerPage /> },
];
