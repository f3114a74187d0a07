import { expect } from '@esm-bundle/chai';
import { fixtureUrl, hasNativeHls, waitFor } from '../helpers/wait.js';
import { find, mount, mountReady, nextEvent, part, unmountAll } from '../helpers/player.js';

afterEach(unmountAll);

describe('<space-replay> playback', () => {
  it('loads the manifest, fires ready with it, and plays natively where the browser has HLS', async function () {
    if (!hasNativeHls()) this.skip();
    const el = await mountReady('talk/manifest.json', { engine: 'native' });
    expect(el.manifest?.id).to.equal('fixture-talk');
    expect(el.activeEngine).to.equal('native');
    expect(el.duration).to.equal(18.285);
    await el.play();
    await waitFor(() => el.currentTime > 1, 'currentTime > 1');
    expect(el.paused).to.equal(false);
    expect(el.hasAttribute('playing')).to.equal(true);
  });

  it('plays through hls.js (forced in Chromium, natural in Firefox)', async () => {
    const el = await mountReady('talk/manifest.json', hasNativeHls() ? { engine: 'hls.js' } : {});
    expect(el.activeEngine).to.equal('hls.js');
    await el.play();
    await waitFor(() => el.currentTime > 1, 'currentTime > 1');
  });

  it('plays the progressive file when it is the only source', async () => {
    const el = await mountReady('talk/manifest-progressive.json');
    expect(el.activeEngine).to.equal('progressive');
    await el.play();
    await waitFor(() => el.currentTime > 0.5, 'currentTime > 0.5');
  });

  for (const engine of ['native', 'hls.js'] as const) {
    it(`play() called as the player is made plays once the audio is attached (${engine})`, async function () {
      if (engine === 'native' && !hasNativeHls()) this.skip();
      const el = mount({ 'no-resume': '', engine });
      el.src = fixtureUrl('talk/manifest.json');
      el.mediaElement.muted = true;
      const played = el.play();
      await nextEvent(el, 'space-replay-ready', 15_000);
      expect(el.activeEngine).to.equal(engine);
      await played;
      await waitFor(() => !el.paused && el.currentTime > 0.5, `playback past 0.5 s (at ${el.currentTime})`);
      expect(el.hasAttribute('playing')).to.equal(true);
    });
  }

  it('a new second moves the clock and the slider value without rendering the player again', async () => {
    const el = await mountReady();
    el.mediaElement.muted = true;
    el.playbackRate = 2;
    await el.play();
    await waitFor(() => el.currentTime > 0.5, 'playback');
    await el.updateComplete;
    // The player and the parts that show the second (the timeline's slider, the transport's clock).
    const counted = [el, find(el, 'space-replay-timeline')!, find(el, 'space-replay-transport')!] as unknown as { render: () => unknown; localName: string }[];
    const rendersOf = new Map<string, number>();
    for (const target of counted) {
      const render = target.render.bind(target);
      rendersOf.set(target.localName, 0);
      target.render = () => {
        rendersOf.set(target.localName, rendersOf.get(target.localName)! + 1);
        return render();
      };
    }
    const slider = part(el, '[role="slider"]');
    const [elapsed, remaining] = part(el, '[part~="time"]').children;
    const from = Math.floor(el.currentTime);
    await waitFor(() => Math.floor(el.currentTime) >= from + 3, 'three more seconds');
    const now = Math.floor(el.currentTime);
    await waitFor(() => slider.getAttribute('aria-valuenow') === String(Math.floor(el.currentTime)), 'the slider value');
    expect(slider.getAttribute('aria-valuetext')).to.match(/^\d+ seconds of 18 seconds$/);
    expect(elapsed!.textContent).to.match(new RegExp(`^0:(0${now}|0${now + 1}|${now + 1})$`));
    expect(remaining!.getAttribute('aria-label')).to.match(/ seconds remaining$/);
    // A speaker change (the speaker list marks who talks) or buffering may render; a render per
    // second would be 3 or more besides.
    for (const [name, renders] of rendersOf) expect(renders, `${name} renders over three seconds of playback`).to.be.at.most(2);
  });

  it('pause() pauses and reports it', async () => {
    const el = await mountReady();
    await el.play();
    await waitFor(() => el.currentTime > 0.2, 'playback');
    const paused = nextEvent(el, 'space-replay-pause');
    el.pause();
    await paused;
    expect(el.paused).to.equal(true);
    expect(el.hasAttribute('playing')).to.equal(false);
    expect(part(el, '[part~="play-button"]').getAttribute('aria-label')).to.equal('Play');
  });

  it('fills the Media Session with the title and host while playing', async function () {
    if (!('mediaSession' in navigator) || typeof MediaMetadata === 'undefined') this.skip();
    const el = await mountReady();
    await el.play();
    await waitFor(() => navigator.mediaSession.metadata?.title === 'Fixture talk: three voices', 'media session metadata');
    expect(navigator.mediaSession.metadata!.artist).to.equal('Ada Host');
    el.remove();
    expect(navigator.mediaSession.metadata).to.equal(null);
  });
});
