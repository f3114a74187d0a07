/**
 * `space-replay rss`: the demo recordings published as a podcast feed, read back with
 * podcast-partytime (Podcast Index's feed parser) as podcast apps read it, plus hostile text,
 * consent, remote manifests and bad input.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { parseFeed, type Episode, type FeedObject } from 'podcast-partytime';
import { DEMO_RSS_ARGS, demoFeedClock } from '../../scripts/make-demo-feed.js';
import { listDir, runCli, tempDir } from './cli-harness.js';

const NOW = Date.parse('2026-11-25T00:00:00Z');
const BASE = 'https://example.org/rooms/';
let work: string;

async function editManifest(dir: string, edit: (manifest: Record<string, any>) => void): Promise<void> {
  const path = join(work, dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(path, 'utf8'));
  edit(manifest);
  await writeFile(path, JSON.stringify(manifest, null, 2));
}

before(async () => {
  work = await tempDir('space-replay-rss-');
  await cp(resolve('demo/recordings'), work, { recursive: true });
  await rm(join(work, 'podcast.xml'));
  // A license, avatars and profile links (relative and absolute), and a Podcasting 2.0 JSON transcript.
  await writeFile(
    join(work, 'maintainers-ama/transcript.p20.json'),
    JSON.stringify({ version: '1.0.0', segments: [{ speaker: 'Maya Chen', startTime: 0.5, endTime: 3, body: 'Welcome everyone.' }] }),
  );
  await editManifest('maintainers-ama', (m) => {
    m.license = 'CC-BY-4.0';
    m.participants[0].avatar = 'avatars/maya.png';
    m.participants[0].href = 'https://example.net/@maya';
    m.transcripts.push({ type: 'application/json', language: 'en-GB', url: 'transcript.p20.json' });
  });
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

function parse(xml: string): FeedObject {
  const feed = parseFeed(xml);
  assert.ok(feed, 'podcast-partytime reads the feed');
  return feed;
}

function item(feed: FeedObject, guid: string): Episode {
  const found = feed.items.find((i) => i.guid === guid);
  assert.ok(found, `item ${guid}`);
  return found;
}

/** XML 1.0's Char production: what may appear anywhere in a document. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

function assertWellFormed(xml: string): void {
  assert.equal(XMLValidator.validate(xml), true, 'well-formed XML');
  assert.doesNotMatch(xml, NOT_XML_CHAR, 'only XML 1.0 characters');
}

describe('space-replay rss', () => {
  test('a list feed becomes a podcast feed: every item field, read back by podcast-partytime', async () => {
    const run = await runCli(['rss', 'feed.json', '--base-url', BASE, '--language', 'en', '--category', 'Society & Culture', '--out', 'podcast.xml'], { cwd: work, now: NOW });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'wrote podcast.xml: 2 items, 1 live item, 1 left out\n');
    assert.match(run.stderr, /notice: club-lecture\/manifest\.json: left out, expired 2026-01-01T00:00:00\.000Z/);
    const xml = await readFile(join(work, 'podcast.xml'), 'utf8');
    assertWellFormed(xml);
    const feed = parse(xml);

    // The channel, from the list feed's owner and the flags.
    assert.equal(feed.title, 'Open Rooms Collective');
    assert.equal(feed.link, 'https://example.org/@open-rooms');
    assert.equal(feed.language, 'en');
    assert.equal(feed.author, 'Open Rooms Collective');
    assert.deepEqual(feed.itunesCategory, ['Society & Culture']);
    assert.ok(xml.includes('<itunes:category text="Society &amp; Culture"/>'));
    assert.equal(feed.explicit, false);
    assert.match(feed.guid!, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok(xml.includes(`<atom:link href="${BASE}podcast.xml" rel="self" type="application/rss+xml"/>`));

    // Ended, unexpired recordings are items, newest first; the expired one is left out.
    assert.deepEqual(feed.items.map((i) => i.guid), ['garden-council', 'maintainers-ama']);
    const ama = item(feed, 'maintainers-ama');
    assert.equal(ama.title, 'Maintainers AMA: shipping a web component library');
    assert.equal(ama.link, `${BASE}maintainers-ama/`);
    assert.equal(ama.pubDate?.toISOString(), '2026-03-12T17:00:00.000Z');
    assert.equal(ama.duration, 145);
    assert.deepEqual(ama.enclosure, {
      url: `${BASE}maintainers-ama/audio.m4a`,
      length: (await stat(join(work, 'maintainers-ama/audio.m4a'))).size,
      type: 'audio/mp4',
    });
    assert.equal(ama.alternativeEnclosures?.length, 1);
    assert.equal(ama.alternativeEnclosures![0]!.type, 'application/vnd.apple.mpegurl');
    assert.equal(ama.alternativeEnclosures![0]!.source[0]!.uri, `${BASE}maintainers-ama/audio/index.m3u8`);
    const hlsFiles = (await listDir(join(work, 'maintainers-ama/audio'))).filter((f) => f !== 'index.m3u8');
    const hlsBytes = (await Promise.all(hlsFiles.map((f) => stat(join(work, 'maintainers-ama/audio', f))))).reduce((sum, s) => sum + s.size, 0);
    assert.equal(ama.alternativeEnclosures![0]!.length, hlsBytes, 'the HLS rendition is as long as its init and media segments');
    // WebVTT and Podcasting 2.0 JSON are linked as captions with their language; the normalized JSON is not (apps cannot read it).
    assert.deepEqual(ama.podcastTranscripts, [
      { url: `${BASE}maintainers-ama/transcript.vtt`, type: 'text/vtt', language: 'en', rel: 'captions' },
      { url: `${BASE}maintainers-ama/transcript.p20.json`, type: 'application/json', language: 'en-GB', rel: 'captions' },
    ]);
    assert.match(run.stderr, /maintainers-ama\/transcript\.json is space-replay's normalized JSON, which podcast apps do not read; not linked/);
    assert.deepEqual(ama.podcastChapters, { url: `${BASE}maintainers-ama/chapters.json`, type: 'application/json+chapters' });
    assert.deepEqual(
      ama.podcastPeople?.map((p) => ({ name: p.name, role: p.role.toLowerCase(), img: p.img, href: p.href })),
      [
        { name: 'Maya Chen', role: 'host', img: `${BASE}maintainers-ama/avatars/maya.png`, href: 'https://example.net/@maya' },
        { name: 'Tom Okafor', role: 'host', img: undefined, href: undefined },
        { name: 'Inès Duarte', role: 'guest', img: undefined, href: undefined },
        { name: 'Sam Rivera', role: 'guest', img: undefined, href: undefined },
      ],
    );
    assert.deepEqual(ama.podcastSoundbites, [{ startTime: 33.081, duration: 12.586, title: 'Styling inside Shadow DOM' }]);
    assert.deepEqual(ama.license, { identifier: 'cc-by-4.0', url: 'https://spdx.org/licenses/CC-BY-4.0.html' });

    // Nobody who refused recording is named (garden-council's "Neighbour").
    const garden = item(feed, 'garden-council');
    assert.deepEqual(garden.podcastPeople?.map((p) => p.name), ['Rosa Lindqvist', 'Dev Patel', 'Hannah Moore']);
    assert.ok(!xml.includes('Neighbour'));
    assert.equal(garden.description, 'Recorded live on 2026-04-02 with Rosa Lindqvist, Dev Patel and Hannah Moore.');

    // The live recording is a podcast:liveItem.
    assert.equal(feed.podcastLiveItems?.length, 1);
    const live = feed.podcastLiveItems![0]!;
    assert.equal(live.status, 'live');
    assert.equal(live.start.toISOString(), '2026-05-04T09:00:00.000Z');
    assert.equal(live.guid, 'release-standup');
    assert.equal(live.enclosure.url, `${BASE}release-standup/audio.m4a`);
    assert.deepEqual(live.contentLinks, [{ url: `${BASE}release-standup/`, title: 'Listen live' }]);

    // Every URL in the document is absolute.
    const urls = [...xml.matchAll(/(?:url|href|uri|img)="([^"]*)"|<link>([^<]*)<\/link>/g)].map((m) => m[1] ?? m[2]!);
    assert.ok(urls.length >= 15, `${urls.length} URLs`);
    for (const url of urls) assert.match(url, /^https:\/\/[^/]+\//, url);
  });

  test('the committed demo feed (demo/recordings/podcast.xml) is what scripts/make-demo-feed.ts makes', async () => {
    const feed = JSON.parse(await readFile('demo/recordings/feed.json', 'utf8'));
    const run = await runCli([...DEMO_RSS_ARGS], { cwd: resolve('demo/recordings'), now: demoFeedClock(feed) });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, await readFile('demo/recordings/podcast.xml', 'utf8'), 'run node --import tsx scripts/make-demo-feed.ts');
    assertWellFormed(run.stdout);
  });

  test('the same inputs give the same bytes', async () => {
    const args = ['rss', 'feed.json', '--base-url', BASE, '--title', 'Rooms'];
    const [a, b] = [await runCli(args, { cwd: work, now: NOW }), await runCli(args, { cwd: work, now: NOW + 86_400_000 })];
    assert.equal(a.code, 0, a.stderr);
    assert.equal(a.stdout, b.stdout);
  });

  test('hostile titles and names are escaped, and characters XML cannot carry are removed', async () => {
    const dir = await tempDir('space-replay-rss-hostile-');
    try {
      await cp(resolve('demo/recordings/garden-council'), join(dir, 'garden'), { recursive: true });
      const path = join(dir, 'garden/manifest.json');
      const manifest = JSON.parse(await readFile(path, 'utf8'));
      manifest.title = `Rosa's <garden> & "friends" ]]> \u0001\u0007\u001b\u007f\u0085 end`;
      manifest.participants[1].name = 'Dev </podcast:person><podcast:person role="host">Mallory';
      manifest.clips[0].title = 'a &amp; b <![CDATA[x]]>';
      await writeFile(path, JSON.stringify(manifest));
      const run = await runCli(['rss', 'garden', '--base-url', BASE, '--title', 'Tom & Jerry <3 "quotes"\u0000', '--author', "O'Brien\u0008"], { cwd: dir, now: NOW });
      assert.equal(run.code, 0, run.stderr);
      assertWellFormed(run.stdout);
      const feed = parse(run.stdout);
      assert.equal(feed.title, 'Tom & Jerry <3 "quotes"');
      assert.equal(feed.author, "O'Brien");
      const garden = item(feed, 'garden-council');
      // The parser collapses the two spaces left where the control characters were.
      assert.ok(run.stdout.includes(`<title>Rosa's &lt;garden&gt; &amp; "friends" ]]&gt;  end</title>`));
      assert.equal(garden.title, `Rosa's <garden> & "friends" ]]> end`);
      assert.deepEqual(garden.podcastPeople?.map((p) => [p.name, p.role.toLowerCase()]), [
        ['Rosa Lindqvist', 'host'],
        ['Dev </podcast:person><podcast:person role="host">Mallory', 'guest'],
        ['Hannah Moore', 'guest'],
      ]);
      // Written escaped once; podcast-partytime unescapes soundbite titles a second time, so read the XML.
      assert.ok(run.stdout.includes('startTime="12.057" duration="9.907">a &amp;amp; b &lt;![CDATA[x]]&gt;</podcast:soundbite>'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('recording folders with channel metadata from a JSON file, flags winning over it', async () => {
    await writeFile(
      join(work, 'channel.json'),
      JSON.stringify({ title: 'From the file', link: 'https://example.org/', image: 'cover.jpg', license: 'licenses/talks-v1.html', description: 'Rooms, as a podcast.' }),
    );
    const run = await runCli(['rss', 'maintainers-ama', 'garden-council', 'club-lecture', '--base-url', 'https://example.org/rooms', '--channel', 'channel.json', '--title', 'From a flag', '--feed-url', 'https://feeds.example.org/rooms.xml'], { cwd: work, now: NOW });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr.split('\n').filter((l) => /^notice: .*left out/.test(l)).length, 1);
    const feed = parse(run.stdout);
    assert.equal(feed.title, 'From a flag');
    assert.equal(feed.description, 'Rooms, as a podcast.');
    assert.equal(feed.itunesImage, 'https://example.org/rooms/cover.jpg');
    assert.equal(feed.image?.url, 'https://example.org/rooms/cover.jpg');
    assert.deepEqual(feed.license, { identifier: 'talks-v1', url: 'https://example.org/rooms/licenses/talks-v1.html' });
    assert.deepEqual(feed.items.map((i) => i.guid), ['garden-council', 'maintainers-ama']);
    assert.ok(run.stdout.includes('<atom:link href="https://feeds.example.org/rooms.xml"'));
  });

  test('a recording someone refused downloads of is left out: podcast apps download the audio', async () => {
    const dir = await tempDir('space-replay-rss-download-');
    try {
      await cp(resolve('demo/recordings/maintainers-ama'), join(dir, 'ama'), { recursive: true });
      const path = join(dir, 'ama/manifest.json');
      const manifest = JSON.parse(await readFile(path, 'utf8'));
      manifest.participants[3].consent.download = false;
      await writeFile(path, JSON.stringify(manifest));
      const run = await runCli(['rss', 'ama', '--base-url', BASE, '--title', 'T'], { cwd: dir, now: NOW });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /ama\/manifest\.json: left out, Sam Rivera \(sam\) did not consent to downloads/);
      assert.equal(parse(run.stdout).items.length, 0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('a list feed naming remote manifests', () => {
    let server: Server;
    let origin: string;
    before(async () => {
      server = createServer(async (request, response) => {
        try {
          const body = await readFile(join(work, decodeURIComponent(new URL(request.url!, 'http://x').pathname)));
          response.writeHead(200, { 'content-length': body.length });
          response.end(request.method === 'HEAD' ? undefined : body);
        } catch {
          response.writeHead(404).end();
        }
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((done) => server.close(() => done())));

    test('are fetched, and the enclosure size comes from a HEAD request', async () => {
      const feed = JSON.parse(await readFile(join(work, 'feed.json'), 'utf8'));
      feed.items = feed.items.filter((i: { id: string }) => i.id === 'maintainers-ama');
      feed.items[0].manifest = `${origin}/maintainers-ama/manifest.json`;
      await writeFile(join(work, 'remote-feed.json'), JSON.stringify(feed));
      const run = await runCli(['rss', 'remote-feed.json', '--base-url', BASE], { cwd: work, now: NOW });
      assert.equal(run.code, 0, run.stderr);
      const ama = item(parse(run.stdout), 'maintainers-ama');
      assert.deepEqual(ama.enclosure, { url: `${origin}/maintainers-ama/audio.m4a`, length: (await stat(join(work, 'maintainers-ama/audio.m4a'))).size, type: 'audio/mp4' });
      assert.equal(ama.podcastTranscripts?.length, 2, 'the remote JSON transcripts were told apart as well');
    });
  });

  test('bad input: a clear message, exit code, and nothing written', async () => {
    const cases: [string[], number, RegExp][] = [
      [['rss', 'feed.json'], 2, /^space-replay rss: --base-url is required\n/],
      [['rss', 'feed.json', '--base-url', 'http://example.org/'], 2, /--base-url http:\/\/example\.org\/: http: is allowed on localhost only/],
      [['rss', 'maintainers-ama', '--base-url', BASE], 2, /--title is required/],
      [['rss', 'feed.json', '--base-url', BASE, '--language', 'english!'], 2, /--language english!: must be a BCP 47 language tag/],
      [['rss', 'feed.json', '--base-url', BASE, '--license', 'CC BY'], 2, /--license CC BY: "CC BY" is neither an SPDX license identifier/],
      [['rss', 'missing', '--base-url', BASE], 1, /^missing: cannot read \(/],
      [['rss', 'feed.json', 'garden-council', '--base-url', BASE], 1, /^garden-council: give one list feed, or recording folders, not both/],
      [['rss', 'feed.json', '--base-url', BASE, '--channel', 'feed.json'], 1, /^feed\.json: \$schema: /],
      [['rss', 'feed.json', '--base-url', BASE, '--out', 'podcast.xml'], 1, /podcast\.xml: exists \(use --force to replace it\)/],
    ];
    const before = await listDir(work);
    for (const [argv, code, message] of cases) {
      const run = await runCli(argv, { cwd: work, now: NOW });
      assert.equal(run.code, code, `${argv.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, argv.join(' '));
      assert.equal(run.stdout, '');
    }
    assert.deepEqual(await listDir(work), before);
  });

  test('an invalid manifest fails the whole feed, naming it, and writes nothing', async () => {
    const dir = await tempDir('space-replay-rss-invalid-');
    try {
      await cp(resolve('demo/recordings/garden-council'), join(dir, 'garden'), { recursive: true });
      await writeFile(join(dir, 'garden/manifest.json'), '{"version": "1.0", "id": "garden"}');
      const run = await runCli(['rss', 'garden', '--base-url', BASE, '--title', 'T', '--out', 'podcast.xml'], { cwd: dir, now: NOW });
      assert.equal(run.code, 1);
      assert.match(run.stderr, /^garden\/manifest\.json: invalid manifest \(run space-replay validate for details\)\n {2}title: required/);
      assert.match(run.stderr, /space-replay rss: nothing was written\n$/);
      assert.deepEqual(await listDir(dir), ['garden']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
