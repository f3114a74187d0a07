import { expect } from '@esm-bundle/chai';
import '../../src/elements/space-replay-list/define.js';
import { SpaceReplayList } from '../../src/elements/space-replay-list/space-replay-list.js';
import type { SpaceReplayEventMap } from '../../src/events.js';
import { oneEvent, waitFor } from '../helpers/wait.js';

// Every request this page makes, to prove that rendering cards loads no player and no manifest.
const requested: string[] = [];
new PerformanceObserver((list) => requested.push(...list.getEntries().map((e) => e.name))).observe({ type: 'resource', buffered: true });

const DEMO_FEED = new URL('../../demo/recordings/feed.json', import.meta.url).href;
const DAY = 86_400_000;
const mounted: SpaceReplayList[] = [];

function mount(attributes: Record<string, string> = {}): SpaceReplayList {
  const el = document.createElement('space-replay-list');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  mounted.push(el);
  return el;
}

async function ready(el: SpaceReplayList): Promise<void> {
  await waitFor(() => !el.loading && el.shadowRoot!.querySelector('[part~="list"], [part~="message"]:not([part~="loading"])'), 'the list to render');
  await el.updateComplete;
}

const $ = <T extends Element = HTMLElement>(el: SpaceReplayList, selector: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const titles = (el: SpaceReplayList): string[] => $(el, '[part~="title"]').map((t) => t.textContent!.trim());
const text = (node: Element): string => node.textContent!.replace(/\s+/g, ' ').trim();

type Loose = Record<string, any>;
function item(id: string, overrides: Loose = {}): Loose {
  return {
    manifest: `https://rec.example.org/${id}/manifest.json`,
    id,
    title: `Recording ${id}`,
    startedAt: '2026-01-01T10:00:00Z',
    duration: 600,
    status: 'ended',
    participants: [{ name: 'Ada Lovelace', role: 'host' }, { name: 'Bo' }],
    ...overrides,
  };
}
function feed(items: unknown[], overrides: Loose = {}): Loose {
  return { version: '1.0', owner: { id: 'ada', name: 'Ada Lovelace' }, items, ...overrides };
}

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
  localStorage.removeItem('space-replay:position:resumed');
});

describe('<space-replay-list>', () => {
  it('renders the demo feed newest first: titles, dates, lengths, status, expiry and mini waveforms', async () => {
    const el = mount({ src: DEMO_FEED, lang: 'en' });
    const loaded = oneEvent<SpaceReplayEventMap['space-replay-list-load']>(el, 'space-replay-list-load');
    await ready(el);
    expect((await loaded).detail.itemErrors).to.deep.equal([]);
    expect(titles(el)).to.deep.equal([
      'Release standup (live)',
      'Riverside community garden: spring planning',
      'Maintainers AMA: shipping a web component library',
      'Club de lecture : Le Petit Prince',
    ]);
    const cards = $(el, '[part~="card"]');
    expect(cards).to.have.length(4);
    const started = el.items.map((i) => Date.parse(i.startedAt));
    expect(started).to.deep.equal([...started].sort((a, b) => b - a));
    expect(el.items.map((i) => i.id)).to.deep.equal(['release-standup', 'garden-council', 'maintainers-ama', 'club-lecture']);

    const live = cards[0]!;
    expect(live.getAttribute('part')).to.include('live');
    const liveBadge = live.querySelector('[part~="badge"][part~="live"]')!;
    expect(liveBadge.querySelector('[aria-hidden="true"]:not(.dot)')!.textContent).to.equal('REC');
    expect(liveBadge.querySelector('.sr')!.textContent).to.equal('Live now');
    expect(text(cards[1]!.querySelector('[part~="badge"][part~="ended"]')!)).to.equal('Recorded');
    expect(cards[1]!.querySelector('time[datetime="PT98S"]')!.textContent).to.equal('1:38');

    const expired = cards[3]!;
    expect(expired.getAttribute('part')).to.include('expired');
    expect(text(expired.querySelector('[part~="badge"][part~="expired"]')!)).to.equal('Expired');
    expect(expired.querySelector('button')!.getAttribute('aria-disabled')).to.equal('true');

    for (const card of cards) {
      const path = card.querySelector('svg[part~="waveform"] path')!.getAttribute('d')!;
      expect(path.match(/M/g)!.length).to.equal(100);
    }
    // Host first, initials for people without avatars, the names for screen readers.
    expect($(el, '[part~="avatar"]').slice(0, 3).map((a) => a.textContent)).to.deep.equal(['LA', 'PN', 'ON']);
    expect(text(cards[0]!.querySelector('.people-names')!)).to.equal('Hosted by Lee Anders, with Priya Nair and Ola Nordmann');
  });

  it('shows "N days left" near expiry, "Resume at" where the player stopped, and speaks French', async () => {
    localStorage.setItem('space-replay:position:resumed', '842');
    const now = Date.now();
    const el = mount({ lang: 'fr' });
    el.feed = feed([
      item('soon', { startedAt: new Date(now - 3 * DAY).toISOString(), expiresAt: new Date(now + 11.5 * DAY).toISOString() }),
      item('resumed', { startedAt: new Date(now - 4 * DAY).toISOString(), duration: 3600 }),
      item('far', { startedAt: new Date(now - 5 * DAY).toISOString(), expiresAt: new Date(now + 300 * DAY).toISOString(), status: 'pending' }),
    ]);
    await ready(el);
    const cards = $(el, '[part~="card"]');
    expect(text(cards[0]!.querySelector('[part~="expiry"]')!)).to.equal('Encore 12 jours');
    expect(text(cards[1]!.querySelector('[part~="resume"]')!)).to.equal('Reprendre à 0:14:02');
    expect(cards[2]!.querySelector('[part~="expiry"]')).to.equal(null);
    expect(text(cards[2]!.querySelector('[part~="badge"][part~="pending"]')!)).to.equal('Programmé');
    expect($(el, '[part~="list"]')[0]!.getAttribute('aria-label')).to.equal('Enregistrements de Ada Lovelace');

    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(text(cards[0]!.querySelector('[part~="expiry"]')!)).to.equal('12 days left');
    expect(text($(el, '[part~="resume"]')[0]!)).to.equal('Resume at 0:14:02');
  });

  it('survives a feed with bad items: shows the good ones and reports the bad with their paths', async () => {
    const el = mount();
    const loaded = oneEvent<SpaceReplayEventMap['space-replay-list-load']>(el, 'space-replay-list-load');
    el.feed = feed([
      item('good-1', { startedAt: '2026-01-02T10:00:00Z' }),
      item('bad-link', { manifest: 'javascript:alert(1)' }),
      item('bad-date', { startedAt: 'last tuesday' }),
      item('good-2'),
      42,
    ]);
    await ready(el);
    expect(titles(el)).to.deep.equal(['Recording good-1', 'Recording good-2']);
    const { itemErrors } = (await loaded).detail;
    expect(itemErrors.map((e) => e.path)).to.deep.equal(['items[1].manifest', 'items[2].startedAt', 'items[4]']);
    const report = $(el, '[part~="issues"]')[0]!;
    expect(text(report.querySelector('summary')!)).to.equal('3 recordings could not be shown');
    const lines = [...report.querySelectorAll('li')].map(text);
    expect(lines[0]).to.match(/^items\[1\]\.manifest scheme "javascript:" is not allowed/);
    expect(lines[1]).to.match(/^items\[2\]\.startedAt must be an RFC 3339 date-time/);
    expect(el.itemErrors.map((e) => e.path)).to.deep.equal(['items[1].manifest', 'items[2].startedAt', 'items[4]']);
  });

  it('shows loading, empty, HTTP error and invalid-feed states', async () => {
    const loadingEl = mount({ src: `${DEMO_FEED}?slow` });
    await loadingEl.updateComplete;
    expect(loadingEl.hasAttribute('loading')).to.equal(true);
    const status = $(loadingEl, '[part~="message"][part~="loading"]')[0]!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(text(status)).to.equal('Loading recordings…');
    await ready(loadingEl);

    const empty = mount();
    empty.feed = feed([]);
    await ready(empty);
    expect(text($(empty, '[part~="message"][part~="empty"]')[0]!)).to.equal('No recordings yet.');

    const missing = mount();
    const failed = oneEvent<SpaceReplayEventMap['space-replay-list-error']>(missing, 'space-replay-list-error');
    missing.src = new URL('../../demo/recordings/no-such-feed.json', import.meta.url).href;
    const { detail } = await failed;
    expect(detail.code).to.equal('feed-fetch');
    expect(detail.status).to.equal(404);
    await missing.updateComplete;
    const alert = $(missing, '[part~="message"][part~="error"]')[0]!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.include('The recordings could not be loaded. The server answered 404 (not found).');
    expect(alert.querySelector('button')!.textContent!.trim()).to.equal('Retry');

    const invalid = mount();
    const invalidError = oneEvent<SpaceReplayEventMap['space-replay-list-error']>(invalid, 'space-replay-list-error');
    invalid.feed = feed([item('a')], { owner: { name: 'No id' }, next: 'javascript:void(0)' });
    expect((await invalidError).detail.code).to.equal('feed-invalid');
    await invalid.updateComplete;
    const issues = $(invalid, '[part~="issues"] li').map(text);
    expect(issues).to.deep.equal(['owner.id required', 'next scheme "javascript:" is not allowed (use https:, http: on localhost, or a relative URL)']);
  });

  it('moves focus between cards with the arrow keys, Home and End (one tab stop)', async () => {
    const el = mount({ src: DEMO_FEED });
    await ready(el);
    const buttons = $(el, 'button[part~="open-button"]');
    expect(buttons.map((b) => b.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    const press = (key: string): void => {
      const target = el.shadowRoot!.activeElement!;
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
    };
    buttons[0]!.focus();
    press('ArrowDown');
    expect(el.shadowRoot!.activeElement).to.equal(buttons[1]);
    press('ArrowRight');
    expect(el.shadowRoot!.activeElement).to.equal(buttons[2]);
    press('End');
    expect(el.shadowRoot!.activeElement).to.equal(buttons[3]);
    press('ArrowDown');
    expect(el.shadowRoot!.activeElement).to.equal(buttons[3], 'no wrapping');
    press('ArrowUp');
    expect(el.shadowRoot!.activeElement).to.equal(buttons[2]);
    press('Home');
    expect(el.shadowRoot!.activeElement).to.equal(buttons[0]);
    press('ArrowLeft');
    expect(el.shadowRoot!.activeElement).to.equal(buttons[0]);
    press('ArrowDown');
    await el.updateComplete;
    expect(buttons.map((b) => b.tabIndex)).to.deep.equal([-1, 0, -1, -1]);
    // Semantics: a list of list items, each with a heading button that names the recording.
    const list = $(el, '[part~="list"]')[0]!;
    expect(list.getAttribute('role')).to.equal('list');
    expect(list.children).to.have.length(4);
    expect([...list.children].every((li) => li.localName === 'li')).to.equal(true);
    expect(buttons[1]!.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.getElementById(buttons[1]!.getAttribute('aria-describedby')!)!.textContent).to.include('1:38');
  });

  it('filters by the owner’s role when the feed gives roles', async () => {
    const el = mount({ src: DEMO_FEED });
    await ready(el);
    const filters = $(el, '[part~="filter"]');
    expect(filters.map(text)).to.deep.equal(['All', 'Hosted', 'Spoke in']);
    expect(filters[0]!.getAttribute('aria-pressed')).to.equal('true');
    filters[1]!.click();
    await el.updateComplete;
    expect(el.getAttribute('filter')).to.equal('hosted');
    expect(titles(el)).to.deep.equal([
      'Riverside community garden: spring planning',
      'Maintainers AMA: shipping a web component library',
      'Club de lecture : Le Petit Prince',
    ]);
    filters[2]!.click();
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Release standup (live)']);
    expect(filters[2]!.getAttribute('aria-pressed')).to.equal('true');

    const noRoles = mount();
    noRoles.feed = feed([item('a'), item('b')]);
    await ready(noRoles);
    expect($(noRoles, '[part~="filters"]')).to.have.length(0);
  });

  it('pages: shows page-size cards, "Show more" reveals the rest, then fetches the next page', async () => {
    const el = mount({ 'page-size': '10' });
    const items = Array.from({ length: 23 }, (_, i) => item(`r${i}`, { startedAt: new Date(Date.UTC(2026, 0, 30 - i)).toISOString() }));
    el.feed = feed(items, { next: '/demo/recordings/feed.json?page=2' });
    await ready(el);
    expect(titles(el)).to.have.length(10);
    expect(titles(el)[0]).to.equal('Recording r0');
    const more = (): HTMLButtonElement => $<HTMLButtonElement>(el, '[part~="more-button"]')[0]!;
    more().focus();
    more().click();
    await el.updateComplete;
    expect(titles(el)).to.have.length(20);
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'button[part~="open-button"]')[10], 'focus moves to the first new card');
    more().click();
    await el.updateComplete;
    expect(titles(el)).to.have.length(23);
    expect(requested.some((url) => url.includes('/demo/recordings/feed.json?page=2'))).to.equal(false, 'the next page is fetched only when asked for');

    const page = oneEvent<SpaceReplayEventMap['space-replay-list-load']>(el, 'space-replay-list-load');
    more().click();
    expect((await page).detail.items).to.have.length(4);
    await el.updateComplete;
    expect(titles(el)).to.have.length(27);
    expect(el.items.slice(-4).map((i) => i.id)).to.deep.equal(['release-standup', 'garden-council', 'maintainers-ama', 'club-lecture']);
    expect($(el, '[part~="more-button"]')).to.have.length(0, 'the last page has no next');
  });

  it('says so on the card when the player code cannot be loaded', async () => {
    const loadPlayer = SpaceReplayList.loadPlayer;
    SpaceReplayList.loadPlayer = () => Promise.reject(new Error('offline'));
    try {
      const el = mount({ src: DEMO_FEED });
      await ready(el);
      const failed = oneEvent<SpaceReplayEventMap['space-replay-list-error']>(el, 'space-replay-list-error');
      $(el, 'button[part~="open-button"]')[1]!.click();
      expect((await failed).detail.code).to.equal('player-load');
      await el.updateComplete;
      const item = $(el, 'li[part~="item"]')[1]!;
      expect(item.querySelector('[role="alert"]')!.textContent).to.equal('The recording could not be loaded.');
      expect(item.querySelector('button')!.getAttribute('aria-expanded')).to.equal('false');
    } finally {
      SpaceReplayList.loadPlayer = loadPlayer;
    }
  });

  it('loaded no player code and no manifest, media or avatar of any card', () => {
    const player = requested.filter((url) => /\/src\/elements\/space-replay\/(define|space-replay)\.ts/.test(url));
    expect(player).to.deep.equal([]);
    expect(customElements.get('space-replay')).to.equal(undefined);
    expect(requested.filter((url) => /manifest\.json|\.m3u8|\.m4s|\.m4a|waveform\.json/.test(url))).to.deep.equal([]);
  });
});
