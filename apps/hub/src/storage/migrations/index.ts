// Numbered, append-only migrations: a new change is a new file, never an edit of an applied one.
import * as m001 from './001-init';
import * as m002 from './002-service-modules';
import * as m003 from './003-idempotency';

export const MIGRATIONS: ReadonlyArray<{ version: number; up: string }> = [
  { version: 1, up: m001.up },
  { version: 2, up: m002.up },
  { version: 3, up: m003.up },
];
