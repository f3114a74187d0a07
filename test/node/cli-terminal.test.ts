/**
 * What reaches a terminal: text from hostile files never carries control sequences (OSC 0 window
 * titles, ESC[2J, OSC 52 clipboard writes, C1 codes), the progress bar fits a narrow terminal,
 * and the help and counts read right.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { CliIo } from '../../src/cli/cli-io.js';
import { createProgressBar, progressLine, terminalColumns } from '../../src/cli/progress.js';
import { terminalSafe } from '../../src/cli/terminal-text.js';
import { makeRoomFolder, makeTone, runCli, writeJson, type CliRun } from './cli-harness.js';

const exec = promisify(execFile);
const NOW = Date.parse('2026-11-25T00:00:00Z');
const BIN = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));

/** What a hostile file may hold: OSC 0 (window title, BEL-terminated), ED (clear screen), OSC 52 (clipboard), C1 CSI, CR, DEL. */
const TITLE_ATTACK = 'Evil \u001b]0;owned\u0007 room \u001b[2J \u009b31m red \r overwritten \u007f end';
const NAME_ATTACK = 'Ada \u001b]52;c;ZWNobyBvd25lZA==\u0007 Host';
// Every control character a terminal acts on; line feed and tab are the only ones allowed.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function assertNoControls(run: CliRun, what: string): void {
  assert.doesNotMatch(run.stdout, CONTROL, `${what}: stdout carries a control character: ${JSON.stringify(run.stdout)}`);
  assert.doesNotMatch(run.stderr, CONTROL, `${what}: stderr carries a control character: ${JSON.stringify(run.stderr)}`);
}

let work: string;

before(async () => {
  work = await makeRoomFolder();
  // A recording whose manifest came from a stranger: the demo garden room with hostile texts.
  await cp(resolve('demo/recordings/garden-council'), join(work, 'garden'), { recursive: true });
  const manifest = JSON.parse(await readFile(join(work, 'garden/manifest.json'), 'utf8'));
  manifest.title = TITLE_ATTACK;
  manifest.participants[0].name = NAME_ATTACK;
  // Hannah refused clips: a clip over her speech is refused with her name in the message.
  const hannah = manifest.participants.find((p: { name: string }) => p.name === 'Hannah Moore');
  hannah.name = 'Hannah \u001b[2J\u001b[H Moore';
  await writeJson(join(work, 'garden/manifest.json'), manifest);
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('terminalSafe', () => {
  test('escapes C0 (but line feed and tab), DEL and C1 as \\uXXXX; keeps every other character', () => {
    assert.equal(terminalSafe('a\u001b]0;t\u0007b'), 'a\\u001b]0;t\\u0007b');
    assert.equal(terminalSafe('x\ry\u007fz\u009b1m\u0085'), 'x\\u000dy\\u007fz\\u009b1m\\u0085');
    assert.equal(terminalSafe('line\n\tIñès 😀 مرحبا  ©'), 'line\n\tIñès 😀 مرحبا  ©');
  });

  test('inside JSON the escape reads back as the same string', () => {
    const value = { title: TITLE_ATTACK };
    assert.deepEqual(JSON.parse(terminalSafe(JSON.stringify(value))), value);
  });
});

describe('hostile file contents never reach the terminal as control sequences', () => {
  test('inspect prints the title and names escaped; --json still reads back the exact strings', async () => {
    const text = await runCli(['inspect', 'garden'], { cwd: work, now: NOW });
    assert.equal(text.code, 0, text.stderr);
    assertNoControls(text, 'inspect');
    assert.ok(text.stdout.startsWith('Evil \\u001b]0;owned\\u0007 room \\u001b[2J \\u009b31m red \\u000d overwritten \\u007f end\n'), text.stdout);
    assert.match(text.stdout, /Ada \\u001b\]52;c;ZWNobyBvd25lZA==\\u0007 Host/);
    // The escaped names are what is padded, so the table's columns still line up.
    const rows = text.stdout.split('\n').filter((line) => line.includes('  talk '));
    assert.equal(rows.length, 4);
    assert.equal(new Set(rows.map((row) => row.indexOf('  talk '))).size, 1, rows.join('\n'));
    const json = await runCli(['inspect', 'garden', '--json'], { cwd: work, now: NOW });
    assertNoControls(json, 'inspect --json');
    const report = JSON.parse(json.stdout);
    assert.equal(report.title, TITLE_ATTACK);
    assert.equal(report.participants[0].name, NAME_ATTACK);
  });

  test('validate and share print them escaped', async () => {
    await writeJson(join(work, 'odd-key.json'), { ...JSON.parse(await readFile(join(work, 'garden/manifest.json'), 'utf8')), ['x\u009b2J']: 1, ['\u001b]0;k\u0007']: 2 });
    const validate = await runCli(['validate', 'odd-key.json'], { cwd: work });
    assertNoControls(validate, 'validate');
    const share = await runCli(['share', 'garden', '--base-url', 'https://example.org/g/', '--clip', '20,40', '--out', 'pages'], { cwd: work, now: NOW });
    assert.equal(share.code, 1);
    assertNoControls(share, 'share');
    assert.match(share.stderr, /includes Hannah \\u001b\[2J\\u001b\[H Moore, who did not consent to clips/);
  });

  test('pack prints RTTM record types, RTTM labels and file names escaped', async () => {
    const osc52 = '\u001b]52;c;cm0gLXJmIH4=\u0007';
    await writeFile(join(work, 'type.rttm'), `SPEAKER room 1 0.5 5.5 <NA> <NA> ada <NA> <NA>\n${osc52} room 1 6 2 <NA> <NA> ada <NA> <NA>\n`);
    await writeFile(join(work, 'label.rttm'), `SPEAKER room 1 0.5 5.5 <NA> <NA> Zed${osc52}\u009b2J <NA> <NA>\n`);
    // A file name is text from the file system: one from a stranger's archive can hold escapes too.
    await writeFile(join(work, 'voice\u001b]0;x\u0007.vtt'), `WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Mallory>Hello\n`);
    const cases: [string[], RegExp][] = [
      [['-d', 'type.rttm'], /^type\.rttm:2: expected a SPEAKER line, found '\\u001b\]52;c;cm0gLXJmIH4=\\u0007'$/m],
      [['-d', 'label.rttm'], /^label\.rttm:1: speaker label "Zed\\u001b\]52;c;cm0gLXJmIH4=\\u0007\\u009b2J" matches no participant/m],
      [['-t', 'voice\u001b]0;x\u0007.vtt'], /^voice\\u001b\]0;x\\u0007\.vtt: speaker "Mallory" matches no participant/m],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(['pack', 'room.wav', '-o', 'out/x', '-p', 'participants.json', ...args], { cwd: work });
      assert.equal(run.code, 1, run.stderr);
      assertNoControls(run, args.join(' '));
      assert.match(run.stderr, message);
    }
  });
});

describe('help and counts', () => {
  test('--help prints the essentials and the published documentation, not a path inside the repository', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    assert.doesNotMatch(help.stdout, /Docs: docs\/cli\.md/);
    assert.match(help.stdout, new RegExp(`^Documentation: https://unpkg\\.com/space-replay@${version.replace(/\./g, '\\.')}/docs/cli\\.md$`, 'm'));
    const local = /\(installed copy: (.*)\)$/m.exec(help.stdout)?.[1];
    assert.ok(local && existsSync(local), 'the installed copy it names exists');
    assert.match(help.stdout, /^Examples:\n {2}space-replay pack /m);
    assert.match(help.stdout, /needs ffmpeg and ffprobe/);
    assert.match(help.stdout, /Exit codes: 0 done, 1 bad input or failure, 2 wrong usage, 128\+N stopped by signal N/);
  });

  test('one participant is "1 participant"', async () => {
    await writeJson(join(work, 'one.json'), [{ id: 'ada', name: 'Ada Host', role: 'host', consent: { record: true, clip: true } }]);
    const run = await runCli(['pack', 'room.wav', '-o', 'out/one', '-p', 'one.json'], { cwd: work });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /manifest\.json +valid: 1 participant, 0 segments, 0 redactions, 0 clips$/m);
    assert.match(run.stdout, /audio\/index\.m3u8 +4 fMP4 segments/);
  });
});

describe('progress bar', () => {
  const fakeIo = (columns: number | undefined, isTTY = true) => {
    let written = '';
    const io: CliIo = { stdout: { write: () => {} }, stderr: { write: (t: string) => (written += t) }, isTTY, columns: () => columns };
    return { io, written: () => written };
  };
  const frames = (written: string) => written.split('\r\u001b[2K').filter(Boolean);

  test('every line fits the width it is given, from 10 to 200 columns', () => {
    for (let width = 10; width <= 200; width++) {
      for (const fraction of [0, 0.123, 1]) {
        for (const eta of [undefined, 5, 3725]) {
          const line = progressLine('segmenting', fraction, eta, width);
          assert.ok(line.length <= width, `${JSON.stringify(line)} is wider than ${width}`);
        }
      }
    }
    assert.equal(progressLine('encoding', 0.5, 41, 79), `encoding [${'#'.repeat(15)}${'-'.repeat(15)}]  50.0% ETA 0:41`);
    assert.equal(progressLine('encoding', 0.5, 41, 30), 'encoding 50.0% ETA 0:41');
    assert.equal(progressLine('segmenting', 0.5, 41, 12), 'segmenting 5');
  });

  test('fits stderr.columns (one column left free), shows an ETA after a second, and clears its line', () => {
    let clock = 0;
    const { io, written } = fakeIo(40);
    const bar = createProgressBar(io, 'encoding', 100, { now: () => clock });
    bar.update(10);
    clock = 2000;
    bar.update(20);
    bar.done();
    const lines = frames(written());
    assert.deepEqual(lines, [`encoding [##${'-'.repeat(19)}]  10.0%`, `encoding [##${'-'.repeat(10)}]  20.0% ETA 0:08`]);
    for (const line of lines) assert.ok(line.length < 40);
    assert.ok(written().endsWith('\r\u001b[2K'));
  });

  test('COLUMNS is the width when the terminal does not report one; nothing is drawn when stderr is not a terminal', () => {
    assert.equal(terminalColumns(fakeIo(undefined).io, { COLUMNS: '33' }), 33);
    assert.equal(terminalColumns(fakeIo(120).io, { COLUMNS: '33' }), 120);
    assert.equal(terminalColumns(fakeIo(undefined).io, {}), 80);
    const piped = fakeIo(40, false);
    const bar = createProgressBar(piped.io, 'encoding', 100);
    bar.update(50);
    bar.done();
    assert.equal(piped.written(), '');
  });

  test('in a real 40-column pseudo-terminal, no progress line wraps and the HLS pass shows progress too', async (t) => {
    if (!existsSync('/usr/bin/script')) return t.skip('util-linux script(1) is needed for a pseudo-terminal');
    await makeTone(join(work, 'two-minutes.wav'), 120);
    // script(1) runs the command on a new pseudo-terminal; stty sets its size as a terminal window would.
    const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;
    const cli = [process.execPath, '--import', import.meta.resolve('tsx'), BIN, 'pack', 'two-minutes.wav', '-o', 'out/pty', '-p', 'participants.json'];
    const { stdout } = await exec('script', ['-qfec', `stty cols 40 rows 20; exec ${cli.map(quote).join(' ')}`, '/dev/null'], { cwd: work });
    // The pseudo-terminal turns \n into \r\n; the bar redraws with \r ESC[2K.
    const rows = stdout.split(/\r\n|\r/).map((segment) => segment.replace(/^\u001b\[2K/, ''));
    const drawn = rows.filter((line) => /^(encoding|segmenting) /.test(line));
    assert.ok(drawn.some((line) => line.startsWith('encoding ')), JSON.stringify(stdout));
    assert.ok(drawn.some((line) => line.startsWith('segmenting ')), JSON.stringify(stdout));
    for (const line of drawn) assert.ok(line.length < 40, `${JSON.stringify(line)} is ${line.length} columns wide`);
    assert.match(stdout, /Packed two-minutes\.wav/);
  });
});
