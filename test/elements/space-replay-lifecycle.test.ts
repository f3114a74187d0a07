import { expect } from '@esm-bundle/chai';
import { MediaEngineController, type HlsConstructor } from '../../src/controllers/media-engine-controller.js';
import { liveTimers } from '../../src/controllers/timer-scope.js';
import type { SpaceReplay } from '../../src/elements/space-replay/space-replay.js';
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
  return [...findAll(el, 'button.speaker bdi')].map((b) => b.textContent!);
}

describe('<space-replay> lifecycle', () => {
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
