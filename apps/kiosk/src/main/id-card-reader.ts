// The ID card (二代身份证) reader as an adapter. Most readers ship a small service that answers on
// a local port; this adapter speaks the local-HTTP protocol described in docs/id-card-reader.md:
//   GET <reader>/card  ->  200 {"present": false}
//                      ->  200 {"present": true, "name": "张三", ...other fields}
// Only the name is kept, and only to pre-fill a booking check-in on screen: the ID number, photo,
// address and every other field are dropped here, in the main process, and never reach the page,
// the server, a log or the disk.
import { z } from 'zod';

export interface IdCardName {
  name: string;
}

const CardAnswer = z.union([
  z.object({ present: z.literal(false) }),
  z.object({ present: z.literal(true), name: z.string().trim().min(1).max(64) }),
]);

export type Fetch = (url: string, init: { signal: AbortSignal }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export class IdCardReaderError extends Error {}

/** Reads the card on the reader now: its holder's name, or null when no card is there. */
export async function readIdCardName(readerUrl: string, fetchImpl: Fetch = fetch as unknown as Fetch, timeoutMs = 3000): Promise<IdCardName | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetchImpl(`${readerUrl.replace(/\/+$/, '')}/card`, { signal: controller.signal });
    if (!res.ok) throw new IdCardReaderError(`the ID card reader answered ${res.status}`);
    const parsed = CardAnswer.safeParse(await res.json());
    if (!parsed.success) throw new IdCardReaderError('the ID card reader answered something this adapter does not understand');
    // Copy the one field out; the rest of the answer goes out of scope here.
    return parsed.data.present ? { name: parsed.data.name } : null;
  } catch (err) {
    if (err instanceof IdCardReaderError) throw err;
    throw new IdCardReaderError('the ID card reader cannot be reached');
  } finally {
    clearTimeout(timer);
  }
}
