/** `space-replay validate` and `inspect`, and the top-level usage (help, version, unknown commands). */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { makeRoomFolder, runCli, writeJson } from './cli-harness.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
let work: string;
let server: Server;
let origin: string;

before(async () => {
  work = await makeRoomFolder();
  const packed = await runCli(
    ['pack', 'room.wav', '-o', 'rec', '-p', 'participants.json', '-t', 'room.vtt', '-d', 'room.rttm', '--title', 'Inspected room', '--expires-in', '12d', '--started-at', '2026-02-28T18:00:00Z'],
    { cwd: work, now: NOW },
  );
  assert.equal(packed.code, 0, packed.stderr);
  const manifest = JSON.parse(await readFile(join(work, 'rec/manifest.json'), 'utf8'));
  await writeJson(join(work, 'invalid.json'), { ...manifest, participants: [manifest.participants[0], { ...manifest.participants[1], consent: { record: true, clip: 'yes' } }] });
  await writeJson(join(work, 'rec/with-warning.json'), { ...manifest, colour: 'blue' });
  await writeJson(join(work, 'rec/missing-file.json'), { ...manifest, waveform: { type: 'application/json', url: 'gone.json' } });
  await writeJson(join(work, 'expired.json'), { ...manifest, retention: { expiresAt: '2026-02-28T20:00:00Z' }, transcripts: undefined });
  server = createServer(async (request, response) => {
    try {
      const body = await readFile(join(work, 'rec', decodeURIComponent(new URL(request.url!, 'http://x').pathname)));
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  await new Promise((done) => server.close(done));
  await rm(work, { recursive: true, force: true });
});

describe('validate', () => {
  test('a valid manifest (file or folder) exits 0', async () => {
    for (const target of ['rec/manifest.json', 'rec']) {
      const result = await runCli(['validate', target], { cwd: work });
      assert.equal(result.code, 0, result.stdout + result.stderr);
      assert.equal(result.stdout, `${join('rec', 'manifest.json')}: valid\n`);
    }
  });

  test('an invalid manifest prints `path: message` lines and exits 1', async () => {
    const result = await runCli(['validate', 'invalid.json'], { cwd: work });
    assert.equal(result.code, 1);
    const lines = result.stdout.trim().split('\n');
    assert.match(lines[0]!, /^participants\[1\]\.consent\.clip: expected boolean, got "yes"$/);
    assert.equal(lines.at(-1), 'invalid.json: invalid (1 error)');
  });

  test('warnings are printed but the exit code stays 0', async () => {
    const result = await runCli(['validate', 'rec/with-warning.json'], { cwd: work });
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^warning: colour: unknown key "colour" \(ignored\)$/m);
    assert.match(result.stdout, /with-warning\.json: valid \(1 warning\)/);
  });

  test('a relative URL to a missing file is a warning', async () => {
    const result = await runCli(['validate', 'rec/missing-file.json'], { cwd: work });
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^warning: waveform\.url: gone\.json does not exist next to the manifest$/m);
  });

  test('JSON syntax errors give line and column; unreadable files exit 1', async () => {
    await writeFile(join(work, 'broken.json'), '{\n  "version": "1.0",\n  "id": \n}');
    const broken = await runCli(['validate', 'broken.json'], { cwd: work });
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /invalid JSON at line 4, column 1/);
    const missing = await runCli(['validate', 'nope.json'], { cwd: work });
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr, 'nope.json: cannot read file (ENOENT: no such file)\n');
  });

  test('--json prints {valid, errors, warnings}', async () => {
    const result = await runCli(['validate', 'invalid.json', '--json'], { cwd: work });
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout);
    assert.equal(report.valid, false);
    assert.deepEqual(report.errors[0], { path: 'participants[1].consent.clip', message: 'expected boolean, got "yes"' });
  });

  test('fetches http(s) URLs; a 404 exits 1; other schemes are refused', async () => {
    const remote = await runCli(['validate', `${origin}/manifest.json`]);
    assert.equal(remote.code, 0, remote.stdout + remote.stderr);
    assert.match(remote.stdout, /manifest\.json: valid/);
    const gone = await runCli(['validate', `${origin}/nothing.json`]);
    assert.equal(gone.code, 1);
    assert.match(gone.stderr, /nothing\.json: HTTP 404/);
    const ftp = await runCli(['validate', 'ftp://example.com/manifest.json']);
    assert.equal(ftp.code, 1);
    assert.match(ftp.stderr, /only http and https URLs can be fetched/);
  });
});

describe('inspect', () => {
  test('summarises a recording folder', async () => {
    const result = await runCli(['inspect', 'rec'], { cwd: work, now: NOW });
    assert.equal(result.code, 0, result.stderr);
    const out = result.stdout;
    assert.match(out, /^Inspected room$/m);
    assert.match(out, /rec · ended · 0:20 · started 2026-02-28T18:00:00\.000Z/);
    assert.match(out, /^  expires in 12 days \(2026-03-13T12:00:00\.000Z\)$/m);
    assert.match(out, /^  Ada Host\s+host\s+talk\s+0:09\s+consent: record yes, clip yes, download yes$/m);
    assert.match(out, /^  Bo Guest\s+speaker\s+talk\s+0:05\s+consent: record yes, clip no, download -$/m);
    assert.match(out, /^  Cy Private\s+speaker\s+talk\s+0:00\s+consent: record no, clip no, download -$/m);
    assert.match(out, /^Transcript: 27 words in 3 cues \(transcript\.json\)$/m);
    assert.match(out, /Redactions: 1 \(3\.0 s silenced\)/);
  });

  test('says when a recording has expired', async () => {
    const result = await runCli(['inspect', 'expired.json'], { cwd: work, now: NOW });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^  expired 16 hours ago \(2026-02-28T20:00:00Z\)$/m);
  });

  test('--json gives talk time in seconds and the expiry', async () => {
    const result = await runCli(['inspect', 'rec/manifest.json', '--json'], { cwd: work, now: NOW });
    const report = JSON.parse(result.stdout);
    assert.equal(report.expired, false);
    assert.equal(report.expiry, 'expires in 12 days');
    assert.deepEqual(
      report.participants.map((p: { id: string; role: string; talkTime: number }) => [p.id, p.role, p.talkTime]),
      [['ada', 'host', 9.5], ['bo', 'speaker', 5], ['cy', 'speaker', 0]],
    );
    assert.deepEqual(report.transcript, { url: 'transcript.json', cues: 3, words: 27 });
  });

  test('an invalid manifest exits 1 with its errors', async () => {
    const result = await runCli(['inspect', 'invalid.json'], { cwd: work });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /invalid\.json: invalid manifest/);
    assert.match(result.stderr, /participants\[1\]\.consent\.clip/);
  });
});

describe('usage', () => {
  test('--help works at the top level and on every command', async () => {
    const top = await runCli(['--help']);
    assert.equal(top.code, 0);
    assert.match(top.stdout, /^Usage: space-replay <command> \[options\]/);
    for (const command of ['pack', 'validate', 'inspect']) {
      for (const flag of ['--help', '-h']) {
        const result = await runCli([command, flag]);
        assert.equal(result.code, 0);
        assert.match(result.stdout, new RegExp(`^Usage: space-replay ${command} `));
      }
    }
  });

  test('--version prints the package version', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    assert.deepEqual(await runCli(['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('unknown commands and flags exit 2 with a clear message', async () => {
    const command = await runCli(['pakc']);
    assert.equal(command.code, 2);
    assert.match(command.stderr, /^space-replay: unknown command 'pakc'\. Commands: pack, validate, inspect/);
    const flag = await runCli(['validate', 'x.json', '--strict']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /^space-replay validate: Unknown option '--strict'/);
    const extra = await runCli(['inspect', 'a', 'b']);
    assert.equal(extra.code, 2);
    assert.match(extra.stderr, /unexpected argument 'b'/);
    const none = await runCli([]);
    assert.equal(none.code, 2);
  });
});
