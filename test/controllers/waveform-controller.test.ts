import { expect } from '@esm-bundle/chai';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MediaEngineController } from '../../src/controllers/media-engine-controller.js';
import { WaveformController } from '../../src/controllers/waveform-controller.js';
import { fixtureUrl, waitFor } from '../helpers/wait.js';

const DURATION = 18.285; // test/fixtures/talk/audio.m4a
const COLORS = { wave: '#888', progress: '#333', cursor: '#000' };

class Host implements ReactiveControllerHost {
  addController(_c: ReactiveController): void {}
  removeController(): void {}
  requestUpdate(): void {}
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

/** A waveform `width` px wide over the fixture, playing muted once drawn. */
async function playingWaveform(width: number) {
  const container = document.createElement('div');
  container.style.width = `${width}px`;
  document.body.append(container);
  const media = document.createElement('audio');
  media.muted = true;
  const waveform = new WaveformController(new Host(), media);
  cleanup = () => {
    waveform.detach();
    media.removeAttribute('src');
    media.load();
    container.remove();
  };
  const peaks = new Float32Array(1000).map((_, i) => Math.abs(Math.sin(i / 7)));
  expect(await waveform.attach(container, peaks, DURATION, { height: 40, colors: COLORS })).to.equal(true);
  // wavesurfer clears src while loading: the source goes on after attach, as the player does.
  media.src = fixtureUrl('talk/audio.m4a');
  await media.play();
  await waitFor(() => media.currentTime > 0.2, 'playback');
  const progress = container.querySelector('div')!.shadowRoot!.querySelector<HTMLElement>('[part~="progress"]')!;
  return { container, media, waveform, progress };
}

/** Counts style writes to `el` and animation frames over `ms`. */
async function styleWritesOver(el: HTMLElement, ms: number): Promise<{ writes: number; frames: number }> {
  let writes = 0;
  let frames = 0;
  const observer = new MutationObserver((records) => (writes += records.length));
  observer.observe(el, { attributes: true, attributeFilter: ['style'] });
  const end = performance.now() + ms;
  await new Promise<void>((resolve) => {
    const frame = (): void => {
      frames++;
      if (performance.now() >= end) resolve();
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  observer.disconnect();
  return { writes, frames };
}

describe('WaveformController', () => {
  it('moves the progress only when the playhead moves a whole device pixel, not every frame', async () => {
    const width = 120;
    const { progress, media } = await playingWaveform(width);
    const from = media.currentTime;
    const { writes, frames } = await styleWritesOver(progress, 1500);
    const moved = Math.abs(media.currentTime - from) * (width / DURATION) * devicePixelRatio;
    // Meaningful only when frames outnumber pixel moves; every frame writing would give `frames`.
    expect(frames, 'frames').to.be.greaterThan(moved * 2 + 6);
    expect(writes, `style writes for ${moved.toFixed(1)} device px over ${frames} frames`).to.be.at.most(Math.ceil(moved) + 2);
    expect(writes, 'the progress still moves').to.be.at.least(Math.max(1, Math.floor(moved) - 2));
  });

  it('keeps the progress right after a resize redraws the waveform', async () => {
    const { container, waveform, media, progress } = await playingWaveform(120);
    const done = new Promise<void>((resolve) => waveform.wavesurfer!.once('redrawcomplete', () => resolve()));
    container.style.width = '400px';
    await done;
    await waitFor(() => {
      const percent = parseFloat(progress.style.width);
      return Math.abs(percent / 100 - media.currentTime / DURATION) * 400 < 2;
    }, 'the progress at the playhead after the resize');
  });

  // The timeline draws whenever its recording and wavesurfer.js have arrived, which may be after
  // the media engine attached the source (native HLS in Chromium, an hls.js MediaSource in Firefox).
  for (const when of ['before playback', 'during playback']) {
    it(`attached after the engine set the source (${when}), leaves the source playing`, async () => {
      const media = document.createElement('audio');
      media.muted = true;
      const engine = new MediaEngineController(new Host(), media, { onError: (e) => expect.fail(e.message) });
      const container = document.createElement('div');
      container.style.width = '300px';
      document.body.append(container);
      const waveform = new WaveformController(new Host(), media);
      cleanup = () => {
        waveform.detach();
        engine.hostDisconnected();
        container.remove();
      };
      await engine.load([{ url: fixtureUrl('talk/audio/index.m3u8'), type: 'application/vnd.apple.mpegurl' }], 'auto');
      const src = media.src;
      expect(src).to.not.equal('');
      if (when === 'during playback') {
        await media.play();
        await waitFor(() => media.currentTime > 0.3, 'playback before the waveform');
      }
      const peaks = new Float32Array(300).fill(0.5);
      expect(await waveform.attach(container, peaks, DURATION, { height: 40, colors: COLORS })).to.equal(true);
      expect(media.src, 'the source after attach').to.equal(src);
      await media.play();
      const from = media.currentTime;
      await waitFor(() => media.currentTime > from + 0.5, 'playback after the waveform attached');
      waveform.detach();
      expect(media.src, 'the source after detach').to.equal(src);
    });
  }
});
