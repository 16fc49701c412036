// `npm run backup`: an online backup of the hall database into BACKUP_DIR (default
// <QUEUE_DATA_DIR>/backups), safe while the server runs. Prints the new file's path.
// Usage: node dist/backup-cli.js [--out <dir>]
import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { DATABASE_FILE, backupDatabase, pruneBackups } from './backup/backup';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig();
  const outFlag = process.argv.indexOf('--out');
  const dir = outFlag > 0 && process.argv[outFlag + 1] ? path.resolve(process.argv[outFlag + 1]!) : config.backup.dir;
  const source = path.join(config.dataDir, DATABASE_FILE);
  if (!fs.existsSync(source)) throw new Error(`no database at ${source} (set QUEUE_DATA_DIR)`);
  // Read-only: the backup never writes to the live database; the running server may keep writing.
  const db = new Database(source, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    const file = await backupDatabase(db, dir);
    pruneBackups(dir, config.backup.keep);
    console.log(file);
  } finally {
    db.close();
  }
}

main().catch((error: unknown) => {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
