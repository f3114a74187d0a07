/**
 * The real `space-replay` executable stopped by SIGTERM (`timeout`, `docker stop`, CI cancellation)
 * and SIGHUP (a closed terminal) while ffmpeg encodes: it stops ffmpeg (which must not outlive it,
 * running or defunct), removes its staging folder and exits 128 + the signal's number.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listDir, makeRoomFolder, makeTone } from './cli-harness.js';

const BIN = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
let work: string;

before(async () => {
  work = await makeRoomFolder();
  await makeTone(join(work, 'long.wav'), 600);
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Pids of the processes whose parent is `pid`, with their command lines (Linux /proc). */
async function childrenOf(pid: number): Promise<{ pid: number; cmdline: string[] }[]> {
  const out: { pid: number; cmdline: string[] }[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      // The command name (field 2) is in parentheses and may hold spaces; the parent pid follows it.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== pid) continue;
      out.push({ pid: Number(entry), cmdline: (await readFile(`/proc/${entry}/cmdline`, 'utf8')).split('\0') });
    } catch {
      // The process ended while the table was read.
    }
  }
  return out;
}

/** Resolves with the encoding ffmpeg's pid once the CLI `pid` runs it (polling /proc, bounded). */
async function encodingFfmpeg(pid: number, exited: () => boolean): Promise<number> {
  for (let attempt = 0; attempt < 3000 && !exited(); attempt++) {
    const ffmpeg = (await childrenOf(pid)).find((child) => child.cmdline.includes('-progress') && child.cmdline.includes('pipe:1'));
    if (ffmpeg) return ffmpeg.pid;
    await new Promise((done) => setTimeout(done, 10));
  }
  throw new Error('the encoding ffmpeg never started');
}

for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  describe(`${signal} while ffmpeg encodes`, () => {
    test(`stops ffmpeg, removes the staging folder and exits ${code}`, async (t) => {
      if (!existsSync('/proc/self/stat')) return t.skip('needs /proc to find the ffmpeg child');
      const folder = join(work, signal.toLowerCase());
      await mkdir(folder);
      const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), BIN, 'pack', 'long.wav', '-o', `${folder}/out`, '-p', 'participants.json'], {
        cwd: work,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      let exited = false;
      const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
        child.on('close', (exitCode, exitSignal) => {
          exited = true;
          done({ code: exitCode, signal: exitSignal });
        }),
      );
      let ffmpeg: number | undefined;
      try {
        ffmpeg = await encodingFfmpeg(child.pid!, () => exited);
        assert.ok((await listDir(folder)).some((name) => name.startsWith('.out.tmp-')), 'the staging folder exists while ffmpeg runs');
        child.kill(signal);
        const result = await closed;
        assert.deepEqual(result, { code, signal: null }, stderr);
        assert.match(stderr, /long\.wav: interrupted/);
        // Piped, the output carries no progress bar.
        assert.doesNotMatch(stderr, /\u001b|\r/);
        assert.deepEqual(await listDir(folder), [], 'no staging folder and no --out left');
        assert.equal(existsSync(`/proc/${ffmpeg}`), false, `ffmpeg (pid ${ffmpeg}) is still there, running or defunct`);
      } finally {
        child.kill('SIGKILL');
        if (ffmpeg !== undefined && existsSync(`/proc/${ffmpeg}`)) process.kill(ffmpeg, 'SIGKILL');
      }
    });
  });
}
