// SERVER_TIMING=1: each answer says how long the server worked on it, from the moment Express
// got the request to the moment the answer's head is written (`Server-Timing: app;dur=<ms>`).
// Benchmarks read it to tell the server's time from the network's and the client's. A write also
// says how much of it was waiting for its batch to start (`queue`: the batch running before it,
// and the flushes before it when the write pipeline was full or a refresh slice waited for a moment
// with no batch unflushed) and its own batch with its flush (`commit`); of `commit`, the rest of
// its batch until the COMMIT returned (`batch`: its own command and those after it) and the wait
// until it was durable (`flush`: a flush under way for an earlier batch, then the one that covers
// it); what is left of `commit` is the time from then to this answer (the publication of the
// batches before it, the broadcast and the answers before it). Of `flush`, the disk's own fsync
// that covered the batch, timed on the flush thread (`fsync`; the rest is the hand-over to that
// thread and back, and the flush before it); only when the
// flush runs on its own thread (not with WRITE_FLUSH_THREAD=0, where the COMMIT holds the fsync).
import type { RequestHandler } from 'express';

export const serverTiming: RequestHandler = (_req, res, next) => {
  const start = performance.now();
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: unknown[]) {
    if (!this.headersSent) {
      const write = this.locals.writeTiming as { queue: number; commit: number; batch: number; flush: number; fsync?: number } | undefined;
      const parts = [`app;dur=${(performance.now() - start).toFixed(3)}`];
      if (write) {
        parts.push(`queue;dur=${write.queue.toFixed(3)}`, `commit;dur=${write.commit.toFixed(3)}`);
        parts.push(`batch;dur=${write.batch.toFixed(3)}`, `flush;dur=${write.flush.toFixed(3)}`);
        if (write.fsync !== undefined) parts.push(`fsync;dur=${write.fsync.toFixed(3)}`);
      }
      this.setHeader('server-timing', parts.join(', '));
    }
    return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
  } as typeof res.writeHead;
  next();
};
