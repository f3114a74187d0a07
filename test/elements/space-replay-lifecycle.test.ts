import { expect } from '@esm-bundle/chai';
import { MediaEngineController, type HlsConstructor } from '../../src/controllers/media-engine-controller.js';
import { liveTimers } from '../../src/controllers/timer-scope.js';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
import { faultKey, faultUrl, requestsFor, serverNow, untilRequests } from '../helpers/faults.js';
import { countLeaks, type LeakCounter } from '../helpers/leaks.js';
import { fixtureUrl, oneEvent, waitFor } from '../helpers/wait.js';
import { find, findAll, mount, mountReady, nextEvent, part, unmountAll } from '../helpers/player.js';

const realLoadHls = MediaEngineController.loadHls;

afterEach(() => {
  unmountAll();
  MediaEngineController.loadHls = realLoadHls;
});

/** hls.js with counters on construction and destruction. */
async function countingHls(): Promise<{ Hls: HlsConstructor; counts: { created: number; destroyed: number } }> {
  const Real = await realLoadHls();
  const counts = { created: 0, destroyed: 0 };
  class Counting extends Real {
    constructor(...args: ConstructorParameters<HlsConstructor>) {
      super(...args);
      counts.created++;
    }
    override destroy(): void {
      counts.destroyed++;
      super.destroy();
    }
  }
  return { Hls: Counting as HlsConstructor, counts };
}

/** Resolves after the browser had the chance to run anything still scheduled. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
}

function speakerNames(el: SpaceReplay): string[] {
  return [...findAll(el, 'button.speaker bdi.name')].map((b) => b.textContent!);
}

/** Waits until nothing the library made is left: no listener on the window, document or a media query, no timer or frame. */
async function nothingLeft(leaks: LeakCounter): Promise<void> {
  await waitFor(() => leaks.listeners().length === 0 && leaks.timers().length === 0, 'no listener or timer left', 3000).catch(() => {
    throw new Error(`left behind: listeners ${JSON.stringify(leaks.listeners())}, timers ${JSON.stringify(leaks.timers())}`);
  });
}

/** Counts the `type` events `el` fires. */
function counted(el: EventTarget, type: string): { count: number } {
  const seen = { count: 0 };
  el.addEventListener(type, () => seen.count++);
  return seen;
}

describe('<space-replay> lifecycle', () => {
  // Players mounted before anything is counted: what a page installs once (the playing
  // coordinator on the document) is there before the counting starts.
  before(async () => {
    (await mountReady()).remove();
  });

  it('removed while its manifest loads: no ready, no request after, no play, its audio paused, nothing left running', async () => {
    const key = faultKey('gone');
    const twinKey = faultKey('twin');
    const leaks = countLeaks();
    try {
      // test/server/faults.js: the manifest takes 2 s to arrive. The page plays the player at once.
      const el = mount({ 'no-resume': '' });
      const ready = counted(el, 'space-replay-ready');
      const errors = counted(el, 'space-replay-error');
      el.src = faultUrl(key, 'talk/manifest.json', 'slowx1', 'manifest.json');
      el.mediaElement.muted = true;
      void el.play();
      await untilRequests(key, (log) => log.length > 0, 'the manifest request');
      el.remove();
      const plays = counted(el, 'space-replay-play');
      expect(el.mediaElement.paused, 'its audio paused at once').to.equal(true);
      // A twin on the same slow manifest, left in the page: once it is ready (manifest, peaks and
      // audio fetched), the removed one would have been too.
      const twin = mount({ 'no-resume': '' });
      const twinReady = nextEvent(twin, 'space-replay-ready', 15_000);
      twin.src = faultUrl(twinKey, 'talk/manifest.json', 'slowx1', 'manifest.json');
      await twinReady;
      await twin.play();
      await waitFor(() => twin.currentTime > 0.3, 'the twin plays');
      twin.remove();
      expect((await requestsFor(twinKey)).map((r) => r.file)).to.include('talk/waveform.json');
      expect(ready.count).to.equal(0);
      expect(errors.count, 'no error for an aborted load').to.equal(0);
      expect(plays.count).to.equal(0);
      expect((await requestsFor(key)).map((r) => r.file)).to.deep.equal(['talk/manifest.json']);
      expect(el.mediaElement.paused).to.equal(true);
      expect(el.mediaElement.hasAttribute('src')).to.equal(false);
      await nothingLeft(leaks);
    } finally {
      leaks.stop();
    }
  });

  it('removed while its peaks load, then put back: it loads again and plays', async () => {
    const key = faultKey('peaks');
    const el = mount({ 'no-resume': '' });
    const ready = counted(el, 'space-replay-ready');
    el.src = faultUrl(key, 'talk/manifest.json', 'slowx1', 'waveform.json');
    await untilRequests(key, (log) => log.some((r) => r.file.endsWith('waveform.json')), 'the peaks request');
    el.remove();
    await el.updateComplete;
    expect(el.state, 'idle while removed: not an error').to.equal('idle');
    document.body.append(el);
    await waitFor(() => ready.count === 1, 'ready once put back', 15_000);
    await el.play();
    await waitFor(() => el.currentTime > 0.3, 'playback once put back');
  });

  it('20 src swaps in a row: the last recording wins, and once removed nothing plays, asks or runs', async () => {
    const leaks = countLeaks();
    try {
      const el = mount({ 'no-resume': '' });
      const idOf = (swap: number): string => (swap % 2 === 0 ? 'fixture-other' : 'fixture-talk');
      // Each ready with the swap that was current when it came: a swap that loaded fully before
      // the next one (the machine is slow, the loop waits on the server) may be ready, but never
      // a recording that was already replaced.
      let swap = -1;
      const readies: { id: string; swap: number }[] = [];
      el.addEventListener('space-replay-ready', (e) => readies.push({ id: e.detail.manifest.id, swap }));
      const keys: string[] = [];
      for (let i = 0; i < 20; i++) {
        const key = faultKey(`swap${i}`);
        keys.push(key);
        swap = i;
        el.src = faultUrl(key, i % 2 === 0 ? 'other/manifest.json' : 'talk/manifest.json');
        // Some swaps land mid-render, some mid-fetch.
        if (i % 3 === 0) await el.updateComplete;
        if (i % 5 === 0) await untilRequests(key, (log) => log.length > 0, 'the manifest request');
      }
      await waitFor(() => readies.some((r) => r.swap === 19), 'the last recording ready', 15_000);
      await el.play();
      await waitFor(() => el.currentTime > 0.3, 'the last recording plays');
      expect(readies.map((r) => r.id), 'each ready is the recording current then').to.deep.equal(readies.map((r) => idOf(r.swap)));
      expect(readies.filter((r) => r.swap === 19).length, 'the last recording ready once').to.equal(1);
      const readyCount = readies.length;
      expect(el.manifest!.id).to.equal('fixture-talk');
      expect(el.mediaElement.duration).to.be.closeTo(18.285, 0.1);
      el.remove();
      const removedAt = await serverNow();
      expect(el.mediaElement.paused).to.equal(true);
      expect(el.mediaElement.hasAttribute('src')).to.equal(false);
      await nothingLeft(leaks);
      for (const key of keys) {
        const late = (await requestsFor(key)).filter((r) => r.at > removedAt);
        expect(late, `requests after removal under ${key}`).to.deep.equal([]);
      }
      expect(readies.length, 'no ready after removal').to.equal(readyCount);
    } finally {
      leaks.stop();
    }
  });
  it('removing the element while hls.js loads destroys it and leaves no timers or frames', async () => {
    const { Hls, counts } = await countingHls();
    MediaEngineController.loadHls = () => Promise.resolve(Hls);
    const el = mount({ engine: 'hls.js', 'no-resume': '' });
    const engine = oneEvent<CustomEvent>(el, 'space-replay-engine');
    el.src = fixtureUrl('talk/manifest.json');
    expect((await engine).detail.engine).to.equal('hls.js');
    expect(counts.created).to.equal(1);
    el.remove();
    expect(counts.destroyed).to.equal(1);
    expect(el.mediaElement.hasAttribute('src')).to.equal(false);
    await settle();
    expect(liveTimers()).to.equal(0);
    expect(el.activeEngine).to.equal(null);
  });

  it('removing the element while the manifest loads never attaches audio', async () => {
    const { Hls, counts } = await countingHls();
    MediaEngineController.loadHls = () => Promise.resolve(Hls);
    const el = mount({ engine: 'hls.js', 'no-resume': '' });
    let ready = 0;
    el.addEventListener('space-replay-ready', () => ready++);
    el.src = fixtureUrl('talk/manifest.json');
    await el.updateComplete;
    el.remove();
    await settle();
    await settle();
    expect(ready).to.equal(0);
    expect(counts.created).to.equal(0);
    expect(el.mediaElement.hasAttribute('src')).to.equal(false);
    expect(liveTimers()).to.equal(0);
  });

  it('removing a playing element stops the clock: no frames keep running', async () => {
    const el = await mountReady();
    await el.play();
    await waitFor(() => el.currentTime > 0.3, 'playback');
    el.remove();
    expect(el.mediaElement.paused || !el.mediaElement.hasAttribute('src')).to.equal(true);
    await settle();
    expect(liveTimers()).to.equal(0);
  });

  it('a moved element plays again', async () => {
    const el = await mountReady();
    const ready = nextEvent(el, 'space-replay-ready');
    document.body.prepend(el);
    await ready;
    expect(el.activeEngine).to.not.equal(null);
    await el.play();
    await waitFor(() => el.currentTime > 0.3, 'playback after the move');
  });

  it('src A → B → A shows no stale state', async () => {
    const el = await mountReady('talk/manifest.json');
    el.seek(11);
    expect(speakerNames(el)).to.deep.equal(['Ada Host', 'Bo Guest', 'Cy Cohost']);

    const readyB = nextEvent(el, 'space-replay-ready');
    el.src = fixtureUrl('other/manifest.json');
    await el.updateComplete;
    // While B loads nothing of A shows.
    expect(el.manifest).to.equal(undefined);
    expect(find(el, '[part~="title"]')).to.equal(null);
    expect(speakerNames(el)).to.deep.equal([]);
    expect((await readyB).detail.manifest.id).to.equal('fixture-other');
    await el.updateComplete;
    expect(part(el, '[part~="title"]').textContent).to.equal('Fixture other: two voices');
    expect(speakerNames(el)).to.deep.equal(['Dee Other', 'Eli Other']);
    expect(el.duration).to.equal(7.38);
    expect(el.currentTime).to.equal(0);
    expect(part(el, '[role="slider"]').getAttribute('aria-valuemax')).to.equal('7');

    // Back to A, and straight away to B and A again: only the last one may land.
    const seen: string[] = [];
    el.addEventListener('space-replay-ready', (e) => seen.push(e.detail.manifest.id));
    el.src = fixtureUrl('talk/manifest.json');
    await el.updateComplete;
    el.src = fixtureUrl('other/manifest.json');
    await el.updateComplete;
    el.src = fixtureUrl('talk/manifest.json');
    await waitFor(() => seen.length > 0, 'a ready event');
    await settle();
    expect(seen).to.deep.equal(['fixture-talk']);
    await el.updateComplete;
    expect(part(el, '[part~="title"]').textContent).to.equal('Fixture talk: three voices');
    expect(speakerNames(el)).to.deep.equal(['Ada Host', 'Bo Guest', 'Cy Cohost']);
    await el.play();
    await waitFor(() => el.currentTime > 0.3, 'A plays');
    expect(el.mediaElement.duration).to.be.closeTo(18.285, 0.1);
  });

  it('remembers the position per recording unless no-resume is set', async () => {
    localStorage.removeItem('space-replay:position:fixture-talk');
    const first = mount();
    const ready = nextEvent(first, 'space-replay-ready');
    first.src = fixtureUrl('talk/manifest.json');
    await ready;
    first.seek(9.5);
    first.remove();
    expect(localStorage.getItem('space-replay:position:fixture-talk')).to.equal('9');

    const second = mount();
    const ready2 = nextEvent(second, 'space-replay-ready');
    second.src = fixtureUrl('talk/manifest.json');
    await ready2;
    expect(second.currentTime).to.be.closeTo(9, 0.01);

    const third = await mountReady('talk/manifest.json');
    expect(third.currentTime).to.equal(0);
    localStorage.removeItem('space-replay:position:fixture-talk');
  });
});
