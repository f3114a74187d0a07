/** `space-replay/share` in Node: share cards, the page's tags, oEmbed JSON, and an XSS corpus. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseManifest, type Manifest } from '../../src/manifest/index.js';
import { importTranscript } from '../../src/model/transcript/index.js';
import { buildShareCard, CLIP_RANGE_SCRIPT, escapeHtml, renderOEmbed, renderSharePage, type ShareCard, type ShareOptions } from '../../src/share/index.js';

const NOW = Date.parse('2026-11-25T00:00:00Z');
const DIR = 'demo/recordings/garden-council';

function demoManifest(): Manifest {
  const parsed = parseManifest(readFileSync(`${DIR}/manifest.json`, 'utf8'));
  assert.ok(parsed.ok);
  return parsed.manifest;
}

const OPTIONS: ShareOptions = {
  baseUrl: 'https://example.org/rooms/garden',
  manifestUrl: 'https://cdn.example.org/garden/manifest.json',
  embedUrl: 'https://cdn.example.org/space-replay/embed.html',
  playerScriptUrl: 'https://cdn.example.org/space-replay/space-replay.js',
  now: NOW,
};

function cardOf(manifest: Manifest, options: Partial<ShareOptions> = {}): ShareCard {
  const result = buildShareCard(manifest, { ...OPTIONS, ...options });
  if (!result.ok) assert.fail(result.message);
  return result.card;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (text: string): string => text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);

/** Every `<meta>` of a page as key → content (unescaped); the page must use only the quoted form the renderer writes. */
function metaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const m of html.matchAll(/<meta (?:property|name)="([^"<>]*)" content="([^"<>]*)">/g)) tags.set(m[1]!, unescape(m[2]!));
  return tags;
}

/** The names of every tag in the page. */
function tagNames(html: string): Set<string> {
  return new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!.toLowerCase()));
}

describe('buildShareCard', () => {
  test('a recording: folder page URL, description with host, others, date and length', () => {
    const card = cardOf(demoManifest());
    assert.equal(card.kind, 'recording');
    assert.equal(card.pageUrl, 'https://example.org/rooms/garden/');
    assert.equal(card.fileName, 'index.html');
    assert.equal(card.oembedUrl, 'https://example.org/rooms/garden/oembed.json');
    assert.equal(card.title, 'Riverside community garden: spring planning');
    assert.equal(card.description, 'Hosted by Rosa Lindqvist · with Dev Patel and Hannah Moore · Apr 2, 2026 · 1:38');
    assert.deepEqual(card.audio, { url: 'https://cdn.example.org/garden/audio.m4a', type: 'audio/mp4' });
    assert.equal(card.playerUrl, 'https://cdn.example.org/space-replay/embed.html?src=https%3A%2F%2Fcdn.example.org%2Fgarden%2Fmanifest.json');
    assert.equal(card.author?.name, 'Rosa Lindqvist');
  });

  test('a clip by range: its own file, a quote from the transcript with the speaker, the range in the player URL', async () => {
    const manifest = demoManifest();
    const imported = await importTranscript(readFileSync(`${DIR}/transcript.json`, 'utf8'), { type: 'application/json', participants: manifest.participants });
    assert.ok(imported.ok);
    const card = cardOf(manifest, { clip: { start: 0.5, end: 5.5 }, transcript: imported.transcript });
    assert.equal(card.kind, 'clip');
    assert.equal(card.fileName, 'clip-0.5-5.5.html');
    assert.equal(card.oembedFileName, 'clip-0.5-5.5.oembed.json');
    assert.equal(card.pageUrl, 'https://example.org/rooms/garden/clip-0.5-5.5.html');
    assert.equal(card.title, 'Clip 0:00–0:05 · Riverside community garden: spring planning');
    assert.match(card.description, /^“Good evening neighbours, welcome to the spring planning meeting .*” — Rosa Lindqvist$/);
    assert.equal(new URL(card.playerUrl).searchParams.get('t'), '0.5,5.5');
  });

  test('a clip by id uses its title; a query-style URL for servers', () => {
    const manifest = demoManifest();
    const clip = manifest.clips![0]!;
    const card = cardOf(manifest, { clip: { clipId: clip.id }, clipUrls: 'query' });
    assert.equal(card.title, clip.title ?? card.title);
    assert.deepEqual(card.clip, { start: clip.startTime, end: clip.endTime, id: clip.id });
    assert.equal(new URL(card.pageUrl).searchParams.get('clip'), `${clip.startTime},${clip.endTime}`);
  });

  test('refuses unknown clip ids, bad ranges, refused consent, expired recordings and non-absolute URLs', () => {
    const manifest = demoManifest();
    const refuse = (options: Partial<ShareOptions>, m: Manifest = manifest): string => {
      const result = buildShareCard(m, { ...OPTIONS, ...options });
      assert.equal(result.ok, false);
      return (result as { message: string }).message;
    };
    assert.match(refuse({ clip: { clipId: 'nope' } }), /clip "nope" is not in the manifest's clips \(it has: /);
    assert.match(refuse({ clip: { start: 50, end: 40 } }), /the end must be after the start/);
    assert.match(refuse({ clip: { start: 500, end: 600 } }), /starts after the recording ends/);
    assert.match(refuse({ clip: { start: 20, end: 40 } }), /includes Hannah Moore, who did not consent to clips/);
    assert.match(refuse({ now: Date.parse('2027-05-01T00:00:00Z') }), /the recording expired at 2027-04-02/);
    assert.match(refuse({ baseUrl: 'share/garden/' }), /^baseUrl: must be an absolute URL/);
    assert.match(refuse({ embedUrl: 'javascript:alert(1)' }), /^embedUrl: scheme "javascript:" is not allowed/);
    assert.match(refuse({ playerScriptUrl: 'http://cdn.example.org/p.js' }), /^playerScriptUrl: http: is allowed on localhost only/);
  });

  test('image: the option, else x-image, else the host avatar; never a refused URL', () => {
    const manifest = demoManifest();
    assert.equal(cardOf(manifest).image, undefined);
    const withAvatar = { ...manifest, participants: manifest.participants.map((p) => (p.role === 'host' ? { ...p, avatar: 'img/rosa.png' } : p)) };
    assert.equal(cardOf(withAvatar).image, 'https://cdn.example.org/garden/img/rosa.png');
    assert.equal(cardOf({ ...withAvatar, 'x-image': 'cover.jpg' }).image, 'https://cdn.example.org/garden/cover.jpg');
    assert.equal(cardOf({ ...withAvatar, 'x-image': 'javascript:alert(1)' }).image, 'https://cdn.example.org/garden/img/rosa.png');
    assert.equal(cardOf(withAvatar, { image: 'https://img.example.org/c.png' }).image, 'https://img.example.org/c.png');
  });

  test('French texts follow the manifest language or the option', () => {
    const card = cardOf(demoManifest(), { lang: 'fr' });
    assert.match(card.description, /^Animé par Rosa Lindqvist · avec Dev Patel et Hannah Moore · /);
  });
});

describe('renderSharePage', () => {
  test('has the Open Graph, Twitter player-card and oEmbed discovery tags with the card values', () => {
    const manifest = { ...demoManifest(), 'x-image': 'cover.jpg' };
    const card = cardOf(manifest, { clip: { start: 0.5, end: 5.5 } });
    const html = renderSharePage(card);
    const tags = metaTags(html);
    assert.equal(tags.get('og:title'), card.title);
    assert.equal(tags.get('og:description'), card.description);
    assert.equal(tags.get('og:url'), card.pageUrl);
    assert.equal(tags.get('og:image'), 'https://cdn.example.org/garden/cover.jpg');
    assert.equal(tags.get('og:audio'), 'https://cdn.example.org/garden/audio.m4a');
    assert.equal(tags.get('og:audio:type'), 'audio/mp4');
    assert.equal(tags.get('twitter:card'), 'player');
    assert.equal(tags.get('twitter:player'), card.playerUrl);
    assert.equal(tags.get('twitter:player:width'), '640');
    assert.equal(tags.get('twitter:player:height'), String(card.height));
    assert.ok(html.includes(`<link rel="alternate" type="application/json+oembed" href="${escapeHtml(card.oembedUrl)}"`));
    assert.ok(html.includes(`<link rel="canonical" href="${escapeHtml(card.pageUrl)}">`));
    assert.ok(html.includes(`<space-replay deep-link src="${escapeHtml(card.manifestUrl)}" data-clip="0.5,5.5"></space-replay>`));
    assert.ok(html.includes(`<script type="module" src="https://cdn.example.org/space-replay/space-replay.js"></script>`));
    // The range script runs before the player module (module scripts run in document order).
    assert.ok(html.indexOf(CLIP_RANGE_SCRIPT) < html.indexOf('space-replay.js"></script>'));
  });

  test('without an image the card is a summary card, without player tags', () => {
    const tags = metaTags(renderSharePage(cardOf(demoManifest())));
    assert.equal(tags.get('twitter:card'), 'summary');
    assert.equal(tags.has('twitter:player'), false);
    assert.equal(tags.has('og:image'), false);
  });

  test('the inline script is constant, so docs/share.md can give its CSP hash', () => {
    const hash = `sha256-${createHash('sha256').update(CLIP_RANGE_SCRIPT).digest('base64')}`;
    assert.ok(readFileSync('docs/share.md', 'utf8').includes(`'${hash}'`), `docs/share.md should list '${hash}'`);
    const one = renderSharePage(cardOf(demoManifest()));
    const two = renderSharePage(cardOf(demoManifest(), { clip: { start: 1, end: 2 } }));
    const script = (html: string) => /<script type="module">([\s\S]*?)<\/script>/.exec(html)![1];
    assert.equal(script(one), CLIP_RANGE_SCRIPT);
    assert.equal(script(two), CLIP_RANGE_SCRIPT);
  });
});

describe('renderOEmbed', () => {
  test('is a valid oEmbed 1.0 rich response with an iframe of the embed', () => {
    const card = cardOf(demoManifest());
    const oembed = JSON.parse(JSON.stringify(renderOEmbed(card)));
    assert.equal(oembed.version, '1.0');
    assert.equal(oembed.type, 'rich');
    assert.equal(typeof oembed.html, 'string');
    assert.equal(oembed.width, 640);
    assert.equal(oembed.height, card.height);
    assert.equal(oembed.title, card.title);
    assert.equal(oembed.provider_name, 'space-replay');
    assert.equal(oembed.author_name, 'Rosa Lindqvist');
    const iframe = /^<iframe src="([^"]*)" width="640" height="\d+" title="([^"]*)" [^<>]*data-space-replay-embed><\/iframe>$/.exec(oembed.html);
    assert.ok(iframe, oembed.html);
    assert.equal(unescape(iframe[1]!), card.playerUrl);
  });

  test('is as tall as the player for the recording: taller with a transcript, a clip banner or highlights', () => {
    // The heights the embed really has are measured in test/share/oembed-height.test.ts.
    const manifest = demoManifest();
    const bare = { ...manifest, transcripts: undefined, clips: undefined };
    const heights = [cardOf(bare), cardOf({ ...manifest, clips: undefined }), cardOf(manifest), cardOf(manifest, { clip: { start: 1, end: 2 } })].map((c) => c.height);
    for (let i = 1; i < heights.length; i++) assert.ok(heights[i]! > heights[i - 1]!, `${heights}`);
    assert.ok(heights[0]! > 300 && heights[0]! < 500, `${heights[0]}`);
  });

  test('a narrower maxwidth gives a taller iframe (the player wraps)', () => {
    const card = cardOf(demoManifest());
    const narrow = renderOEmbed(card, { maxWidth: 400 });
    assert.equal(narrow.width, 400);
    assert.ok(narrow.height > card.height, `${narrow.height} > ${card.height}`);
    assert.equal(narrow.height, card.heights.find((h) => h.width === 400)!.height);
    // 450 wide: the 400-wide height, not the 480-wide one (the player is taller the narrower it is).
    assert.equal(renderOEmbed(card, { maxWidth: 450 }).height, narrow.height);
  });

  test('honours maxwidth and maxheight, within a floor', () => {
    const card = cardOf(demoManifest());
    const small = renderOEmbed(card, { maxWidth: 400, maxHeight: 200 });
    assert.deepEqual([small.width, small.height], [400, 200]);
    assert.match(small.html, /width="400" height="200"/);
    const tiny = renderOEmbed(card, { maxWidth: 10, maxHeight: 10 });
    assert.deepEqual([tiny.width, tiny.height], [280, 120]);
    assert.deepEqual([renderOEmbed(card, { maxWidth: NaN }).width, renderOEmbed(card, { maxWidth: 9999 }).width], [640, 640]);
  });
});

describe('escaping: an XSS corpus', () => {
  const CORPUS = [
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '</title><script>alert(1)</script>',
    '<!-- comment --><svg onload=alert(1)>',
    '&lt;already escaped&gt; & ampersands &amp;',
    '" onmouseover="alert(1)',
    "javascript:alert('x')",
    '</noscript><script>alert(1)</script>',
    '<style>*{}</style>',
    '\u2028\u2029 line separators and 🎙 emoji',
  ];

  test('escapeHtml leaves no markup characters', () => {
    for (const text of CORPUS) {
      const escaped = escapeHtml(text);
      assert.doesNotMatch(escaped, /[<>"']/);
      assert.equal(unescape(escaped), text);
    }
  });

  test('hostile titles, names and quotes stay text in every tag, and the oEmbed html stays one iframe', async () => {
    for (const payload of CORPUS) {
      const base = demoManifest();
      const manifest: Manifest = {
        ...base,
        title: payload.slice(0, 200),
        participants: base.participants.map((p) => ({ ...p, name: `${p.name} ${payload}`.slice(0, 128), href: 'https://example.org/"><script>' })),
      };
      const transcript = await importTranscript(`WEBVTT\n\n00:00:00.500 --> 00:00:05.000\n<v Rosa>${payload.replace(/</g, '&lt;')} said it\n`, { participants: manifest.participants });
      assert.ok(transcript.ok);
      for (const clip of [undefined, { start: 0.5, end: 5 }]) {
        const card = cardOf(manifest, { ...(clip ? { clip, transcript: transcript.transcript } : {}), siteName: payload, image: 'https://img.example.org/a.png?"><script>' });
        const html = renderSharePage(card);
        assert.deepEqual(
          [...tagNames(html)].sort(),
          ['audio', 'body', 'h1', 'head', 'html', 'link', 'main', 'meta', 'noscript', 'p', 'script', 'space-replay', 'title'].sort(),
          `unexpected tags for ${payload}`,
        );
        assert.equal(html.match(/<script/g)!.length, 2, payload);
        // With attribute values blanked, no tag may carry an event handler attribute.
        assert.doesNotMatch(html.replace(/"[^"]*"/g, '""'), /<[^>]*\son\w+\s*=/i);
        const tags = metaTags(html);
        assert.equal(tags.get('og:title'), card.title);
        assert.equal(tags.get('og:site_name'), payload);
        assert.equal(tags.get('og:description'), card.description);
        assert.ok(card.description.includes(payload) || card.title.includes(payload.slice(0, 100)), 'the payload is in the card as text');
        assert.equal(/<title>([^<]*)<\/title>/.exec(html)![1], escapeHtml(card.title));
        const oembed = renderOEmbed(card);
        assert.equal(oembed.html.match(/</g)!.length, 2, 'one <iframe> and its end tag');
        assert.equal(
          oembed.html.replace(/="[^"]*"/g, ''),
          '<iframe src width height title style loading allow referrerpolicy sandbox data-space-replay-embed></iframe>',
        );
        assert.equal(oembed.title, card.title);
      }
    }
  });
});
