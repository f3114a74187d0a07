import { expect } from '@esm-bundle/chai';
import { checkUrl, MAX_URL_LENGTH, resolveManifestUrl, URL_PATTERN } from '../../src/manifest/index.js';

const allowed = [
  'audio.m4a',
  'audio/index.m3u8',
  './audio.m4a',
  '../shared/avatar.png',
  '/recordings/launch/audio.m4a',
  '?part=2',
  '#t=10',
  '12:30.mp3',
  'caf%C3%A9.png',
  'café.png',
  'https://cdn.example.com/a.m4a',
  'HTTPS://CDN.EXAMPLE.COM/a.m4a',
  'https://user@example.com:8443/a?b=c#d',
  'http://localhost/a.m4a',
  'http://localhost:8000/a.m4a',
  'http://LOCALHOST:8000',
  'http://127.0.0.1:9000/x',
  'http://[::1]:3000/x',
  'http://user@localhost/x',
];

const refused: [string, string][] = [
  ['javascript:alert(1)', 'scheme "javascript:" is not allowed'],
  ['JavaScript:alert(1)', 'scheme "javascript:" is not allowed'],
  ['data:text/html,<script>alert(1)</script>', 'scheme "data:"'],
  ['file:///etc/passwd', 'scheme "file:"'],
  ['blob:https://example.com/uuid', 'scheme "blob:"'],
  ['ftp://example.com/a.mp3', 'scheme "ftp:"'],
  ['mailto:a@example.com', 'scheme "mailto:"'],
  ['//evil.com/a.mp3', 'protocol-relative URL'],
  ['\\\\evil.com\\a.mp3', 'a backslash at index 0'],
  ['/\\evil.com', 'a backslash at index 1'],
  [' javascript:alert(1)', 'a space at index 0'],
  ['java\tscript:alert(1)', 'a control character at index 4'],
  ['java\nscript:alert(1)', 'a control character'],
  ['audio\u0000.m4a', 'a control character'],
  ['my audio.m4a', 'a space at index 2'],
  ['http://example.com/a.mp3', 'http: is allowed on localhost only (host "example.com")'],
  ['http://localhost.evil.com/a', 'localhost only'],
  ['http://127.0.0.1.nip.io/a', 'localhost only'],
  ['http://localhost@evil.com/a', 'host "evil.com"'],
  ['https:evil.com', 'https: URL has no host'],
  ['https:///evil.com', 'https: URL has no host'],
  ['https://', 'https: URL has no host'],
  ['https://exa mple.com', 'a space'],
  ['https://[::1', 'URL does not parse'],
  ['', 'URL is empty'],
];

describe('checkUrl (rule 8)', () => {
  for (const url of allowed) {
    it(`allows ${JSON.stringify(url)}`, () => {
      expect(checkUrl(url)).to.deep.equal({ ok: true });
    });
  }
  for (const [url, reason] of refused) {
    it(`refuses ${JSON.stringify(url)}`, () => {
      const check = checkUrl(url);
      expect(check.ok).to.equal(false);
      if (!check.ok) expect(check.reason).to.include(reason);
    });
  }

  it('refuses non-strings and over-long URLs', () => {
    expect(checkUrl(42)).to.deep.equal({ ok: false, reason: 'expected a URL string, got number' });
    expect(checkUrl(null)).to.deep.equal({ ok: false, reason: 'expected a URL string, got null' });
    const long = `https://example.com/${'a'.repeat(MAX_URL_LENGTH)}`;
    expect(checkUrl(long)).to.deep.equal({ ok: false, reason: `URL has ${long.length} characters, more than the ${MAX_URL_LENGTH} allowed` });
  });

  it('agrees with URL_PATTERN, the JSON Schema form of the rule, on every example', () => {
    const pattern = new RegExp(URL_PATTERN, 'u');
    for (const url of allowed) expect(pattern.test(url), url).to.equal(true);
    // The pattern does not parse URLs, so a malformed IPv6 host is the one refusal it cannot see.
    for (const [url] of refused.filter(([u]) => u !== 'https://[::1' && u !== '')) expect(pattern.test(url), url).to.equal(false);
  });
});

describe('resolveManifestUrl', () => {
  const base = 'https://rec.example.com/launch/manifest.json';

  it('resolves relative URLs against the manifest URL', () => {
    expect(resolveManifestUrl('audio/index.m3u8', base)).to.deep.equal({ ok: true, url: 'https://rec.example.com/launch/audio/index.m3u8' });
    expect(resolveManifestUrl('../a.png', base)).to.deep.equal({ ok: true, url: 'https://rec.example.com/a.png' });
    expect(resolveManifestUrl('/a.png', new URL(base))).to.deep.equal({ ok: true, url: 'https://rec.example.com/a.png' });
    expect(resolveManifestUrl('https://cdn.example.com/a.m4a', base)).to.deep.equal({ ok: true, url: 'https://cdn.example.com/a.m4a' });
  });

  it('checks the URL before resolving it', () => {
    expect(resolveManifestUrl('javascript:alert(1)', base).ok).to.equal(false);
    expect(resolveManifestUrl('//evil.com/a', base).ok).to.equal(false);
  });

  it('says when the base is not absolute', () => {
    expect(resolveManifestUrl('a.m4a', 'launch/manifest.json')).to.deep.equal({
      ok: false,
      reason: 'cannot resolve against base URL "launch/manifest.json"',
    });
  });
});
