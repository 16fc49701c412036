// Numbered, append-only migrations: a new change is a new file, never an edit of an applied one.
import * as m001 from './001-init';

export const MIGRATIONS: ReadonlyArray<{ version: number; up: string }> = [{ version: 1, up: m001.up }];
