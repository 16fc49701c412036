// Online backups of the hall database with SQLite's backup API: the server keeps answering while
// the copy is made, and the copy is a consistent snapshot (every committed transaction up to the
// moment it was taken, nothing half-written). Files are written under a temporary name and renamed,
// so a backup directory never holds a partial file under a backup's name.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Db } from '../storage/db';

export const DATABASE_FILE = 'hallq.sqlite';
const PREFIX = 'hallq-';
const SUFFIX = '.sqlite';

/** `hallq-20260105T020000123Z.sqlite`: sorts by time as text. */
export function backupFileName(at: Date): string {
  return `${PREFIX}${at.toISOString().replace(/[-:.]/g, '')}${SUFFIX}`;
}

/** Copies `db` into `dir` while it stays in use; resolves with the new file's path. */
export async function backupDatabase(db: Db, dir: string, at: Date = new Date()): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  let file = path.join(dir, backupFileName(at));
  for (let n = 1; fs.existsSync(file); n++) file = path.join(dir, backupFileName(at).replace(SUFFIX, `-${n}${SUFFIX}`));
  const partial = `${file}.partial`;
  await db.backup(partial);
  // The copy must open and pass an integrity check before it counts as a backup.
  const check = new Database(partial, { readonly: true, fileMustExist: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`backup ${partial} failed its integrity check: ${String(result)}`);
  } finally {
    check.close();
  }
  fs.renameSync(partial, file);
  return file;
}

/** Backup files in `dir`, oldest first. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(PREFIX) && f.endsWith(SUFFIX))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Deletes all but the newest `keep` backups; returns the deleted paths. */
export function pruneBackups(dir: string, keep: number): string[] {
  const all = listBackups(dir);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const f of old) fs.rmSync(f, { force: true });
  return old;
}

/** Backs up on a schedule; a failed backup is logged and retried at the next tick. */
export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<string | null> | null = null;

  constructor(
    private readonly db: Db,
    private readonly options: { intervalMinutes: number; dir: string; keep: number },
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.options.intervalMinutes <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMinutes * 60 * 1000);
    this.timer.unref();
  }

  /** One backup now (skipped while another is running). */
  runOnce(): Promise<string | null> {
    if (this.running) return this.running;
    this.running = backupDatabase(this.db, this.options.dir)
      .then((file) => {
        const pruned = pruneBackups(this.options.dir, this.options.keep);
        this.logger.info({ file, pruned: pruned.length }, 'database backed up');
        return file;
      })
      .catch((err: unknown) => {
        this.logger.error({ err }, 'database backup failed');
        return null;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Stops the schedule and waits for a backup in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.running) await this.running;
  }
}
