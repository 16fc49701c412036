// SERVER_TIMING=1: each answer says how long the server worked on it, from the moment Express
// got the request to the moment the answer's head is written (`Server-Timing: app;dur=<ms>`).
// Benchmarks read it to tell the server's time from the network's and the client's. A write also
// says how much of it was waiting for its batch to start (`queue`: the batch before it, with its
// disk flush) and its own batch with its flush (`commit`).
import type { RequestHandler } from 'express';

export const serverTiming: RequestHandler = (_req, res, next) => {
  const start = performance.now();
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: unknown[]) {
    if (!this.headersSent) {
      const write = this.locals.writeTiming as { queue: number; commit: number } | undefined;
      const parts = [`app;dur=${(performance.now() - start).toFixed(3)}`];
      if (write) parts.push(`queue;dur=${write.queue.toFixed(3)}`, `commit;dur=${write.commit.toFixed(3)}`);
      this.setHeader('server-timing', parts.join(', '));
    }
    return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
  } as typeof res.writeHead;
  next();
};
