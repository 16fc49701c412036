// Renders every clip of the catalogue with espeak-ng, trims silence, resamples to mono 16 kHz
// 16-bit WAV and synthesises the chime, so the output is small and byte-for-byte reproducible.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const catalogue = JSON.parse(readFileSync(path.join(root, 'src/announcer/clip-catalogue.json'), 'utf8'));
const outDir = path.join(root, 'public/clips');
const RATE = catalogue.sampleRate;
mkdirSync(outDir, { recursive: true });
for (const f of readdirSync(outDir)) if (f.endsWith('.wav')) unlinkSync(path.join(outDir, f));

function readWav(buf) {
  let off = 12;
  let rate = 0;
  let data = null;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    const size = buf.readUInt32LE(off + 4);
    if (id === 'fmt ') rate = buf.readUInt32LE(off + 12);
    if (id === 'data') data = buf.subarray(off + 8, off + 8 + Math.min(size, buf.length - off - 8));
    off += 8 + size + (size % 2);
  }
  const samples = new Float32Array(data.length / 2);
  for (let i = 0; i < samples.length; i++) samples[i] = data.readInt16LE(i * 2) / 32768;
  return { rate, samples };
}

function resample(samples, from, to) {
  const n = Math.floor((samples.length * to) / from);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const x = (i * from) / to;
    const j = Math.floor(x);
    const a = samples[j] ?? 0;
    const b = samples[j + 1] ?? a;
    out[i] = a + (b - a) * (x - j);
  }
  return out;
}

function trim(samples, threshold = 0.02, padSamples = RATE * 0.03) {
  let s = 0;
  let e = samples.length - 1;
  while (s < e && Math.abs(samples[s]) < threshold) s++;
  while (e > s && Math.abs(samples[e]) < threshold) e--;
  return samples.subarray(Math.max(0, s - padSamples), Math.min(samples.length, e + padSamples));
}

function writeWav(file, samples) {
  const data = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) {
    data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32767))), i * 2);
  }
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVEfmt ', 8, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(RATE, 24);
  h.writeUInt32LE(RATE * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(data.length, 40);
  writeFileSync(path.join(outDir, file), Buffer.concat([h, data]));
}

function speak(entry) {
  // -s speed (words/min) a little slow for a hall; -a amplitude; -z no final pause.
  const wav = execFileSync('espeak-ng', ['-v', entry.voice, '-s', '150', '-a', '180', '-z', '--stdout', entry.say], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const { rate, samples } = readWav(wav);
  return trim(resample(samples, rate, RATE));
}

function chime() {
  // Two-tone "ding-dong" (E5 then C5) with exponential decay: the hall's attention signal.
  const tones = [
    { f: 659.25, start: 0, len: 0.7 },
    { f: 523.25, start: 0.45, len: 0.9 },
  ];
  const total = Math.ceil(RATE * 1.4);
  const out = new Float32Array(total);
  for (const t of tones) {
    const s0 = Math.floor(t.start * RATE);
    for (let i = 0; i < t.len * RATE && s0 + i < total; i++) {
      const time = i / RATE;
      const env = Math.exp(-time * 4) * Math.min(1, time * 200);
      out[s0 + i] += 0.35 * env * (Math.sin(2 * Math.PI * t.f * time) + 0.3 * Math.sin(4 * Math.PI * t.f * time));
    }
  }
  return out;
}

let bytes = 0;
let count = 0;
for (const group of ['zh', 'letters', 'en']) {
  for (const entry of Object.values(catalogue[group])) {
    const samples = speak(entry);
    writeWav(entry.file, samples);
    bytes += 44 + samples.length * 2;
    count++;
  }
}
const c = chime();
writeWav(catalogue.chime.file, c);
bytes += 44 + c.length * 2;
count++;
console.log(`wrote ${count} clips, ${(bytes / 1024).toFixed(0)} KiB, to ${path.relative(process.cwd(), outDir) || outDir}`);
