// Flushes the write-ahead log to disk on a thread of its own, so the event loop keeps serving
// while the disk works. The command queue commits a batch without waiting for the disk
// (`synchronous=NORMAL` for that one COMMIT: its pages are in the WAL file, not yet flushed) and
// answers nobody until `sync()` has resolved: an fsync of the WAL file started after the COMMIT
// returned covers every page that COMMIT wrote, so an answered change survives a power cut exactly
// as with `synchronous=FULL`. The thread is started at the first sync and holds the WAL file open.
import { Worker } from 'node:worker_threads';

/** Makes what has been committed so far durable. */
export interface Durability {
  /**
   * Resolves once everything committed before the call is on disk; rejects if it may not be.
   * May resolve with how long (ms) the disk itself took (the fsync alone, without the hand-over
   * to the thread and back), which Server-Timing reports as `fsync`.
   */
  sync(): Promise<number | void>;
  close(): Promise<void>;
}

// Plain JavaScript (evaluated), so it runs the same from the compiled server and under the tests.
const THREAD = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
let fd = -1;
let file = '';
function open(walFile) {
  if (fd >= 0 && file === walFile && fs.fstatSync(fd).nlink > 0) return fd;
  if (fd >= 0) fs.closeSync(fd);
  fd = -1;
  const opened = fs.openSync(walFile, 'r');
  // The WAL's directory entry too, the first time: a new file is durable only once it is named.
  const dir = fs.openSync(path.dirname(walFile), 'r');
  try { fs.fsyncSync(dir); } finally { fs.closeSync(dir); }
  fd = opened;
  file = walFile;
  return fd;
}
parentPort.on('message', (m) => {
  try {
    const walFd = open(m.file);
    const start = process.hrtime.bigint();
    fs.fsyncSync(walFd);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    parentPort.postMessage({ id: m.id, ms });
  } catch (error) {
    parentPort.postMessage({ id: m.id, error: String(error && error.message ? error.message : error) });
  }
});
`;

// Checkpoints (copying the WAL into the database file, two fsyncs) on a second thread with a
// connection of its own, which WAL mode allows beside the writer: SQLite would otherwise run them
// inside a COMMIT on the event loop every thousand pages.
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = FULL');
db.pragma('wal_autocheckpoint = 0');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); }
  catch (error) { parentPort.postMessage({ error: String(error && error.message ? error.message : error) }); }
}, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** How often the checkpoint thread copies the WAL into the database (a passive checkpoint). */
export const CHECKPOINT_EVERY_MS = 500;

interface Waiting {
  resolve: (fsyncMs: number) => void;
  reject: (error: Error) => void;
}

export class WalSyncThread implements Durability {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private broken: Error | null = null;
  /** How many fsyncs this thread has done (tests check the commits go through it). */
  syncs = 0;

  private checkpointer: Worker | null = null;
  private readonly walFile: string;

  /**
   * `db`: the connection whose commits are flushed. From the first flush on, its checkpoints are
   * left to a thread of their own (`wal_autocheckpoint = 0` on this connection).
   */
  constructor(
    private readonly db: { name: string; pragma(source: string): unknown },
    private readonly onCheckpointError: (error: Error) => void = () => undefined,
  ) {
    this.walFile = `${db.name}-wal`;
  }

  /** Resolves with the fsync's own duration (ms), measured on the flush thread. */
  sync(): Promise<number> {
    if (this.broken) return Promise.reject(this.broken);
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<number>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, file: this.walFile });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(THREAD, { eval: true, name: 'hallq-wal-sync' });
    worker.on('message', (m: { id: number; ms?: number; error?: string }) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (this.waiting.size === 0) worker.unref();
      if (m.error === undefined) {
        this.syncs++;
        w.resolve(m.ms ?? 0);
      } else {
        // After a failed fsync the kernel may have dropped the pages: nothing later can be trusted.
        this.breakWith(new Error(`flushing the database to disk failed: ${m.error}`));
        w.reject(this.broken!);
      }
    });
    worker.on('error', (error) => this.breakWith(error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.breakWith(new Error(`the disk flush thread stopped (exit code ${code})`));
    });
    worker.unref();
    this.worker = worker;
    this.startCheckpoints();
    return worker;
  }

  private startCheckpoints(): void {
    const checkpointer = new Worker(CHECKPOINTER, {
      eval: true,
      name: 'hallq-checkpoint',
      workerData: { sqlite: require.resolve('better-sqlite3'), file: this.db.name, everyMs: CHECKPOINT_EVERY_MS },
    });
    checkpointer.on('message', (m: { error?: string }) => {
      if (m.error !== undefined) this.onCheckpointError(new Error(`checkpoint: ${m.error}`));
    });
    checkpointer.on('error', (error) => {
      // The WAL keeps growing until a checkpoint runs: let this connection do them again.
      this.checkpointOnCommit();
      this.onCheckpointError(error instanceof Error ? error : new Error(String(error)));
    });
    checkpointer.on('exit', () => {
      if (this.checkpointer === checkpointer) this.checkpointer = null;
    });
    checkpointer.unref();
    this.checkpointer = checkpointer;
    this.db.pragma('wal_autocheckpoint = 0');
  }

  /** SQLite's default: the writer checkpoints in its COMMIT once the WAL has 1,000 pages. */
  private checkpointOnCommit(): void {
    try {
      this.db.pragma('wal_autocheckpoint = 1000');
    } catch {
      // Closed already: nothing will be written any more.
    }
  }

  private breakWith(error: Error): void {
    this.broken ??= error;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of waiting) w.reject(this.broken);
  }

  async close(): Promise<void> {
    const checkpointer = this.checkpointer;
    this.checkpointer = null;
    if (checkpointer) {
      const exited = new Promise((resolve) => checkpointer.once('exit', resolve));
      checkpointer.postMessage('close');
      await exited;
      this.checkpointOnCommit();
    }
    const worker = this.worker;
    this.worker = null;
    this.broken ??= new Error('the disk flush thread is closed');
    if (worker) await worker.terminate();
    this.breakWith(this.broken);
  }
}
