// The real length of every shipped clip, read from the WAV headers: a fake voice with this timing
// takes exactly as long as the clip voice would in the hall.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CLIP_CATALOGUE } from './clip-plan';
import type { VoiceTiming } from './fake-voice';

const CLIPS_DIR = path.join(__dirname, '../../public/clips');

function wavSeconds(file: string): number {
  const buf = readFileSync(path.join(CLIPS_DIR, file));
  const byteRate = buf.readUInt32LE(28);
  // Find the data chunk (after fmt and any other chunk).
  let at = 12;
  while (at + 8 <= buf.length) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    if (id === 'data') return size / byteRate;
    at += 8 + size + (size % 2);
  }
  throw new Error(`no data chunk in ${file}`);
}

export function clipTiming(): VoiceTiming {
  const seconds = new Map(readdirSync(CLIPS_DIR).filter((f) => f.endsWith('.wav')).map((f) => [f, wavSeconds(f)]));
  const ms = (file: string) => {
    const s = seconds.get(file);
    if (s === undefined) throw new Error(`clip ${file} is not shipped`);
    return s * 1000;
  };
  return {
    chimeMs: ms(CLIP_CATALOGUE.chime.file),
    // The clip player schedules clips back to back after a 50 ms start delay.
    sayMs: (u) => 50 + u.clips.reduce((sum, f) => sum + ms(f), 0),
  };
}
