// The wait range each hall last sent with its live estimates, per service. Kept in Redis beside
// the city sockets: a range is worth only its latest value (no history to keep), and every hub
// process reads the same. A hall that sends no range (an older hall) simply has none here: its
// services answer `estimatedWaitRange: null` and the pages show the single figure.
import type { WaitRange } from '@hallq/shared';
import type { LiveInfo } from './ingest-schema';

/** The few hash commands the ranges need (the hub's Redis client, or a map in unit tests). */
export interface RangeHashes {
  /** Sets `values` and removes `fields` in one hash, then gives the hash as it now stands (one round trip). */
  write(key: string, values: Record<string, string>, fields: string[]): Promise<Record<string, string>>;
  /** Each key's hash, in order (one round trip). */
  getAll(keys: string[]): Promise<Array<Record<string, string>>>;
}

export interface LiveRanges {
  /**
   * Records the ranges of one live push (a service sent without a range loses the one it had) and
   * gives the hall's ranges as they now stand, services not in this push included: what `read`
   * would answer next, without asking again.
   */
  put(hallId: string, services: LiveInfo['services']): Promise<Map<string, WaitRange>>;
  /** hallId -> serviceId -> range, for the halls asked for. */
  read(hallIds: readonly string[]): Promise<Map<string, Map<string, WaitRange>>>;
}

const encode = (r: WaitRange): string => `${r.lowSeconds},${r.highSeconds}`;

function decode(v: string): WaitRange | null {
  const [low, high] = v.split(',').map(Number);
  if (low === undefined || high === undefined || !Number.isInteger(low) || !Number.isInteger(high) || low < 0 || high < low) return null;
  return { lowSeconds: low, highSeconds: high };
}

/** serviceId -> range, skipping what cannot be read back as a range. */
function decodeHash(hash: Record<string, string>): Map<string, WaitRange> {
  const byService = new Map<string, WaitRange>();
  for (const [serviceId, v] of Object.entries(hash)) {
    const r = decode(v);
    if (r) byService.set(serviceId, r);
  }
  return byService;
}

export function liveRanges(hashes: RangeHashes, prefix: string): LiveRanges {
  const key = (hallId: string): string => `${prefix}:wait-ranges:${hallId}`;
  return {
    put: async (hallId, services) => {
      const set: Record<string, string> = {};
      const gone: string[] = [];
      for (const s of services) {
        if (s.estimatedWaitRange && s.estimatedWaitSeconds !== null) set[s.serviceId] = encode(s.estimatedWaitRange);
        else gone.push(s.serviceId);
      }
      return decodeHash(await hashes.write(key(hallId), set, gone));
    },
    read: async (hallIds) => {
      const out = new Map<string, Map<string, WaitRange>>();
      if (hallIds.length === 0) return out;
      const all = await hashes.getAll(hallIds.map(key));
      hallIds.forEach((hallId, i) => out.set(hallId, decodeHash(all[i] ?? {})));
      return out;
    },
  };
}

/** Hashes in memory: for tests, and a hub run without a shared store. */
export function memoryHashes(): RangeHashes {
  const m = new Map<string, Map<string, string>>();
  return {
    write: async (key, values, fields) => {
      const h = m.get(key) ?? new Map<string, string>();
      for (const [f, v] of Object.entries(values)) h.set(f, v);
      for (const f of fields) h.delete(f);
      m.set(key, h);
      return Object.fromEntries(h);
    },
    getAll: async (keys) => keys.map((k) => Object.fromEntries(m.get(k) ?? [])),
  };
}
