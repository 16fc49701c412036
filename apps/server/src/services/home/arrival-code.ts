// The arrival code the hall's displays show: 4 digits that change every few minutes, derived from
// a secret kept in the data folder, so only someone standing in the hall knows the current one.
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const ARRIVAL_CODE_PERIOD_MS = 5 * 60_000;

export class ArrivalCodes {
  constructor(private readonly secret: Buffer) {}

  /** Reads the hall server's secret from the data folder, creating it on first start. */
  static inDataDir(dataDir: string): ArrivalCodes {
    const file = path.join(dataDir, 'arrival-code.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    }
    return new ArrivalCodes(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex'));
  }

  private codeOf(hallId: string, period: number): string {
    const mac = createHmac('sha256', this.secret).update(`${hallId}:${period}`).digest();
    return String(mac.readUInt32BE(0) % 10000).padStart(4, '0');
  }

  current(hallId: string, now: number): { code: string; validUntil: string } {
    const period = Math.floor(now / ARRIVAL_CODE_PERIOD_MS);
    return { code: this.codeOf(hallId, period), validUntil: new Date((period + 1) * ARRIVAL_CODE_PERIOD_MS).toISOString() };
  }

  /** The code shown now, or the one shown just before (a visitor may read it as it changes). */
  verify(hallId: string, code: string, now: number): boolean {
    const period = Math.floor(now / ARRIVAL_CODE_PERIOD_MS);
    return code === this.codeOf(hallId, period) || code === this.codeOf(hallId, period - 1);
  }
}
