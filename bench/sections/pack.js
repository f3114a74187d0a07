// Packager: `space-replay pack` on 1 hour of audio (AAC 128 kb/s stereo 44.1 kHz, as a host's
// recorder gives it), default settings (64 kb/s AAC, HLS + progressive copy + peaks).
// The command runs at nice -10 like the browser (ffmpeg inherits it).
// Wall time of the command, and peak memory of its process tree (node and its ffmpeg children):
// /proc sampled every 50 ms, the largest sum of VmRSS at one sample, plus the largest VmHWM of any
// one process. The input is generated once into .cache/bench/ with ffmpeg's lavfi sources.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { figure } from '../lib/figure.js';
import { raisePriority, sampleTreeMemory } from '../lib/process-memory.js';

const MB = 1024 * 1024;

function run(command, args, { cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${out.slice(-800)}`))));
  });
}

/** Makes `.cache/bench/hour.m4a` once: tone bursts shaped like speech, 1 hour, AAC stereo. */
export async function ensureHourInput(cacheDir, log) {
  const input = join(cacheDir, 'hour.m4a');
  if (existsSync(input)) return input;
  mkdirSync(cacheDir, { recursive: true });
  log?.('making 1 hour of test audio into .cache/bench/hour.m4a (once)…');
  const minute = join(cacheDir, 'minute.wav');
  await run('ffmpeg', [
    '-hide_banner', '-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i',
    "aevalsrc='gt(sin(2*PI*t/0.23),-0.3)*(0.25+0.1*sin(2*PI*0.37*t))*sin(2*PI*(140+40*sin(2*PI*t/45))*t)':s=44100:d=60",
    '-ac', '2', '-c:a', 'pcm_s16le', minute,
  ]);
  await run('ffmpeg', ['-hide_banner', '-nostdin', '-v', 'error', '-y', '-stream_loop', '59', '-i', minute, '-c:a', 'aac', '-b:a', '128k', input]);
  rmSync(minute, { force: true });
  return input;
}

async function packOnce(root, cli, input, out, participants) {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'pack', input, '--out', out, '--participants', participants, '--force', '--id', 'bench-hour', '--title', 'Bench hour', '--started-at', '2026-01-01T00:00:00Z', '--json'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Same priority as the browser runs at; ffmpeg children inherit it from node.
  raisePriority(child.pid);
  const memory = sampleTreeMemory(child.pid, 50);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  const { peakTree, peakProcess } = memory.stop();
  if (code !== 0) throw new Error(`space-replay pack exited ${code}: ${output.slice(-800)}`);
  return { seconds: (performance.now() - started) / 1000, peakTree, peakProcess };
}

/** Packs the hour `runs` times. */
export async function benchPack({ root, cli, cacheDir, runs, log }) {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build first`);
  const input = await ensureHourInput(cacheDir, log);
  const participants = join(cacheDir, 'participants.json');
  writeFileSync(participants, JSON.stringify([{ id: 'p0', name: 'Bench Host', role: 'host', consent: { record: true, clip: true } }]));
  const out = join(cacheDir, 'pack-out');
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await packOnce(root, cli, input, out, participants);
    log?.(`pack 1 h run ${i + 1}/${runs}: ${r.seconds.toFixed(1)} s, peak tree RSS ${(r.peakTree / MB).toFixed(0)} MB, largest process ${(r.peakProcess / MB).toFixed(0)} MB`);
    results.push(r);
  }
  rmSync(out, { recursive: true, force: true });
  return {
    figures: [
      figure('pack', 'pack.time', 'pack 1 h of audio (defaults: 64k AAC, HLS, progressive, peaks)', 's', results.map((r) => r.seconds)),
      figure('pack', 'pack.peak-memory', 'pack 1 h: peak RSS of the process tree (node + ffmpeg)', 'MB', results.map((r) => r.peakTree / MB)),
      figure('pack', 'pack.peak-process', 'pack 1 h: peak RSS of the largest single process', 'MB', results.map((r) => r.peakProcess / MB)),
    ],
  };
}
