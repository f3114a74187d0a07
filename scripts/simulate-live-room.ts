#!/usr/bin/env node
/**
 * A simulated live room: writes `<source.wav>` (16-bit mono PCM) into `<growing.wav>` at `--speed`
 * × real time, as a recorder writes a room in progress, and finishes the header at the end.
 * Run: node --import tsx scripts/simulate-live-room.ts source.wav growing.wav [--speed 4]
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { writeGrowingWav } from './lib/growing-wav.js';
import { wavSamples } from './lib/wav.js';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { speed: { type: 'string', default: '1' } } });
const [source, target] = positionals;
if (!source || !target) {
  console.error('usage: simulate-live-room.ts <source.wav> <growing.wav> [--speed 4]');
  process.exit(2);
}
const wav = await readFile(source);
const samples = wavSamples(wav);
if (!samples || wav.readUInt16LE(22) !== 1 || wav.readUInt16LE(34) !== 16) {
  console.error(`${source}: expected a 16-bit mono PCM WAV file`);
  process.exit(1);
}
const controller = new AbortController();
process.on('SIGTERM', () => controller.abort());
process.on('SIGINT', () => controller.abort());
await writeGrowingWav(target, samples, wav.readUInt32LE(24), { speed: Number(values.speed), signal: controller.signal });
