// What every admin change does besides itself: an audit row, a `config.changed` event and the
// hall's config marked changed for after the commit; and the 400 of a field that fails a rule zod
// cannot check.
import type { Tx } from '../storage/tx';
import { actorOf, audit, recordEvent, type Core, type Identity } from './core';
import { AppError } from './errors';

export type What = 'hall' | 'services' | 'windows' | 'staff' | 'devices';

export function changed(core: Core, tx: Tx, identity: Identity, hallId: string, what: What, action: string, target: string, details?: unknown): void {
  audit(core, hallId, actorOf(identity), action, target, details);
  recordEvent(core, tx, hallId, 'config.changed', actorOf(identity), { what });
  tx.touchConfig(hallId);
}

export const invalid = (path: string, message: string): AppError => new AppError('validation_failed', message, [{ path: [path], message }]);
