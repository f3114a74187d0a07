import { expect } from '@esm-bundle/chai';
import {
  MAX_FEED_ITEMS,
  MAX_FEED_PARTICIPANTS,
  MAX_FEED_TEXT_LENGTH,
  MAX_FEED_WAVEFORM_VALUES,
  parseFeed,
  type FeedParseResult,
  type ManifestIssue,
} from '../../src/manifest/index.js';

type Loose = Record<string, any>;

function item(overrides: Loose = {}): Loose {
  return {
    manifest: 'rec/manifest.json',
    id: 'rec',
    title: 'A recording',
    startedAt: '2026-01-01T10:00:00Z',
    duration: 60,
    status: 'ended',
    participants: [{ id: 'ada', name: 'Ada Lovelace', role: 'host' }],
    ...overrides,
  };
}

function feed(items: unknown[] = [item()], overrides: Loose = {}): Loose {
  return { version: '1.0', owner: { id: 'ada', name: 'Ada Lovelace' }, items, ...overrides };
}

function list(issues: ManifestIssue[]): string {
  return issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`).join('\n') || '  (none)';
}

function okOf(result: FeedParseResult): Extract<FeedParseResult, { ok: true }> {
  if (!result.ok) expect.fail(`expected the feed to be valid; errors:\n${list(result.errors)}`);
  return result;
}

function errorsOf(result: FeedParseResult): ManifestIssue[] {
  if (result.ok) expect.fail('expected the feed to be invalid');
  return result.errors;
}

function expectIssue(issues: ManifestIssue[], path: string, part: string): void {
  if (!issues.some((i) => i.path === path && i.message.includes(part))) {
    expect.fail(`no issue at "${path}" containing "${part}"; got:\n${list(issues)}`);
  }
}

describe('parseFeed', () => {
  it('reads a valid feed, resolving relative URLs against baseUrl', () => {
    const input = feed([item({ participants: [{ name: 'Bo', avatar: 'img/bo.png' }], waveform: { data: [0, 0.5, 1] } })], {
      owner: { id: 'ada', name: 'Ada', avatar: '/a.png', href: 'https://example.org/@ada' },
      next: '?page=2',
    });
    const { feed: out, itemErrors, warnings } = okOf(parseFeed(input, { baseUrl: 'https://example.org/feeds/ada.json' }));
    expect(itemErrors).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
    expect(out.items).to.have.length(1);
    expect(out.items[0]!.manifest).to.equal('https://example.org/feeds/rec/manifest.json');
    expect(out.items[0]!.participants[0]!.avatar).to.equal('https://example.org/feeds/img/bo.png');
    expect(out.owner.avatar).to.equal('https://example.org/a.png');
    expect(out.next).to.equal('https://example.org/feeds/ada.json?page=2');
    expect(out.items[0]!.waveform!.data).to.deep.equal([0, 0.5, 1]);
  });

  it('returns fresh data: changing the input afterwards changes nothing', () => {
    const input = feed();
    const { feed: out } = okOf(parseFeed(input));
    input.items[0].title = 'changed';
    input.items[0].participants[0].name = 'changed';
    expect(out.items[0]!.title).to.equal('A recording');
    expect(out.items[0]!.participants[0]!.name).to.equal('Ada Lovelace');
  });

  it('reads JSON text, and reports syntax errors with line and column', () => {
    okOf(parseFeed(JSON.stringify(feed())));
    const errors = errorsOf(parseFeed('{\n  "version": "1.0",\n  "owner": }'));
    expect(errors).to.deep.equal([{ path: '', message: "invalid JSON at line 3, column 12 (offset 33): unexpected '}' (expected a value)" }]);
  });

  it('keeps the good items and reports each bad one with its paths', () => {
    const result = okOf(
      parseFeed(
        feed([
          item({ id: 'good-1' }),
          item({ id: 'bad-url', manifest: 'javascript:alert(1)' }),
          item({ id: 'bad-date', startedAt: 'yesterday', duration: 0 }),
          'not an item',
          item({ id: 'bad-avatar', participants: [{ name: 'Eve', avatar: '//evil.example/x.png' }] }),
          item({ id: 'good-2', status: 'live' }),
          item({ id: 'good-1', title: 'Same id again' }),
        ]),
      ),
    );
    expect(result.feed.items.map((i) => i.id)).to.deep.equal(['good-1', 'good-2']);
    expectIssue(result.itemErrors, 'items[1].manifest', 'scheme "javascript:" is not allowed');
    expectIssue(result.itemErrors, 'items[2].startedAt', 'RFC 3339');
    expectIssue(result.itemErrors, 'items[2].duration', 'must be more than 0');
    expectIssue(result.itemErrors, 'items[3]', 'expected an object, got "not an item"');
    expectIssue(result.itemErrors, 'items[4].participants[0].avatar', 'protocol-relative');
    expectIssue(result.itemErrors, 'items[6].id', 'duplicate id "good-1" (also items[0].id)');
    expect(result.itemErrors.every((e) => /^items\[\d+\]/.test(e.path))).to.equal(true);
  });

  it('keeps the first holder of an id when an earlier holder is itself invalid', () => {
    const result = okOf(parseFeed(feed([item({ id: 'x', title: '' }), item({ id: 'x' })])));
    expect(result.feed.items).to.have.length(1);
    expect(result.itemErrors.map((e) => e.path)).to.deep.equal(['items[0].title']);
  });

  it('checks expiry against the start and each field of an item', () => {
    const result = okOf(
      parseFeed(
        feed([
          item({ id: 'a', expiresAt: '2025-01-01T00:00:00Z' }),
          item({ id: 'b', status: 'done', title: 'x'.repeat(201) }),
          item({ id: 'c', waveform: { data: [0.5, 1.5, -0.1] } }),
          item({ id: 'd', participants: [{ id: 'no spaces', role: 'host' }] }),
          item({ id: 'e', expiresAt: '2026-02-30T00:00:00Z' }),
        ]),
      ),
    );
    expect(result.feed.items).to.deep.equal([]);
    expectIssue(result.itemErrors, 'items[0].expiresAt', 'is not after startedAt');
    expectIssue(result.itemErrors, 'items[1].status', 'must be "pending", "live" or "ended"');
    expectIssue(result.itemErrors, 'items[1].title', 'more than the 200 allowed');
    expectIssue(result.itemErrors, 'items[2].waveform.data[1]', 'must be 1 or less');
    expectIssue(result.itemErrors, 'items[2].waveform.data[2]', 'must be 0 or more');
    expectIssue(result.itemErrors, 'items[3].participants[0].id', 'must be 1 to 64 letters');
    expectIssue(result.itemErrors, 'items[3].participants[0].name', 'required');
    expectIssue(result.itemErrors, 'items[4].expiresAt', 'RFC 3339');
  });

  it('fails the whole feed for errors outside the items, listing item errors too', () => {
    expectIssue(errorsOf(parseFeed(feed([item()], { owner: { name: 'No id' } }))), 'owner.id', 'required');
    expectIssue(errorsOf(parseFeed(feed([item()], { next: 'javascript:void(0)' }))), 'next', 'scheme "javascript:"');
    expectIssue(errorsOf(parseFeed(feed([item()], { version: '1' }))), 'version', 'must be "1.N"');
    expectIssue(errorsOf(parseFeed({ version: '1.0', owner: { id: 'a', name: 'A' } })), 'items', 'required');
    expectIssue(errorsOf(parseFeed(feed({} as unknown as unknown[]))), 'items', 'expected an array');
    const both = errorsOf(parseFeed(feed([item({ title: '' })], { owner: {} })));
    expectIssue(both, 'items[0].title', 'must not be empty');
  });

  it('refuses another major version with one error and nothing else', () => {
    expect(errorsOf(parseFeed({ version: '2.0', whatever: true }))).to.deep.equal([
      { path: 'version', message: 'unsupported feed version 2.0 (this reader reads 1.x)' },
    ]);
  });

  it('reads any 1.x, warning about unknown keys and keeping x- keys', () => {
    const input = feed([item({ colour: 'blue', 'x-plays': 12, role: 'listened', participants: [{ name: 'Bo', role: 'moderator' }] })], {
      version: '1.7',
      'x-acme': { a: 1 },
      shiny: true,
    });
    const result = okOf(parseFeed(input));
    const out = result.feed.items[0]!;
    expect(out['x-plays']).to.equal(12);
    expect(result.feed['x-acme']).to.deep.equal({ a: 1 });
    expect('colour' in out).to.equal(false);
    expect('role' in out).to.equal(false);
    expect(out.participants[0]!.role).to.equal('speaker');
    expectIssue(result.warnings, 'shiny', 'unknown key "shiny"');
    expectIssue(result.warnings, 'items[0].colour', 'unknown key "colour"');
    expectIssue(result.warnings, 'items[0].role', 'unknown role "listened"');
    expectIssue(result.warnings, 'items[0].participants[0].role', 'unknown role "moderator", read as "speaker"');
  });

  describe('hostile input', () => {
    it('refuses non-objects and hostile objects without throwing', () => {
      for (const value of [null, undefined, 42, [], 'null', () => 1]) {
        const errors = errorsOf(parseFeed(value));
        expect(errors[0]!.path).to.equal('');
        expect(errors[0]!.message).to.match(/^expected a feed object/);
      }
      const throwing = feed();
      Object.defineProperty(throwing, 'owner', { enumerable: true, get: () => { throw new Error('boom'); } });
      expect(errorsOf(parseFeed(throwing))[0]!.message).to.equal('the feed could not be read: boom');
      const revoked = Proxy.revocable({}, {});
      revoked.revoke();
      expect(errorsOf(parseFeed(revoked.proxy))[0]!.message).to.match(/^the feed could not be read/);
    });

    it('does not let __proto__ keys through, from text or objects', () => {
      const text = JSON.stringify(feed()).replace('"title":"A recording"', '"title":"A recording","__proto__":{"polluted":true}');
      const result = okOf(parseFeed(text));
      expect(result.feed.items).to.deep.equal([]);
      expectIssue(result.itemErrors, 'items[0].__proto__', 'forbidden key "__proto__"');
      expect(({} as Loose).polluted).to.equal(undefined);
      expectIssue(errorsOf(parseFeed(JSON.parse('{"version":"1.0","__proto__":{"x":1}}'))), '__proto__', 'forbidden key');
    });

    it('caps text length, items, participants, waveform values, nesting and cycles', () => {
      expect(errorsOf(parseFeed(' '.repeat(MAX_FEED_TEXT_LENGTH + 1)))[0]!.message).to.include('more than the 5242880 allowed');
      expectIssue(errorsOf(parseFeed(feed(new Array(MAX_FEED_ITEMS + 1).fill(item())))), 'items', `${MAX_FEED_ITEMS + 1} items, more than the ${MAX_FEED_ITEMS} allowed`);
      const many = okOf(
        parseFeed(
          feed([
            item({ id: 'p', participants: new Array(MAX_FEED_PARTICIPANTS + 1).fill({ name: 'X' }) }),
            item({ id: 'w', waveform: { data: new Array(MAX_FEED_WAVEFORM_VALUES + 1).fill(0.5) } }),
            item({ id: 'ok' }),
          ]),
        ),
      );
      expect(many.feed.items.map((i) => i.id)).to.deep.equal(['ok']);
      expectIssue(many.itemErrors, 'items[0].participants', 'more than the 100 allowed');
      expectIssue(many.itemErrors, 'items[1].waveform.data', 'more than the 200 allowed');

      let deep: Loose = {};
      const deepItem = item({ 'x-deep': deep });
      for (let i = 0; i < 40; i++) deep = deep.next = {};
      const nested = okOf(parseFeed(feed([deepItem, item({ id: 'fine' })])));
      expect(nested.feed.items.map((i) => i.id)).to.deep.equal(['fine']);
      expect(nested.itemErrors[0]!.message).to.include('nested deeper than 32 levels');

      const cyclic = item();
      cyclic['x-self'] = cyclic;
      const cycled = okOf(parseFeed(feed([cyclic, item({ id: 'fine' })])));
      expect(cycled.feed.items.map((i) => i.id)).to.deep.equal(['fine']);
      expect(cycled.itemErrors[0]!.path).to.match(/^items\[0\]\["x-self"\]/);
    });

    it('refuses NaN, functions and class instances where JSON has none', () => {
      const result = okOf(parseFeed(feed([item({ duration: NaN }), item({ id: 'b', startedAt: new Date() }), item({ id: 'c', title: () => 'x' })])));
      expect(result.feed.items).to.deep.equal([]);
      expectIssue(result.itemErrors, 'items[0].duration', 'expected a finite number');
      expectIssue(result.itemErrors, 'items[1].startedAt', 'expected a plain JSON object, got a Date');
      expectIssue(result.itemErrors, 'items[2].title', 'is not a JSON value');
    });

    it('refuses a relative baseUrl', () => {
      expectIssue(errorsOf(parseFeed(feed(), { baseUrl: 'feeds/a.json' })), '', 'is not an absolute URL');
    });
  });

  it('agrees with the examples of docs/feed.md', async () => {
    const doc = await (await fetch(new URL('../../docs/feed.md', import.meta.url))).text();
    const block = (label: string): Loose => {
      const m = new RegExp(`<!-- ${label} -->\\n\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
      if (!m) expect.fail(`no ${label} block in docs/feed.md`);
      return JSON.parse(m[1]!);
    };
    const valid = okOf(parseFeed(block('valid feed'), { baseUrl: 'https://example.org/feeds/rosa.json' }));
    expect(valid.itemErrors).to.deep.equal([]);
    expect(valid.warnings).to.deep.equal([]);
    expect(valid.feed.items).to.have.length(2);
    const result = okOf(parseFeed(block('example input')));
    const expected = block('example output');
    expect({ ok: true, items: result.feed.items.map((i) => i.id), itemErrors: result.itemErrors, warnings: result.warnings }).to.deep.equal(expected);
  });

  it('parses the committed demo feed without an issue', async () => {
    const url = new URL('../../demo/recordings/feed.json', import.meta.url).href;
    const result = okOf(parseFeed(await (await fetch(url)).text(), { baseUrl: url }));
    expect(result.itemErrors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expect(result.feed.items.map((i) => i.id).sort()).to.deep.equal(['club-lecture', 'garden-council', 'maintainers-ama', 'release-standup']);
  });
});
