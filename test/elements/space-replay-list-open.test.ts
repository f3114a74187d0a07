import { expect } from '@esm-bundle/chai';
// Only the list: the player's module must arrive by itself when a card opens.
import '../../src/elements/space-replay-list/define.js';
import type { SpaceReplayList } from '../../src/elements/space-replay-list/space-replay-list.js';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
import type { SpaceReplayEventMap } from '../../src/events.js';
import { sendKeys } from '@web/test-runner-commands';
import { oneEvent, waitFor } from '../helpers/wait.js';

const requested: string[] = [];
new PerformanceObserver((list) => requested.push(...list.getEntries().map((e) => e.name))).observe({ type: 'resource', buffered: true });

const DEMO_FEED = new URL('../../demo/recordings/feed.json', import.meta.url).href;
const PLAYER_CODE = /\/src\/elements\/space-replay\/(define|space-replay)\.ts/;
const mounted: HTMLElement[] = [];

async function mountList(attributes: Record<string, string> = {}): Promise<SpaceReplayList> {
  const el = document.createElement('space-replay-list');
  el.style.width = '720px';
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.src = DEMO_FEED;
  document.body.append(el);
  mounted.push(el);
  await waitFor(() => el.shadowRoot!.querySelector('[part~="list"]'), 'cards');
  return el;
}

const card = (el: SpaceReplayList, id: string): HTMLLIElement => {
  const index = el.items.findIndex((i) => i.id === id);
  return el.shadowRoot!.querySelectorAll<HTMLLIElement>('li[part~="item"]')[index]!;
};
const openButton = (el: SpaceReplayList, id: string): HTMLButtonElement => card(el, id).querySelector('button[part~="open-button"]')!;
const playerIn = (el: SpaceReplayList, id: string): SpaceReplay | null => card(el, id).querySelector('space-replay');

/** Resolves once any resource whose URL matches `pattern` has been observed. */
const fetched = (pattern: RegExp): Promise<unknown> => waitFor(() => requested.some((url) => pattern.test(url)), `a request for ${pattern}`);

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

describe('<space-replay-list>: opening cards', () => {
  it('loads the player module and the manifest only when a card is activated, then closes it again', async () => {
    const el = await mountList({ 'no-autoplay': '' });
    expect(customElements.get('space-replay')).to.equal(undefined);
    expect(requested.filter((url) => PLAYER_CODE.test(url) || url.includes('manifest.json'))).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('space-replay')).to.equal(null);

    const toggled = oneEvent<SpaceReplayEventMap['space-replay-list-toggle']>(el, 'space-replay-list-toggle');
    const ready = oneEvent<SpaceReplayEventMap['space-replay-ready']>(el, 'space-replay-ready', 15_000);
    openButton(el, 'garden-council').click();
    const { detail } = await toggled;
    expect(detail).to.deep.equal({ id: 'garden-council', manifest: new URL('garden-council/manifest.json', DEMO_FEED).href, open: true });
    expect((await ready).detail.manifest.id).to.equal('garden-council');

    expect(customElements.get('space-replay')).to.be.a('function');
    await fetched(PLAYER_CODE);
    await fetched(/garden-council\/manifest\.json$/);
    expect(requested.some((url) => /(maintainers-ama|release-standup|club-lecture)\//.test(url))).to.equal(false, 'other cards load nothing');
    const player = playerIn(el, 'garden-council')!;
    expect(player.src).to.equal(new URL('garden-council/manifest.json', DEMO_FEED).href);
    expect(player.paused).to.equal(true, 'no-autoplay');
    expect(openButton(el, 'garden-council').getAttribute('aria-expanded')).to.equal('true');

    openButton(el, 'garden-council').click();
    await el.updateComplete;
    expect(playerIn(el, 'garden-council')).to.equal(null);
    expect(openButton(el, 'garden-council').getAttribute('aria-expanded')).to.equal('false');
  });

  it('moves between cards with real arrow keys, opens the focused one and starts playing', async () => {
    const el = await mountList();
    const button = openButton(el, 'maintainers-ama');
    button.focus();
    // Real key presses: ArrowDown moves to the next card, ArrowUp back.
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement).to.equal(openButton(el, 'club-lecture'));
    await sendKeys({ press: 'ArrowUp' });
    expect(el.shadowRoot!.activeElement).to.equal(button);
    // The card is a native button: Enter and Space activate it by the browser's own behaviour, as
    // a click (Firefox does not do that in a background tab, so the test clicks).
    const ready = oneEvent(el, 'space-replay-ready', 15_000);
    button.click();
    await ready;
    const player = playerIn(el, 'maintainers-ama')!;
    await waitFor(() => !player.paused && player.currentTime > 0.2, 'autoplay', 15_000);
    player.pause();
  });

  it('makes no request at all for an expired item, and creates no player for it', async () => {
    const el = await mountList();
    const button = openButton(el, 'club-lecture');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    await el.openItem('club-lecture');
    await el.updateComplete;
    expect(playerIn(el, 'club-lecture')).to.equal(null);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    // Give any stray request time to show: open another card and wait for its audio to be attached.
    const ready = oneEvent(el, 'space-replay-ready', 15_000);
    await el.openItem('release-standup');
    await ready;
    playerIn(el, 'release-standup')!.pause();
    await fetched(/release-standup\/manifest\.json$/);
    expect(requested.filter((url) => url.includes('club-lecture'))).to.deep.equal([]);
    expect(el.shadowRoot!.querySelectorAll('space-replay')).to.have.length(1);
  });

  it('keeps one player playing at a time, the list’s and any other on the page', async () => {
    const el = await mountList();
    const listReady = oneEvent(el, 'space-replay-ready', 15_000);
    openButton(el, 'garden-council').click();
    await listReady;
    const inList = playerIn(el, 'garden-council')!;
    await waitFor(() => !inList.paused && inList.currentTime > 0.2, 'the list player to play', 15_000);

    // A plain player elsewhere on the page (its element is defined now that the list loaded it).
    const plain = document.createElement('space-replay') as SpaceReplay;
    plain.style.width = '720px';
    plain.setAttribute('no-resume', '');
    mounted.push(plain);
    const plainReady = oneEvent(plain, 'space-replay-ready', 15_000);
    plain.src = new URL('maintainers-ama/manifest.json', DEMO_FEED).href;
    document.body.append(plain);
    await plainReady;

    await plain.play();
    await waitFor(() => inList.paused, 'the list player to pause', 10_000);
    await waitFor(() => !plain.paused && plain.currentTime > 0.2, 'the plain player to play', 15_000);
    expect(inList.hasAttribute('playing')).to.equal(false);

    await inList.play();
    await waitFor(() => plain.paused, 'the plain player to pause', 10_000);
    expect(inList.paused).to.equal(false);

    // A second card's player pauses the first card's.
    const secondReady = oneEvent(el, 'space-replay-ready', 15_000);
    await el.openItem('maintainers-ama');
    await secondReady;
    const second = playerIn(el, 'maintainers-ama')!;
    await waitFor(() => !second.paused, 'the second card to play', 15_000);
    await waitFor(() => inList.paused, 'the first card to pause', 10_000);
    expect(plain.paused).to.equal(true);
    second.pause();
  });
});
