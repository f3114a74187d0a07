/** `space-replay share`: pages and oEmbed JSON written from the demo recordings, refusals, usage errors. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { listDir, runCli, tempDir } from './cli-harness.js';

const NOW = Date.parse('2026-11-25T00:00:00Z');
const BASE = 'https://example.org/rooms/garden/';
let work: string;

before(async () => {
  work = await tempDir('space-replay-share-');
  await cp(resolve('demo/recordings/garden-council'), join(work, 'garden'), { recursive: true });
  await cp(resolve('demo/recordings/club-lecture'), join(work, 'club'), { recursive: true });
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

const meta = (html: string, key: string): string | undefined => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html)?.[1];

describe('space-replay share', () => {
  test('writes the recording page and its oEmbed JSON into the recording folder, leaving the rest alone', async () => {
    const before = await listDir(join(work, 'garden'));
    const run = await runCli(['share', 'garden', '--base-url', BASE, '--out', 'garden', '--embed-url', 'https://cdn.example.org/embed.html', '--player-script', 'https://cdn.example.org/space-replay.js'], { cwd: work, now: NOW });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `wrote garden/index.html and garden/oembed.json\npage: ${BASE}\n`);
    assert.deepEqual(await listDir(join(work, 'garden')), [...before, 'index.html', 'oembed.json'].sort());
    const html = await readFile(join(work, 'garden/index.html'), 'utf8');
    assert.equal(meta(html, 'og:title'), 'Riverside community garden: spring planning');
    assert.equal(meta(html, 'og:url'), BASE);
    assert.equal(meta(html, 'og:audio'), `${BASE}audio.m4a`);
    assert.equal(meta(html, 'og:audio:type'), 'audio/mp4');
    assert.ok(html.includes(`<link rel="alternate" type="application/json+oembed" href="${BASE}oembed.json"`));
    assert.ok(html.includes(`<space-replay deep-link src="${BASE}manifest.json"></space-replay>`));
    const oembed = JSON.parse(await readFile(join(work, 'garden/oembed.json'), 'utf8'));
    assert.equal(oembed.version, '1.0');
    assert.equal(oembed.type, 'rich');
    assert.match(oembed.html, /^<iframe src="https:\/\/cdn\.example\.org\/embed\.html\?src=https%3A%2F%2Fexample\.org%2Frooms%2Fgarden%2Fmanifest\.json" /);
    assert.equal(typeof oembed.width, 'number');
    assert.equal(typeof oembed.height, 'number');
  });

  test('writes a clip page with a quote and speaker from the local transcript, beside the recording page', async () => {
    const run = await runCli(['share', 'garden/manifest.json', '--base-url', BASE, '--clip', '0:00.5,0:05.5', '--out', 'garden'], { cwd: work, now: NOW });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `wrote garden/clip-0.5-5.5.html and garden/clip-0.5-5.5.oembed.json\npage: ${BASE}clip-0.5-5.5.html\n`);
    const html = await readFile(join(work, 'garden/clip-0.5-5.5.html'), 'utf8');
    assert.match(meta(html, 'og:description')!, /^“Good evening neighbours, .*” — Rosa Lindqvist$/);
    assert.equal(meta(html, 'og:url'), `${BASE}clip-0.5-5.5.html`);
    assert.ok(html.includes('data-clip="0.5,5.5"'));
    assert.match(meta(html, 'twitter:description')!, /Rosa Lindqvist/);
    const oembed = JSON.parse(await readFile(join(work, 'garden/clip-0.5-5.5.oembed.json'), 'utf8'));
    assert.match(oembed.html, /&amp;t=0\.5%2C5\.5"/);
    assert.ok((await listDir(join(work, 'garden'))).includes('index.html'), 'the recording page is still there');
  });

  test('shares a clip by id, and refuses to overwrite without --force', async () => {
    const manifest = JSON.parse(await readFile(join(work, 'garden/manifest.json'), 'utf8'));
    const clip = manifest.clips[0];
    const args = ['share', 'garden', '--base-url', BASE, '--clip-id', clip.id, '--out', 'pages'];
    const first = await runCli(args, { cwd: work, now: NOW });
    assert.equal(first.code, 0, first.stderr);
    const name = `clip-${clip.startTime}-${clip.endTime}.html`;
    assert.ok((await listDir(join(work, 'pages'))).includes(name));
    const again = await runCli(args, { cwd: work, now: NOW });
    assert.equal(again.code, 1);
    assert.equal(again.stderr, `pages/${name}: exists (use --force to replace it)\n`);
    const forced = await runCli([...args, '--force'], { cwd: work, now: NOW });
    assert.equal(forced.code, 0, forced.stderr);
    assert.deepEqual((await listDir(join(work, 'pages'))).filter((f) => f.startsWith('.')), [], 'no temporary files left');
  });

  test('refuses a clip of someone who did not consent, an expired recording and an unknown clip id', async () => {
    const refused = await runCli(['share', 'garden', '--base-url', BASE, '--clip', '20,40', '--out', 'x'], { cwd: work, now: NOW });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /garden\/manifest\.json: clip 20,40 includes Hannah Moore, who did not consent to clips/);
    const expired = await runCli(['share', 'club', '--base-url', BASE, '--out', 'x'], { cwd: work, now: NOW });
    assert.equal(expired.code, 1);
    assert.match(expired.stderr, /the recording expired at 2026-01-01T00:00:00\.000Z: nothing to share/);
    const unknown = await runCli(['share', 'garden', '--base-url', BASE, '--clip-id', 'nope', '--out', 'x'], { cwd: work, now: NOW });
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /clip "nope" is not in the manifest's clips/);
    assert.deepEqual(await listDir(join(work, 'x')), [], 'nothing written');
  });

  test('usage errors exit 2 and say what is missing', async () => {
    const cases: [string[], RegExp][] = [
      [['share', 'garden', '--out', 'x'], /--base-url is required/],
      [['share', 'garden', '--base-url', BASE], /--out is required/],
      [['share', 'garden', '--base-url', BASE, '--out', 'x', '--clip', '1,2', '--clip-id', 'a'], /give --clip or --clip-id, not both/],
      [['share', 'garden', '--base-url', BASE, '--out', 'x', '--clip', '30'], /--clip 30: expected START,END/],
      [['share', 'garden', '--base-url', BASE, '--out', 'x', '--clip', 'soon,later'], /--clip soon,later: expected START,END/],
      [['share', '--base-url', BASE, '--out', 'x'], /missing <manifest\.json\|dir\|URL>/],
      [['share', 'garden', '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [argv, message] of cases) {
      const run = await runCli(argv, { cwd: work, now: NOW });
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.stderr, message);
    }
    const badUrl = await runCli(['share', 'garden', '--base-url', 'http://example.org/', '--out', 'x'], { cwd: work, now: NOW });
    assert.equal(badUrl.code, 2);
    assert.match(badUrl.stderr, /^space-replay share: --base-url http:\/\/example\.org\/: http: is allowed on localhost only/);
    const relative = await runCli(['share', 'garden', '--base-url', BASE, '--embed-url', 'embed.html', '--out', 'x'], { cwd: work, now: NOW });
    assert.equal(relative.code, 2);
    assert.match(relative.stderr, /^space-replay share: --embed-url embed\.html: must be an absolute https: URL$/m);
  });

  test('--image must be an https: URL (http: on localhost) or relative to the manifest; anything else is refused, naming the flag', async () => {
    const refused: [string, RegExp][] = [
      ['javascript:alert(1)', /--image javascript:alert\(1\): scheme "javascript:" is not allowed/],
      ['file:///etc/passwd', /--image file:\/\/\/etc\/passwd: scheme "file:" is not allowed/],
      ['data:image/png;base64,iVBORw0KGgo=', /--image data:image\/png;base64,iVBORw0KGgo=: scheme "data:" is not allowed/],
      ['http://example.org/card.png', /--image http:\/\/example\.org\/card\.png: http: is allowed on localhost only/],
    ];
    for (const [image, message] of refused) {
      const run = await runCli(['share', 'garden', '--base-url', BASE, '--image', image, '--out', 'img'], { cwd: work, now: NOW });
      assert.equal(run.code, 2, image);
      assert.match(run.stderr, message);
    }
    assert.deepEqual(await listDir(join(work, 'img')), [], 'nothing written');
    const relative = await runCli(['share', 'garden', '--base-url', BASE, '--image', 'card.png', '--out', 'img'], { cwd: work, now: NOW });
    assert.equal(relative.code, 0, relative.stderr);
    assert.equal(meta(await readFile(join(work, 'img/index.html'), 'utf8'), 'og:image'), `${BASE}card.png`);
  });

  test('a clip that ends after the recording is refused, not cut short', async () => {
    const manifest = JSON.parse(await readFile(join(work, 'garden/manifest.json'), 'utf8'));
    const run = await runCli(['share', 'garden', '--base-url', BASE, '--clip', '90,500', '--out', 'late'], { cwd: work, now: NOW });
    assert.equal(run.code, 1);
    assert.equal(
      run.stderr,
      `garden/manifest.json: --clip 90,500: ends at 500 s, after the end of the recording (${manifest.duration} s); clips outside the recording are refused\n`,
    );
    assert.deepEqual(await listDir(join(work, 'late')), [], 'nothing written');
    // Up to the manifest's own half-second tolerance, an end past the last frame is the end.
    const edge = await runCli(['share', 'garden', '--base-url', BASE, '--clip', `90,${manifest.duration + 0.4}`, '--out', 'late'], { cwd: work, now: NOW });
    assert.equal(edge.code, 0, edge.stderr);
  });

  test('an invalid manifest fails with its first problems', async () => {
    await writeFile(join(work, 'broken.json'), JSON.stringify({ version: '1.0', id: 'x' }));
    const run = await runCli(['share', 'broken.json', '--base-url', BASE, '--out', 'x'], { cwd: work, now: NOW });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^broken\.json: invalid manifest \(run space-replay validate for details\)\n {2}title: required/);
  });

  test('--help lists the flags, and the top-level help lists the command', async () => {
    const help = await runCli(['share', '--help']);
    assert.equal(help.code, 0);
    for (const flag of ['--base-url', '--out', '--clip ', '--clip-id', '--manifest-url', '--embed-url', '--player-script', '--force']) assert.ok(help.stdout.includes(flag), flag);
    const top = await runCli(['--help']);
    assert.match(top.stdout, /\n {2}share +Write the share page/);
  });

  describe('a manifest given by URL', () => {
    let server: Server;
    let origin: string;
    const requests: string[] = [];
    before(async () => {
      // The demo recording over http on localhost; transcript.json answers 404 under /gone/.
      server = createServer((req, res) => {
        requests.push(req.url!);
        const path = req.url!.split('?')[0]!;
        if (path.startsWith('/gone/') && path.endsWith('transcript.json')) {
          res.writeHead(404).end('not here');
          return;
        }
        readFile(join(work, 'garden', path.replace(/^\/(gone\/)?/, '')))
          .then((body) => res.writeHead(200, { 'content-type': path.endsWith('.json') ? 'application/json' : 'application/octet-stream' }).end(body))
          .catch(() => res.writeHead(404).end());
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((done) => server.close(() => done())));

    test('quotes the transcript fetched from beside the manifest', async () => {
      requests.length = 0;
      const run = await runCli(['share', `${origin}/manifest.json`, '--base-url', BASE, '--clip', '0.5,5.5', '--out', 'remote'], { cwd: work, now: NOW });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stderr, '');
      assert.deepEqual(requests, ['/manifest.json', '/transcript.json']);
      const html = await readFile(join(work, 'remote/clip-0.5-5.5.html'), 'utf8');
      assert.match(meta(html, 'og:description')!, /^“Good evening neighbours, .*” — Rosa Lindqvist$/);
    });

    test('a transcript that cannot be fetched costs only the quote, and says why', async () => {
      const run = await runCli(['share', `${origin}/gone/manifest.json`, '--base-url', BASE, '--clip', '0.5,5.5', '--out', 'remote-gone'], { cwd: work, now: NOW });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stderr, `notice: no quote on the card: ${origin}/gone/transcript.json: HTTP 404 Not Found\n`);
      const html = await readFile(join(work, 'remote-gone/clip-0.5-5.5.html'), 'utf8');
      assert.doesNotMatch(meta(html, 'og:description')!, /Good evening/);
    });
  });
});

