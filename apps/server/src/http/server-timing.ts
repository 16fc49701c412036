// SERVER_TIMING=1: each answer says how long the server worked on it, from the moment Express
// got the request to the moment the answer's head is written (`Server-Timing: app;dur=<ms>`).
// Benchmarks read it to tell the server's time from the network's and the client's.
import type { RequestHandler } from 'express';

export const serverTiming: RequestHandler = (_req, res, next) => {
  const start = performance.now();
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: unknown[]) {
    if (!this.headersSent) this.setHeader('server-timing', `app;dur=${(performance.now() - start).toFixed(3)}`);
    return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
  } as typeof res.writeHead;
  next();
};
