// Numbered, append-only migrations. Never edit a released one: add the next number.
import { sql as m001 } from './001-init';
import { sql as m002 } from './002-appointments';
import { sql as m003 } from './003-follow-up-steps';
import { sql as m010 } from './010-visitor-path';
import { sql as m030 } from './030-demo-history';
import { sql as m050 } from './050-visitors-from-home';
import { sql as m070 } from './070-device-presence';
import { sql as m080 } from './080-estimate-learning';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '001-init', sql: m001 },
  { version: 2, name: '002-appointments', sql: m002 },
  { version: 3, name: '003-follow-up-steps', sql: m003 },
  { version: 10, name: '010-visitor-path', sql: m010 },
  { version: 30, name: '030-demo-history', sql: m030 },
  { version: 50, name: '050-visitors-from-home', sql: m050 },
  { version: 70, name: '070-device-presence', sql: m070 },
  { version: 80, name: '080-estimate-learning', sql: m080 },
];
