/**
 * What reaches a terminal: text from hostile files never carries control sequences (OSC 0 window
 * titles, ESC[2J, OSC 52 clipboard writes, C1 codes), and the help and counts read right.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { terminalSafe } from '../../src/cli/terminal-text.js';
import { makeRoomFolder, runCli, writeJson, type CliRun } from './cli-harness.js';

const NOW = Date.parse('2026-11-25T00:00:00Z');

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
