import { expect } from '@esm-bundle/chai';
import { isExpired, listManifestUrls, MANIFEST_VERSION, parseManifest, type Manifest } from '../../src/manifest/index.js';
import { fullManifest, minimalManifest } from './fixtures.js';
import { errorsOf, expectIssue, okOf } from './issue-assertions.js';

describe('parseManifest: valid manifests', () => {
  it('accepts the minimal manifest with no warnings, unchanged', () => {
    const input = minimalManifest();
    const { manifest, warnings } = okOf(parseManifest(input));
    expect(warnings).to.deep.equal([]);
    expect(manifest).to.deep.equal(minimalManifest());
  });

  it('accepts the full manifest, object or JSON text, with the same result', () => {
    const fromObject = okOf(parseManifest(fullManifest()));
    const fromText = okOf(parseManifest(JSON.stringify(fullManifest())));
    expect(fromObject.warnings).to.deep.equal([]);
    expect(fromText.manifest).to.deep.equal(fromObject.manifest);
    expect(fromObject.manifest.participants).to.have.length(4);
    expect(fromObject.manifest.transcripts![1]!.data).to.have.property('format', 'space-replay-transcript');
  });

  it('accepts a JSON text with a byte order mark', () => {
    okOf(parseManifest(`\ufeff${JSON.stringify(minimalManifest())}`));
  });

  it('accepts any 1.x version', () => {
    okOf(parseManifest({ ...minimalManifest(), version: '1.7' }));
    expect(MANIFEST_VERSION).to.equal('1.1');
  });

  it('returns fresh plain data, never the input objects', () => {
    const input = fullManifest();
    const { manifest } = okOf(parseManifest(input));
    expect(manifest).not.to.equal(input);
    expect(manifest.participants).not.to.equal(input.participants);
    expect(manifest.participants[0]).not.to.equal(input.participants[0]);
    expect(manifest.participants[0]!.consent).not.to.equal(input.participants[0].consent);
    expect(manifest.waveform!.data).not.to.equal(input.waveform.data);
    expect(manifest['x-acme']).not.to.equal(input['x-acme']);
    expect(Object.getPrototypeOf(manifest)).to.equal(Object.prototype);
    input.participants[0].name = 'Changed';
    input['x-acme'].tier = 'changed';
    input.transcripts[1].data.cues[0].text = 'changed';
    expect(manifest.participants[0]!.name).to.equal('Ada Lovelace');
    expect((manifest['x-acme'] as { tier: string }).tier).to.equal('gold');
    const cues = (manifest.transcripts![1]!.data as { cues: { text: string }[] }).cues;
    expect(cues[0]!.text).to.equal('Hello world');
  });

  it('normalizes type aliases to the canonical MIME type', () => {
    const input = minimalManifest();
    input.audio = [{ url: 'a.m3u8', type: 'application/x-mpegURL' }];
    input.transcripts = [{ type: 'application/srt', url: 'a.srt' }];
    const { manifest, warnings } = okOf(parseManifest(input));
    expect(manifest.audio[0]!.type).to.equal('application/vnd.apple.mpegurl');
    expect(manifest.transcripts![0]!.type).to.equal('application/x-subrip');
    expect(warnings).to.deep.equal([]);
  });

  it('reads an unknown role as speaker, with a warning', () => {
    const input = fullManifest();
    input.participants[2].role = 'moderator';
    const { manifest, warnings } = okOf(parseManifest(input));
    expect(manifest.participants[2]!.role).to.equal('speaker');
    expect(warnings).to.have.length(1);
    expectIssue(warnings, 'participants[2].role', 'unknown role "moderator", read as "speaker"');
  });

  it('warns about unknown keys at any level and drops them', () => {
    const input = fullManifest();
    input.colour = 'blue';
    input.participants[1].nickname = 'B';
    input.segments[0].confidence = 0.9;
    const { manifest, warnings } = okOf(parseManifest(input));
    expectIssue(warnings, 'colour', 'unknown key "colour"');
    expectIssue(warnings, 'participants[1].nickname', 'unknown key "nickname"');
    expectIssue(warnings, 'segments[0].confidence', 'unknown key');
    expect(warnings).to.have.length(3);
    expect(manifest).not.to.have.property('colour');
    expect(manifest.participants[1]).not.to.have.property('nickname');
  });

  it('keeps x- extension keys at any level without a word', () => {
    const input = minimalManifest();
    input['x-foo'] = { deep: [1, 2, { three: 3 }] };
    input.participants[0]['x-badge'] = 'gold';
    const { manifest, warnings } = okOf(parseManifest(input));
    expect(warnings).to.deep.equal([]);
    expect(manifest['x-foo']).to.deep.equal({ deep: [1, 2, { three: 3 }] });
    expect(manifest.participants[0]!['x-badge']).to.equal('gold');
  });

  it('keeps the extra keys of Podcasting 2.0 chapters (a foreign format) without warnings', () => {
    const input = fullManifest();
    input.chapters.data.author = 'Ada';
    input.chapters.data.chapters[0].location = { name: 'London' };
    const { manifest, warnings } = okOf(parseManifest(input));
    expect(warnings).to.deep.equal([]);
    expect(manifest.chapters!.data).to.have.property('author', 'Ada');
  });

  it('resolves every relative URL against baseUrl, leaving absolute ones', () => {
    const base = 'https://rec.example.com/launch/manifest.json';
    const { manifest } = okOf(parseManifest(fullManifest(), { baseUrl: base }));
    expect(listManifestUrls(manifest)).to.deep.equal([
      { path: 'audio[0].url', url: 'https://rec.example.com/launch/audio/index.m3u8' },
      { path: 'audio[1].url', url: 'https://cdn.example.com/launch/audio.m4a' },
      { path: 'participants[0].avatar', url: 'https://rec.example.com/launch/avatars/ada.png' },
      { path: 'participants[0].href', url: 'https://example.com/ada' },
      { path: 'transcripts[0].url', url: 'https://rec.example.com/launch/transcript.vtt' },
      { path: 'chapters.data.chapters[0].img', url: 'https://rec.example.com/launch/img/welcome.jpg' },
      { path: 'chapters.data.chapters[1].url', url: 'https://example.com/faq' },
      { path: 'downloads.audio', url: 'https://cdn.example.com/launch/audio.m4a' },
      { path: 'downloads.transcript', url: 'https://rec.example.com/launch/transcript.vtt' },
    ]);
  });

  it('leaves relative URLs as written without baseUrl, and accepts a URL object as base', () => {
    expect(okOf(parseManifest(minimalManifest())).manifest.audio[0]!.url).to.equal('audio/index.m3u8');
    const { manifest } = okOf(parseManifest(minimalManifest(), { baseUrl: new URL('http://localhost:8000/r/m.json') }));
    expect(manifest.audio[0]!.url).to.equal('http://localhost:8000/r/audio/index.m3u8');
  });

  it('refuses a baseUrl that is not absolute', () => {
    expectIssue(errorsOf(parseManifest(minimalManifest(), { baseUrl: 'rec/manifest.json' })), '', 'options.baseUrl "rec/manifest.json" is not an absolute URL');
  });

  it('accepts a range ending up to 0.5 s past duration, and a live recording without endedAt', () => {
    const input = fullManifest();
    input.redactions = [{ startTime: 59, endTime: 60.5 }];
    okOf(parseManifest(input));
    const live = minimalManifest();
    live.status = 'live';
    okOf(parseManifest(live));
  });

  // Its speed is a benchmark figure (`npm run bench:models`: parseManifest of 20,000 inline cues,
  // budget 10 ms), not a timed test: a wall-clock bound here failed on a busy machine and on
  // Firefox's coarse timer without anything being slower.
  it('parses a typical manifest the same from its object and from its JSON text, again and again', () => {
    const text = JSON.stringify(fullManifest());
    const first = parseManifest(fullManifest());
    expect(first.ok).to.equal(true);
    for (let i = 0; i < 20; i++) expect(parseManifest(i % 2 ? fullManifest() : text)).to.deep.equal(first);
  });
});

describe('isExpired', () => {
  const withExpiry = (expiresAt: string): Pick<Manifest, 'retention'> => ({ retention: { expiresAt } });

  it('is false before expiresAt and true after it', () => {
    const at = Date.UTC(2025, 0, 1);
    expect(isExpired(withExpiry('2025-01-01T00:00:00Z'), at - 1)).to.equal(false);
    expect(isExpired(withExpiry('2025-01-01T00:00:00Z'), at)).to.equal(false);
    expect(isExpired(withExpiry('2025-01-01T00:00:00Z'), at + 1)).to.equal(true);
    expect(isExpired(withExpiry('2025-01-01T02:00:00+02:00'), at + 1)).to.equal(true);
  });

  it('is false without retention, and uses the current time by default', () => {
    expect(isExpired({})).to.equal(false);
    expect(isExpired(withExpiry('2000-01-01T00:00:00Z'))).to.equal(true);
    expect(isExpired(withExpiry('2999-01-01T00:00:00Z'))).to.equal(false);
  });
});
