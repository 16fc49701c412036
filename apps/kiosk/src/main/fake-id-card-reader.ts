// A fake ID card reader speaking the local-HTTP protocol (docs/id-card-reader.md), for tests and
// demos without the hardware: put a card on it, take it off, and see how often it was asked.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCard {
  name: string;
  idNumber: string;
  address?: string;
}

export class FakeIdCardReader {
  card: FakeCard | null = null;
  requests = 0;
  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeIdCardReader> {
    let reader: FakeIdCardReader | null = null;
    const server = http.createServer((req, res) => {
      if (!reader || req.method !== 'GET' || req.url !== '/card') {
        res.writeHead(404).end();
        return;
      }
      reader.requests++;
      // A real reader answers with every field on the card; the adapter must keep only the name.
      const body = reader.card ? { present: true, name: reader.card.name, idNumber: reader.card.idNumber, address: reader.card.address ?? '' } : { present: false };
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
    reader = new FakeIdCardReader(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return reader;
  }

  close(): Promise<void> {
    return new Promise((ok) => this.server.close(() => ok()));
  }
}
