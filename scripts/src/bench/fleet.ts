// The fan-out fleet, spread over child processes so that the clients' work (parsing frames,
// timers) does not slow the process that measures, nor share an event loop with it.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const machineClock = (): number => performance.timeOrigin + performance.now();

type Reply = { ready: true } | { key: string; arrivals: number[] } | { error: string };

export class Fleet {
  private constructor(private readonly children: ChildProcess[]) {}

  static async connect(url: string, clients: number, token: string | null, resume: boolean, processes = 4): Promise<Fleet> {
    const children: ChildProcess[] = [];
    const per = Math.ceil(clients / processes);
    for (let left = clients; left > 0; left -= per) {
      const child = fork(path.join(__dirname, 'clients', 'socket-fleet.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        child.once('message', (m: Reply) => ('error' in m ? reject(new Error(m.error)) : resolve()));
        child.send({ url, count: Math.min(per, left), token, resume });
      });
    }
    return new Fleet(children);
  }

  /** When the event of `key` (a ticket's id for its `ticket.called`, `cancelled:<id>` for its `ticket.cancelled`) reached each client, in ms since `t0` (machine-wide clock). */
  async collect(key: string, t0: number, count: number): Promise<number[]> {
    const parts = await Promise.all(
      this.children.map(
        (child) =>
          new Promise<number[]>((resolve) => {
            const onMessage = (m: Reply): void => {
              if ('key' in m && m.key === key) {
                child.off('message', onMessage);
                resolve(m.arrivals);
              }
            };
            child.on('message', onMessage);
            child.send({ collect: key, count: this.share(child, count) });
          }),
      ),
    );
    const all = parts.flat();
    if (all.length < count) throw new Error(`event ${key} reached ${all.length}/${count} clients`);
    return all.map((t) => Math.max(0, t - t0));
  }

  private share(child: ChildProcess, count: number): number {
    const per = Math.ceil(count / this.children.length);
    const i = this.children.indexOf(child);
    return Math.min(per, count - per * i);
  }

  close(): void {
    for (const c of this.children) c.send({ close: true });
  }
}
